package org.complaints.improvement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.complaints.engine.CurrentUser;
import org.complaints.engine.FormValues;
import org.springframework.stereotype.Component;

/** Task_CloseCorrectiveAction (ISO 10002 8.7): closed as effective, recorded on the action and its complaints. */
@Component
public class CloseCorrectiveActionDelegate implements JavaDelegate {

    private final CorrectiveActionService actions;
    private final CurrentUser currentUser;

    public CloseCorrectiveActionDelegate(CorrectiveActionService actions, CurrentUser currentUser) {
        this.actions = actions;
        this.currentUser = currentUser;
    }

    @Override
    public void execute(DelegateExecution execution) {
        actions.close(FormValues.of(execution).id("actionId"), currentUser.id().orElse("system"));
    }
}
