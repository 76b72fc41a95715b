package org.complaints.engine.improvement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.complaints.engine.CurrentUser;
import org.complaints.engine.FormValues;
import org.complaints.improvement.CorrectiveActionService;
import org.springframework.stereotype.Component;

/**
 * End of a corrective-action instance (ISO 10002 8.7, 4.12): an instance cancelled before the action closed (an
 * administrator in Cockpit or the REST API) leaves no action open in the register, which would otherwise take
 * every later complaint of its subject. A normal end finds the action closed already.
 */
@Component("correctiveActionEnded")
public class CorrectiveActionEnded implements ExecutionListener {

    private final CorrectiveActionService actions;
    private final CurrentUser currentUser;

    public CorrectiveActionEnded(CorrectiveActionService actions, CurrentUser currentUser) {
        this.actions = actions;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Long actionId = FormValues.of(execution).id("actionId");
        if (actionId == null) {
            return;
        }
        // a normal end passes Task_CloseCorrectiveAction first: only an instance ended otherwise finds it open
        String reason = execution instanceof ExecutionEntity entity ? entity.getDeleteReason() : null;
        actions.cancelled(actionId, reason, currentUser.id().orElse("system"));
    }
}
