package org.complaints.closure;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.complaints.engine.CurrentUser;
import org.complaints.engine.FormValues;
import org.complaints.engine.InvalidInputException;
import org.complaints.security.ComplaintAccess;
import org.springframework.stereotype.Component;

/**
 * Objectivity of the internal review (ISO 10002 4.7, 7.9): whoever investigated the complaint or proposed the
 * first decision is not offered Task_ReviewComplaint and can neither be assigned nor complete it.
 */
@Component("independentReviewerCheck")
public class IndependentReviewerCheck implements TaskListener {

    private final CurrentUser currentUser;
    private final ComplaintAccess access;

    public IndependentReviewerCheck(CurrentUser currentUser, ComplaintAccess access) {
        this.currentUser = currentUser;
        this.access = access;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            // earlier handlers are never even offered the review
            FormValues values = FormValues.of(task);
            access.exclude(task, values.text("investigatedBy"));
            access.exclude(task, values.text("proposedBy"));
            return;
        }
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
            throw new InvalidInputException(
                    "Independent review: " + reviewer + " handled this complaint before "
                            + "(investigation or first decision) and cannot review it. Another complaint manager must review it.");
        }
    }
}
