package org.complaints.improvement;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.complaints.engine.FormValues;
import org.springframework.stereotype.Component;

/**
 * On every task of a corrective action (ISO 10002 8.7): the complaints behind the action as they are linked at
 * this moment (more join while the action is open), and, once implemented, how many complaints about the same
 * subject came in since, so that staff see why the action exists and whether it works. Read-only on the forms.
 */
@Component("showLinkedComplaints")
public class LinkedComplaintsOnForm implements TaskListener {

    private final CorrectiveActionService actions;

    public LinkedComplaintsOnForm(CorrectiveActionService actions) {
        this.actions = actions;
    }

    @Override
    public void notify(DelegateTask task) {
        long actionId = FormValues.of(task).id("actionId");
        task.setVariable("linkedComplaintsSummary", actions.linkedComplaintsSummary(actionId));
        task.setVariable("recurrenceSinceImplementation", actions.recurrenceSinceImplementation(actionId));
    }
}
