package org.complaints.response;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.complaints.engine.FormValues;
import org.complaints.register.ComplaintOfProcess;
import org.springframework.stereotype.Component;

/**
 * Task_CommunicateDecision (ISO 10002 7.8), asynchronous: sends the current round's decision and sets
 * reactionDeadline, the timer after which an unanswered decision closes the complaint (7.9).
 */
@Component
public class CommunicateDecisionDelegate implements JavaDelegate {

    private final ComplaintOfProcess complaintOf;
    private final DecisionNotifier notifier;

    public CommunicateDecisionDelegate(ComplaintOfProcess complaintOf, DecisionNotifier notifier) {
        this.complaintOf = complaintOf;
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormValues values = FormValues.of(execution);
        execution.setVariable(
                "reactionDeadline", notifier.communicate(complaintOf.id(execution), values.integer("decisionRound")));
    }
}
