package org.complaints.closure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.complaints.engine.CurrentUser;
import org.complaints.engine.FormValues;
import org.complaints.register.ComplaintOfProcess;
import org.complaints.response.DecisionVariables;
import org.complaints.response.ProposalInput;
import org.complaints.response.ResponseService;
import org.springframework.stereotype.Component;

/**
 * Task_RecordReviewDecision (ISO 10002 7.9, 7.7): the review's decision is recorded as round 2 and sets
 * approvalRequired by the rule of every decision round; without approval it stands at once and is communicated
 * next.
 */
@Component
public class RecordReviewDecisionDelegate implements JavaDelegate {

    private final ComplaintOfProcess complaintOf;
    private final ResponseService responses;
    private final CurrentUser currentUser;

    public RecordReviewDecisionDelegate(
            ComplaintOfProcess complaintOf, ResponseService responses, CurrentUser currentUser) {
        this.complaintOf = complaintOf;
        this.responses = responses;
        this.currentUser = currentUser;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormValues form = FormValues.of(execution);
        long complaintId = complaintOf.id(execution);
        String reviewer = currentUser.require("Recording an internal review");
        boolean approvalRequired = responses.recordReview(
                complaintId,
                new ProposalInput(
                        form.text("reviewOutcome"),
                        form.text("reviewRemedy"),
                        form.amount("reviewMonetaryRemedy"),
                        form.text("reviewReasons"),
                        null,
                        form.text("reviewRemedyKind")),
                reviewer);
        execution.setVariable("reviewRound", 1);
        // whom the four-eyes check on Task_ApproveReviewDecision compares with
        execution.setVariable("reviewedBy", reviewer);
        execution.setVariable("approvalRequired", approvalRequired);
        // a new review decision needs a new approval decision; an earlier choice must not prefill it
        execution.removeVariable("approvalDecision");
        if (!approvalRequired) {
            DecisionVariables.stand(execution, responses.decideReview(complaintId));
        }
    }
}
