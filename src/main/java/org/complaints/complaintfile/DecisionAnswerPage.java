package org.complaints.complaintfile;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.complaints.engine.InvalidInputException;
import org.complaints.engine.rest.StaffFormToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The form on the complaint file that records the complainant's answer to the decision on their behalf. Only a
 * page of this application may send it: the form carries the session's {@link StaffFormToken}.
 */
@Controller
class DecisionAnswerPage {

    private final DecisionAnswers answers;
    private final ComplaintVisibility visibility;

    DecisionAnswerPage(DecisionAnswers answers, ComplaintVisibility visibility) {
        this.answers = answers;
        this.visibility = visibility;
    }

    @PostMapping("/staff/complaints/{reference}/decision-answer")
    String answer(
            @PathVariable String reference,
            @RequestParam(required = false) String answer,
            @RequestParam(required = false) String receivedBy,
            @RequestParam(required = false) String note,
            @RequestParam(defaultValue = "false") boolean embedded,
            HttpServletRequest request) {
        StaffFormToken.require(request);
        Viewer viewer = visibility.viewer();
        answers.record(viewer, reference, answer, receivedBy, note);
        return "redirect:"
                + UriComponentsBuilder.fromPath("/staff/complaints/{reference}")
                        .queryParam("answered", answer)
                        .queryParamIfPresent(
                                "embedded", embedded ? java.util.Optional.of("true") : java.util.Optional.empty())
                        .buildAndExpand(ComplaintFiles.normalise(reference))
                        .encode()
                        .toUriString();
    }

    @ExceptionHandler(ResponseStatusException.class)
    String refused(ResponseStatusException e, Model model, HttpServletResponse response) {
        return problem(model, response, e.getStatusCode().value(), e.getReason());
    }

    @ExceptionHandler(InvalidInputException.class)
    String invalid(InvalidInputException e, Model model, HttpServletResponse response) {
        return problem(model, response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
    }

    private static String problem(Model model, HttpServletResponse response, int status, String message) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("message", message);
        return "staff/problem";
    }
}
