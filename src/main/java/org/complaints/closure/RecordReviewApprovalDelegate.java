package org.complaints.closure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.complaints.engine.CurrentUser;
import org.complaints.engine.FormValues;
import org.complaints.register.ComplaintOfProcess;
import org.complaints.response.DecisionVariables;
import org.complaints.response.ResponseService;
import org.springframework.stereotype.Component;

/**
 * Task_RecordReviewApproval (ISO 10002 7.9, 7.7, 4.7): records the approval or the return for rework of the
 * internal review's decision and sets {@code approved}, which the gateway after it reads; an approved review decision
 * then stands and replaces the first decision. The four-eyes check on Task_ApproveReviewDecision has refused the
 * reviewer before; this task runs in the transaction that completes the approval, so a refused answer leaves the
 * approval open with the reason on the form.
 */
@Component
public class RecordReviewApprovalDelegate implements JavaDelegate {

    private final ComplaintOfProcess complaintOf;
    private final ResponseService responses;
    private final CurrentUser currentUser;

    public RecordReviewApprovalDelegate(
            ComplaintOfProcess complaintOf, ResponseService responses, CurrentUser currentUser) {
        this.complaintOf = complaintOf;
        this.responses = responses;
        this.currentUser = currentUser;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormValues form = FormValues.of(execution);
        long complaintId = complaintOf.id(execution);
        boolean approved = responses.recordApprovalDecision(
                complaintId,
                2,
                currentUser.require("Approving a review decision"),
                form.text("approvalDecision"),
                form.text("approvalComment"));
        execution.setVariable("approved", approved);
        if (approved) {
            DecisionVariables.stand(execution, responses.decideReview(complaintId));
        }
    }
}
