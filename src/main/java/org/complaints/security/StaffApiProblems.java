package org.complaints.security;

import java.net.URI;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.complaints.engine.InvalidInputException;
import org.complaints.engine.rest.ConcurrentChange;
import org.complaints.register.ComplaintNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/**
 * Readable RFC 9457 answers for the staff API: refusals and bad input are the caller's to correct. Each carries a
 * type {@code urn:complaints:problem:<kind>} by status, so a client tells them apart without reading the text,
 * as the OpenAPI description lists them.
 */
@RestControllerAdvice(annotations = StaffApi.class)
class StaffApiProblems {

    private static final Map<Integer, String> KINDS =
            Map.of(400, "invalid", 401, "unauthorized", 403, "forbidden", 404, "not-found", 409, "conflict");

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> status(ResponseStatusException exception) {
        ProblemDetail problem =
                typed(ProblemDetail.forStatusAndDetail(exception.getStatusCode(), exception.getReason()));
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(exception.getStatusCode());
        if (exception.getStatusCode().value() == 401) {
            answer.header("WWW-Authenticate", "Basic realm=\"complaints\"");
        }
        return answer.body(problem);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException exception) {
        return ResponseEntity.badRequest()
                .body(typed(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, exception.getMessage())));
    }

    /** Two people changing the same thing at once: the later one is told, nothing of theirs was saved. */
    @ExceptionHandler(OptimisticLockingException.class)
    ResponseEntity<ProblemDetail> conflict() {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(typed(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ConcurrentChange.MESSAGE)));
    }

    @ExceptionHandler(ComplaintNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(ComplaintNotFoundException exception) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(typed(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, exception.getMessage())));
    }

    private static ProblemDetail typed(ProblemDetail problem) {
        String kind = KINDS.get(problem.getStatus());
        if (kind != null) {
            problem.setType(URI.create("urn:complaints:problem:" + kind));
        }
        return problem;
    }
}
