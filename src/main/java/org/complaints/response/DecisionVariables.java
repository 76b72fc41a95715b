package org.complaints.response;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.complaints.register.Decision;

/** What the diagram needs once a decision stands: its round, and whether a remedy is to be carried out. */
public final class DecisionVariables {

    private DecisionVariables() {}

    public static void stand(VariableScope scope, Decision decision) {
        scope.setVariable("decisionRound", decision.round());
        scope.setVariable("remedyDue", decision.hasRemedy());
    }
}
