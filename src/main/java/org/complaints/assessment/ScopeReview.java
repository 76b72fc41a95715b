package org.complaints.assessment;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.complaints.engine.CurrentUser;
import org.complaints.engine.FormValues;
import org.complaints.engine.InvalidInputException;
import org.complaints.register.ComplaintOfProcess;
import org.complaints.register.EventLog;
import org.springframework.stereotype.Component;

/**
 * Task_ReviewScopeReaction (ISO 10002 7.5, 4.12): a complaint manager's answer to a complainant who disagreed with
 * an out-of-scope or not-a-complaint decision within the open period. Runs when the task completes, so a refused
 * answer leaves the task open with the reason on the form.
 */
@Component("scopeReview")
public class ScopeReview implements TaskListener {

    public static final String CONFIRM = "confirm";
    public static final String REASSESS = "reassess";

    private final ComplaintOfProcess complaintOf;
    private final EventLog events;
    private final CurrentUser currentUser;

    public ScopeReview(ComplaintOfProcess complaintOf, EventLog events, CurrentUser currentUser) {
        this.complaintOf = complaintOf;
        this.events = events;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        String decision = form.text("scopeReviewDecision");
        String notes = form.text("scopeReviewNotes");
        if (!List.of(CONFIRM, REASSESS).contains(decision)) {
            throw new InvalidInputException("scopeReviewDecision: choose confirm or reassess");
        }
        if (notes == null || notes.length() < 10) {
            throw new InvalidInputException("scopeReviewNotes: give your reasons in at least 10 characters");
        }
        events.append(
                complaintOf.id(task),
                "SCOPE_REVIEWED",
                currentUser.id().orElse("system"),
                CONFIRM.equals(decision)
                        ? "Scope decision confirmed after the complainant's reaction; the complaint closes"
                        : "Sent back to assessment after the complainant's reaction",
                notes);
    }
}
