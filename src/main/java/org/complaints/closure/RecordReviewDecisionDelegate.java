package org.complaints.closure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.complaints.engine.CurrentUser;
import org.complaints.engine.FormValues;
import org.complaints.register.ComplaintOfProcess;
import org.complaints.register.Decision;
import org.complaints.response.ProposalInput;
import org.complaints.response.ResponseService;
import org.springframework.stereotype.Component;

/** Task_RecordReviewDecision (ISO 10002 7.9): the review's decision becomes round 2 and is communicated next. */
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
        Decision decision = responses.recordReview(
                complaintOf.id(execution),
                new ProposalInput(
                        form.text("reviewOutcome"),
                        form.text("reviewRemedy"),
                        form.amount("reviewMonetaryRemedy"),
                        form.text("reviewReasons"),
                        null,
                        form.text("reviewRemedyKind")),
                currentUser.require("Recording an internal review"));
        execution.setVariable("reviewRound", 1);
        execution.setVariable("decisionRound", decision.round());
        execution.setVariable("remedyDue", decision.hasRemedy());
    }
}
