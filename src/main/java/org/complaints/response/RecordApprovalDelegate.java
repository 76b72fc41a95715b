package org.complaints.response;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.complaints.engine.CurrentUser;
import org.complaints.engine.FormValues;
import org.complaints.register.ComplaintOfProcess;
import org.springframework.stereotype.Component;

/**
 * Task_RecordApproval (ISO 10002 7.7, 4.7): records the approval or the return for rework of the first decision's
 * proposal and sets {@code approved}, which the gateway after it reads. The four-eyes check on
 * Task_ApproveResolution has refused the proposer before; this task runs in the transaction that completes the
 * approval, so a refused answer leaves the approval open with the reason on the form.
 */
@Component
public class RecordApprovalDelegate implements JavaDelegate {

    private final ComplaintOfProcess complaintOf;
    private final ResponseService responses;
    private final CurrentUser currentUser;

    public RecordApprovalDelegate(ComplaintOfProcess complaintOf, ResponseService responses, CurrentUser currentUser) {
        this.complaintOf = complaintOf;
        this.responses = responses;
        this.currentUser = currentUser;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormValues form = FormValues.of(execution);
        boolean approved = responses.recordApprovalDecision(
                complaintOf.id(execution),
                1,
                currentUser.require("Approving a resolution"),
                form.text("approvalDecision"),
                form.text("approvalComment"));
        execution.setVariable("approved", approved);
    }
}
