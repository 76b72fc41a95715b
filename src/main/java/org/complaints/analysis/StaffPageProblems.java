package org.complaints.analysis;

import jakarta.servlet.http.HttpServletResponse;
import org.complaints.engine.InvalidInputException;
import org.complaints.register.ComplaintNotFoundException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ResponseStatusException;

/** Staff pages answer a refusal or a wrong reference with a readable page and the right status, not a stack trace. */
@ControllerAdvice(assignableTypes = {ReportsPage.class, EvidencePage.class})
class StaffPageProblems {

    @ExceptionHandler(ComplaintNotFoundException.class)
    String notFound(ComplaintNotFoundException e, Model model, HttpServletResponse response) {
        return problem(model, response, HttpServletResponse.SC_NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(InvalidInputException.class)
    String invalid(InvalidInputException e, Model model, HttpServletResponse response) {
        return problem(model, response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(ResponseStatusException.class)
    String refused(ResponseStatusException e, Model model, HttpServletResponse response) {
        return problem(model, response, e.getStatusCode().value(), e.getReason());
    }

    private static String problem(Model model, HttpServletResponse response, int status, String message) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("message", message);
        return "staff/problem";
    }
}
