package org.complaints.letters;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.complaints.engine.CurrentUser;
import org.complaints.engine.FormValues;
import org.springframework.stereotype.Component;

/** Task_RecordCallOutcome (ISO 10002 4.5, 7.8): records what the call task's form says happened. */
@Component
public class RecordCallOutcomeDelegate implements JavaDelegate {

    private final CallOutcomes outcomes;
    private final CurrentUser currentUser;

    public RecordCallOutcomeDelegate(CallOutcomes outcomes, CurrentUser currentUser) {
        this.outcomes = outcomes;
        this.currentUser = currentUser;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormValues values = FormValues.of(execution);
        outcomes.record(
                values.id("callId"),
                values.text("callOutcome"),
                values.text("callNote"),
                currentUser.id().orElse("system"));
    }
}
