package org.complaints.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.complaints.engine.FormValues;
import org.springframework.stereotype.Component;

/** Task_SendDeadlineReminder (ISO 10002 4.15), after the non-interrupting reminder timer. */
@Component
public class SendDeadlineReminderDelegate implements JavaDelegate {

    private final DeadlineReminderService reminders;

    public SendDeadlineReminderDelegate(DeadlineReminderService reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reminders.remind(FormValues.of(execution).id("complaintId"));
    }
}
