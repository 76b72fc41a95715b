package org.complaints.response;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.complaints.engine.CurrentUser;
import org.complaints.engine.FormValues;
import org.complaints.register.ComplaintOfProcess;
import org.springframework.stereotype.Component;

/**
 * Task_RecordProposal (ISO 10002 7.7): records the proposal and its author, and sets approvalRequired. The
 * proposer's id is what the four-eyes check on Task_ApproveResolution compares with.
 */
@Component
public class RecordProposalDelegate implements JavaDelegate {

    private final ComplaintOfProcess complaintOf;
    private final ResponseService responses;
    private final CurrentUser currentUser;

    public RecordProposalDelegate(ComplaintOfProcess complaintOf, ResponseService responses, CurrentUser currentUser) {
        this.complaintOf = complaintOf;
        this.responses = responses;
        this.currentUser = currentUser;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormValues form = FormValues.of(execution);
        String proposer = currentUser.require("Proposing a resolution");
        boolean approvalRequired = responses.recordProposal(
                complaintOf.id(execution),
                new ProposalInput(
                        form.text("outcome"),
                        form.text("remedy"),
                        form.amount("monetaryRemedy"),
                        form.text("decisionReasons"),
                        form.text("preventiveAction"),
                        form.text("remedyKind")),
                proposer);
        execution.setVariable("proposedBy", proposer);
        execution.setVariable("approvalRequired", approvalRequired);
        // a new proposal needs a new approval decision; the approver's earlier choice must not prefill it
        execution.removeVariable("approvalDecision");
    }
}
