package org.complaints.improvement;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.complaints.engine.CurrentUser;
import org.complaints.engine.FormValues;
import org.springframework.stereotype.Component;

/** Task_RecordImplementation (ISO 10002 8.7): the owner's report; the waiting period before the check starts. */
@Component
public class RecordImplementationDelegate implements JavaDelegate {

    private final CorrectiveActionService actions;
    private final CurrentUser currentUser;

    public RecordImplementationDelegate(CorrectiveActionService actions, CurrentUser currentUser) {
        this.actions = actions;
        this.currentUser = currentUser;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormValues form = FormValues.of(execution);
        execution.setVariable(
                "effectivenessCheckDue",
                Date.from(actions.recordImplementation(
                        form.id("actionId"),
                        form.text("implementationNotes"),
                        currentUser.id().orElse("system"))));
    }
}
