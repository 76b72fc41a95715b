package org.complaints.closure;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.complaints.engine.CurrentUser;
import org.complaints.engine.FormValues;
import org.complaints.engine.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Objectivity of the internal review (ISO 10002 4.7, 7.9): whoever investigated the complaint or proposed the
 * first decision can neither be assigned nor complete Task_ReviewComplaint.
 */
@Component("independentReviewerCheck")
public class IndependentReviewerCheck implements TaskListener {

    private final CurrentUser currentUser;

    public IndependentReviewerCheck(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        String reviewer = EVENTNAME_ASSIGNMENT.equals(task.getEventName())
                ? task.getAssignee()
                : currentUser.id().orElse(task.getAssignee());
        if (reviewer == null) {
            if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
                throw new InvalidInputException("An internal review needs a signed-in reviewer");
            }
            return;
        }
        FormValues values = FormValues.of(task);
        if (reviewer.equals(values.text("investigatedBy")) || reviewer.equals(values.text("proposedBy"))) {
            throw new InvalidInputException("Independent review: " + reviewer + " handled this complaint before "
                    + "(investigation or first decision) and cannot review it. Another complaint manager must review it.");
        }
    }
}
