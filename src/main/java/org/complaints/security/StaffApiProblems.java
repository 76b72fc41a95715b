package org.complaints.security;

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

/** Readable RFC 9457 answers for the staff API: refusals and bad input are the caller's to correct. */
@RestControllerAdvice(annotations = StaffApi.class)
class StaffApiProblems {

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> status(ResponseStatusException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(exception.getStatusCode(), exception.getReason());
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(exception.getStatusCode());
        if (exception.getStatusCode().value() == 401) {
            answer.header("WWW-Authenticate", "Basic realm=\"complaints\"");
        }
        return answer.body(problem);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException exception) {
        return ResponseEntity.badRequest()
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, exception.getMessage()));
    }

    /** Two people changing the same thing at once: the later one is told, nothing of theirs was saved. */
    @ExceptionHandler(OptimisticLockingException.class)
    ResponseEntity<ProblemDetail> conflict() {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ConcurrentChange.MESSAGE));
    }

    @ExceptionHandler(ComplaintNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(ComplaintNotFoundException exception) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, exception.getMessage()));
    }
}
