package org.complaints.response;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.complaints.engine.FormValues;
import org.complaints.register.Decision;
import org.springframework.stereotype.Component;

/** Task_RecordDecision (ISO 10002 7.7): the approved (or approval-free) proposal becomes the decision. */
@Component
public class RecordDecisionDelegate implements JavaDelegate {

    private final ResponseService responses;

    public RecordDecisionDelegate(ResponseService responses) {
        this.responses = responses;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Decision decision = responses.decide(FormValues.of(execution).id("complaintId"));
        execution.setVariable("decisionRound", decision.round());
        execution.setVariable("remedyDue", decision.hasRemedy());
    }
}
