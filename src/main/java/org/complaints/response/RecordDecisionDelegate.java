package org.complaints.response;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.complaints.register.ComplaintOfProcess;
import org.complaints.register.Decision;
import org.springframework.stereotype.Component;

/** Task_RecordDecision (ISO 10002 7.7): the approved (or approval-free) proposal becomes the decision. */
@Component
public class RecordDecisionDelegate implements JavaDelegate {

    private final ComplaintOfProcess complaintOf;
    private final ResponseService responses;

    public RecordDecisionDelegate(ComplaintOfProcess complaintOf, ResponseService responses) {
        this.complaintOf = complaintOf;
        this.responses = responses;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Decision decision = responses.decide(complaintOf.id(execution));
        execution.setVariable("decisionRound", decision.round());
        execution.setVariable("remedyDue", decision.hasRemedy());
    }
}
