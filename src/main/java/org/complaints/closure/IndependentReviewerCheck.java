package org.complaints.closure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.complaints.engine.CurrentUser;
import org.complaints.engine.FormValues;
import org.complaints.engine.InvalidInputException;
import org.complaints.register.ComplaintOfProcess;
import org.complaints.register.EventLog;
import org.complaints.security.ComplaintAccess;
import org.springframework.stereotype.Component;

/**
 * Objectivity of the internal review (ISO 10002 4.7, 7.9): whoever assessed, investigated, proposed or approved a
 * decision on the complaint ({@link ReviewerIndependence}) is not offered Task_ReviewComplaint and can neither be
 * assigned, claim nor complete it. Who was excluded and why goes to the event log; when no complaint manager is
 * left to review, the task says so in its description and the event log records it, so that complaint managers see
 * that another reviewer must be added rather than the task waiting unnoticed.
 */
@Component("independentReviewerCheck")
public class IndependentReviewerCheck implements TaskListener {

    private final CurrentUser currentUser;
    private final ComplaintAccess access;
    private final ComplaintOfProcess complaintOf;
    private final ReviewerIndependence independence;
    private final EventLog events;

    public IndependentReviewerCheck(
            CurrentUser currentUser,
            ComplaintAccess access,
            ComplaintOfProcess complaintOf,
            ReviewerIndependence independence,
            EventLog events) {
        this.currentUser = currentUser;
        this.access = access;
        this.complaintOf = complaintOf;
        this.independence = independence;
        this.events = events;
    }

    @Override
    public void notify(DelegateTask task) {
        long complaintId = complaintOf.id(task);
        Map<String, Set<String>> handlers = independence.earlierHandlers(complaintId, fromProcess(task));
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            created(task, complaintId, handlers);
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
        if (handlers.containsKey(reviewer)) {
            throw new InvalidInputException(ReviewerIndependence.refusal(reviewer, handlers.get(reviewer)));
        }
    }

    private void created(DelegateTask task, long complaintId, Map<String, Set<String>> handlers) {
        // earlier handlers are never even offered the review
        handlers.keySet().forEach(user -> access.exclude(task, user));
        if (!handlers.isEmpty()) {
            events.append(
                    complaintId,
                    "REVIEWER_EXCLUDED",
                    "system",
                    "Excluded from the internal review as earlier handlers: " + ReviewerIndependence.describe(handlers),
                    null);
        }
        List<String> eligible = independence.eligibleReviewers(complaintId, handlers.keySet());
        if (eligible.isEmpty()) {
            String documentation = task.getDescription() == null ? "" : "\n\n" + task.getDescription();
            task.setDescription("No complaint manager is independent of this complaint: every one of them handled it "
                    + "before or is named in it. Add a complaint manager who has not handled it to review it."
                    + documentation);
            events.append(
                    complaintId,
                    "NO_INDEPENDENT_REVIEWER",
                    "system",
                    "No complaint manager is independent of this complaint; the review waits for one to be added",
                    null);
        }
    }

    private static List<String> fromProcess(DelegateTask task) {
        FormValues values = FormValues.of(task);
        List<String> users = new ArrayList<>();
        users.add(values.text("investigatedBy"));
        users.add(values.text("proposedBy"));
        return users;
    }
}
