package org.complaints.response;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.complaints.engine.CurrentUser;
import org.complaints.engine.FormValues;
import org.complaints.engine.InvalidInputException;
import org.complaints.security.ComplaintAccess;
import org.springframework.stereotype.Component;

/**
 * Four eyes on every decision round (ISO 10002 7.7, 7.9, 4.7): on Task_ApproveResolution the proposer, on
 * Task_ApproveReviewDecision the reviewer, is not offered the approval and can neither be assigned nor complete it;
 * the refusal is a readable message in Tasklist and a 400 in the REST API, and the refused completion records
 * nothing. The approval or return itself is recorded by the Record service task after each approval
 * (Task_RecordApproval, Task_RecordReviewApproval).
 */
@Component("fourEyesCheck")
public class FourEyesCheck implements TaskListener {

    static final String REVIEW_APPROVAL = "Task_ApproveReviewDecision";

    private final CurrentUser currentUser;
    private final ComplaintAccess access;

    public FourEyesCheck(CurrentUser currentUser, ComplaintAccess access) {
        this.currentUser = currentUser;
        this.access = access;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        boolean review = REVIEW_APPROVAL.equals(task.getTaskDefinitionKey());
        String proposer = form.text(review ? "reviewedBy" : "proposedBy");
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            // the proposer is never even offered the approval
            access.exclude(task, proposer);
            return;
        }
        if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            if (task.getAssignee() != null && task.getAssignee().equals(proposer)) {
                throw refusal(proposer, review);
            }
            return;
        }
        String approver = currentUser.id().orElse(task.getAssignee());
        if (approver == null) {
            throw new InvalidInputException("Approving a resolution needs a signed-in complaint manager");
        }
        if (approver.equals(proposer)) {
            throw refusal(proposer, review);
        }
    }

    private static InvalidInputException refusal(String proposer, boolean review) {
        return new InvalidInputException("Four-eyes principle: " + proposer
                + (review ? " made this review decision" : " proposed this resolution")
                + " and cannot approve it. Another complaint manager must approve it.");
    }
}
