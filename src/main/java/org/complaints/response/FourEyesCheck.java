package org.complaints.response;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.complaints.engine.CurrentUser;
import org.complaints.engine.FormValues;
import org.complaints.engine.InvalidInputException;
import org.complaints.register.ComplaintOfProcess;
import org.complaints.security.ComplaintAccess;
import org.springframework.stereotype.Component;

/**
 * Four eyes on Task_ApproveResolution (ISO 10002 7.7, 4.7): the proposer is not offered the approval and can
 * neither be assigned nor complete it; the refusal is a readable message in Tasklist and a 400 in the REST API. On
 * completion it records the approval or the return for rework.
 */
@Component("fourEyesCheck")
public class FourEyesCheck implements TaskListener {

    private final ComplaintOfProcess complaintOf;
    private final ResponseService responses;
    private final CurrentUser currentUser;
    private final ComplaintAccess access;

    public FourEyesCheck(
            ComplaintOfProcess complaintOf,
            ResponseService responses,
            CurrentUser currentUser,
            ComplaintAccess access) {
        this.complaintOf = complaintOf;
        this.responses = responses;
        this.currentUser = currentUser;
        this.access = access;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        String proposer = form.text("proposedBy");
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            // the proposer is never even offered the approval
            access.exclude(task, proposer);
            return;
        }
        if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            if (task.getAssignee() != null && task.getAssignee().equals(proposer)) {
                throw refusal(proposer);
            }
            return;
        }
        String approver = currentUser.id().orElse(task.getAssignee());
        if (approver == null) {
            throw new InvalidInputException("Approving a resolution needs a signed-in complaint manager");
        }
        if (approver.equals(proposer)) {
            throw refusal(proposer);
        }
        String decision = form.text("approvalDecision");
        String comment = form.text("approvalComment");
        if (!"approve".equals(decision) && !"return".equals(decision)) {
            throw new InvalidInputException("approvalDecision: choose approve or return");
        }
        if ("return".equals(decision) && (comment == null || comment.length() < 5)) {
            throw new InvalidInputException("approvalComment: say what needs rework (at least 5 characters)");
        }
        responses.recordApproval(complaintOf.id(task), approver, "approve".equals(decision), comment);
        task.getExecution().setVariable("approved", "approve".equals(decision));
    }

    private static InvalidInputException refusal(String proposer) {
        return new InvalidInputException("Four-eyes principle: " + proposer + " proposed this resolution and cannot "
                + "approve it. Another complaint manager must approve it.");
    }
}
