package org.complaints.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.complaints.register.ComplaintOfProcess;
import org.springframework.stereotype.Component;

/** Task_SendDeadlineReminder (ISO 10002 4.15), after the non-interrupting reminder timer. */
@Component
public class SendDeadlineReminderDelegate implements JavaDelegate {

    private final ComplaintOfProcess complaintOf;
    private final DeadlineReminderService reminders;

    public SendDeadlineReminderDelegate(ComplaintOfProcess complaintOf, DeadlineReminderService reminders) {
        this.complaintOf = complaintOf;
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reminders.remind(complaintOf.id(execution));
    }
}
