package org.complaints.managementreview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.complaints.engine.CurrentUser;
import org.complaints.engine.FormValues;
import org.complaints.engine.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Task_RecordReviewOutcome (ISO 10002 8.6): runs in the transaction that completes the review task, so a refused
 * outcome (no conclusions, an unknown owner, a past due date) leaves the task open with the reasons shown.
 */
@Component
public class RecordReviewOutcomeDelegate implements JavaDelegate {

    private final ManagementReviews reviews;
    private final CurrentUser currentUser;
    private final ObjectMapper json;

    public RecordReviewOutcomeDelegate(ManagementReviews reviews, CurrentUser currentUser, ObjectMapper json) {
        this.reviews = reviews;
        this.currentUser = currentUser;
        this.json = json;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormValues form = FormValues.of(execution);
        List<Long> open = reviews.recordOutcome(
                form.id("reviewId"),
                currentUser.id().orElse("system"),
                form.text("attendees"),
                form.text("conclusions"),
                form.text("reviewDecisions"),
                actions(execution.getVariable("actions")));
        execution.setVariable("actionsDecided", !open.isEmpty());
    }

    /** The form's dynamic list arrives as JSON (Spin) or, through the REST API, as a JSON string. */
    private List<ManagementReviews.ActionInput> actions(Object value) {
        List<ManagementReviews.ActionInput> actions = new ArrayList<>();
        if (value == null || value.toString().isBlank()) {
            return actions;
        }
        JsonNode list;
        try {
            list = json.readTree(value.toString());
        } catch (Exception e) {
            throw new InvalidInputException("actions: not a list of actions (description, owner, dueDate)");
        }
        if (!list.isArray()) {
            throw new InvalidInputException("actions: not a list of actions (description, owner, dueDate)");
        }
        for (JsonNode action : list) {
            String description = text(action, "description");
            String owner = text(action, "owner");
            String due = text(action, "dueDate");
            if (description == null && owner == null && due == null) {
                continue; // an empty row the form added
            }
            actions.add(new ManagementReviews.ActionInput(description, owner, due));
        }
        return actions;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
