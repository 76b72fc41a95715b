package org.complaints.improvement;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** An unknown corrective-action reference is a readable 404 problem detail in the staff API. */
@RestControllerAdvice(assignableTypes = CorrectiveActionController.class)
class CorrectiveActionProblems {

    @ExceptionHandler(CorrectiveActionNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(CorrectiveActionNotFoundException exception) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, exception.getMessage()));
    }
}
