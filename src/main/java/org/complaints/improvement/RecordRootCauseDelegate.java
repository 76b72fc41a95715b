package org.complaints.improvement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.complaints.engine.CurrentUser;
import org.complaints.engine.FormValues;
import org.springframework.stereotype.Component;

/** Task_RecordRootCause (ISO 10002 8.7): the root-cause analysis of a corrective action, checked and recorded. */
@Component
public class RecordRootCauseDelegate implements JavaDelegate {

    private final CorrectiveActionService actions;
    private final CurrentUser currentUser;

    public RecordRootCauseDelegate(CorrectiveActionService actions, CurrentUser currentUser) {
        this.actions = actions;
        this.currentUser = currentUser;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormValues form = FormValues.of(execution);
        actions.recordRootCause(
                form.id("actionId"),
                form.text("rootCause"),
                form.text("rootCauseAnalysis"),
                currentUser.id().orElse("system"));
    }
}
