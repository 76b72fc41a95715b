package org.complaints.improvement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.complaints.engine.FormValues;
import org.springframework.stereotype.Component;

/** Task_RemindActionOwner (ISO 10002 8.7, 4.15), after the non-interrupting reminder timer. */
@Component
public class RemindActionOwnerDelegate implements JavaDelegate {

    private final ActionOwnerReminders reminders;

    public RemindActionOwnerDelegate(ActionOwnerReminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reminders.remind(FormValues.of(execution).id("actionId"));
    }
}
