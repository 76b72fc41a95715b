package org.complaints.intake.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.complaints.engine.InvalidInputException;
import org.complaints.intake.AttachmentsTooLargeException;
import org.complaints.intake.ComplaintNotOpenException;
import org.complaints.intake.DecisionAlreadyAnsweredException;
import org.complaints.intake.IdempotencyKeyReusedException;
import org.complaints.intake.PublicFieldProblems;
import org.complaints.intake.TooManySubmissionsException;
import org.complaints.register.ComplaintNotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * RFC 9457 problem details for the complainant's API, in the requested language, with one entry per field
 * problem. The same wording as the public pages ({@code error.*} and {@code field.*} in the bundles).
 */
@RestControllerAdvice(assignableTypes = ComplaintApiController.class)
class ApiProblems {

    private final MessageSource messages;

    ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e, HttpServletRequest request) {
        List<PublicFieldProblems.FieldProblem> errors = PublicFieldProblems.of(e, messages, locale());
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid", request);
        problem.setProperty("errors", errors);
        return respond(problem, null);
    }

    @ExceptionHandler(ComplaintNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(HttpServletRequest request) {
        return respond(problem(HttpStatus.NOT_FOUND, "not-found", request), null);
    }

    @ExceptionHandler(ComplaintNotOpenException.class)
    ResponseEntity<ProblemDetail> notOpen(ComplaintNotOpenException e, HttpServletRequest request) {
        String kind = e instanceof DecisionAlreadyAnsweredException
                ? "already-answered"
                : e.retryable() ? "try-again" : "closed";
        ProblemDetail problem = problem(HttpStatus.CONFLICT, kind, request);
        return respond(problem, e.retryable() ? String.valueOf(e.retryAfterSeconds()) : null);
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<ProblemDetail> keyReused(HttpServletRequest request) {
        return respond(problem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", request), null);
    }

    @ExceptionHandler({AttachmentsTooLargeException.class, MaxUploadSizeExceededException.class})
    ResponseEntity<ProblemDetail> tooLarge(HttpServletRequest request) {
        return respond(problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", request), null);
    }

    @ExceptionHandler(TooManySubmissionsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManySubmissionsException e, HttpServletRequest request) {
        return respond(
                problem(HttpStatus.TOO_MANY_REQUESTS, "too-many", request), String.valueOf(e.retryAfterSeconds()));
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, HttpMediaTypeNotSupportedException.class})
    ResponseEntity<ProblemDetail> unreadable(Exception e, HttpServletRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimit.RequestTooLargeException) {
                return tooLarge(request);
            }
        }
        return respond(problem(HttpStatus.BAD_REQUEST, "unreadable", request), null);
    }

    private ProblemDetail problem(HttpStatus status, String kind, HttpServletRequest request) {
        Locale locale = locale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status, messages.getMessage("problem." + kind + ".detail", null, locale));
        problem.setTitle(messages.getMessage("problem." + kind + ".title", null, locale));
        problem.setType(URI.create("urn:complaints:problem:" + kind));
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, String retryAfter) {
        ResponseEntity.BodyBuilder response =
                ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (retryAfter != null) {
            response.header(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return response.body(problem);
    }
}
