package org.complaints.intake.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A multipart request over the upload limit fails before any controller is chosen, so the controllers' own
 * error handling never sees it: answer 413 here, as problem details for the API and as a page for people.
 */
@ControllerAdvice
class UploadLimit {

    private final MessageSource messages;

    UploadLimit(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(HttpServletRequest request) {
        String title = messages.getMessage("problem.too-large.title", null, LocaleContextHolder.getLocale());
        String detail = messages.getMessage("problem.too-large.detail", null, LocaleContextHolder.getLocale());
        if (request.getRequestURI().startsWith("/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, detail);
            problem.setTitle(title);
            problem.setType(URI.create("urn:complaints:problem:too-large"));
            problem.setInstance(URI.create(request.getRequestURI()));
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        ModelAndView page = new ModelAndView("public/too-large", HttpStatus.PAYLOAD_TOO_LARGE);
        page.addObject("lang", LocaleContextHolder.getLocale().getLanguage());
        page.addObject("languageLinks", java.util.Map.of());
        return page;
    }
}
