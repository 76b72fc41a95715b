package org.complaints.improvement;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.complaints.engine.CurrentUser;
import org.complaints.engine.FormValues;
import org.springframework.stereotype.Component;

/**
 * Task_RecordActionPlan (ISO 10002 8.7): checks and records the plan, its owner (a member of staff) and due
 * date (a future working day, or the configured default), and gives the implementation its dates.
 */
@Component
public class RecordActionPlanDelegate implements JavaDelegate {

    private final CorrectiveActionService actions;
    private final CurrentUser currentUser;

    public RecordActionPlanDelegate(CorrectiveActionService actions, CurrentUser currentUser) {
        this.actions = actions;
        this.currentUser = currentUser;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormValues form = FormValues.of(execution);
        CorrectiveActionService.Plan plan = actions.recordPlan(
                form.id("actionId"),
                form.text("actionPlan"),
                form.text("actionOwner"),
                form.date("actionDueDate"),
                currentUser.id().orElse("system"));
        execution.setVariable("actionOwner", plan.owner());
        execution.setVariable("implementationDue", Date.from(plan.due()));
        execution.setVariable("implementationReminder", Date.from(plan.reminder()));
    }
}
