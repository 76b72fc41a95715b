package org.complaints.managementreview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.complaints.analysis.PerformanceReport;
import org.complaints.engine.InvalidInputException;
import org.complaints.security.StaffAccess;
import org.complaints.security.StaffGroups;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** One printable page per management review: its input as prepared, its conclusions and actions (8.6). */
@Controller
class ManagementReviewPage {

    private final ManagementReviews reviews;
    private final StaffAccess staff;
    private final ObjectMapper json;

    ManagementReviewPage(ManagementReviews reviews, StaffAccess staff, ObjectMapper json) {
        this.reviews = reviews;
        this.staff = staff;
        this.json = json;
    }

    @GetMapping("/staff/management-reviews/{reference}")
    String review(@PathVariable String reference, Model model) throws JsonProcessingException {
        String user = staff.requireAnyGroup(StaffGroups.QUALITY, StaffGroups.MANAGERS, StaffGroups.ADMIN);
        ManagementReview review = reviews.getByReference(reference.trim().toUpperCase());
        JsonNode input = json.readTree(review.inputJson());
        model.addAttribute("user", user);
        model.addAttribute("review", review);
        model.addAttribute("actions", reviews.actions(review.id()));
        model.addAttribute(
                "earlierOpen",
                json.convertValue(
                        input.path("openActionsOfEarlierReviews"), new TypeReference<List<ReviewAction>>() {}));
        model.addAttribute("input", json.treeToValue(input.path("performance"), PerformanceReport.class));
        // the same charts as the reports page, drawn from the input as it stood
        model.addAttribute(
                "chartData", json.writeValueAsString(input.path("performance")).replace("<", "\\u003c"));
        return "staff/management-review";
    }

    @ExceptionHandler({InvalidInputException.class, ResponseStatusException.class})
    String problem(RuntimeException e, Model model, HttpServletResponse response) {
        int status = e instanceof ResponseStatusException refused
                ? refused.getStatusCode().value()
                : 404;
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute(
                "message", e instanceof ResponseStatusException refused ? refused.getReason() : e.getMessage());
        return "staff/problem";
    }
}
