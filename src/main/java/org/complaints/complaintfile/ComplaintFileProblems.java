package org.complaints.complaintfile;

import org.complaints.intake.AttachmentsTooLargeException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Files over the upload limit are the sender's to shrink: 413 with the limit, as on the public form. */
@RestControllerAdvice(assignableTypes = ComplaintFileController.class)
class ComplaintFileProblems {

    @ExceptionHandler(AttachmentsTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(AttachmentsTooLargeException exception) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, exception.getMessage()));
    }
}
