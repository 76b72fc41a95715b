package org.complaints.escalation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.complaints.mail.ComplaintMailer;
import org.complaints.mail.MailFormats;
import org.complaints.mail.MailProperties;
import org.complaints.register.AccessMarkings;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.EventLog;
import org.complaints.security.StaffGroups;
import org.springframework.stereotype.Service;

/**
 * A user task past its due date (ISO 10002 4.15 timeliness, 4.12 accountability): recorded in the complaint's event
 * log and mailed to the complaint managers, who take it over or see that it is done.
 */
@Service
public class OverdueTaskService {

    private final ComplaintRegister register;
    private final IdentityService identity;
    private final ComplaintMailer mailer;
    private final MailFormats formats;
    private final MailProperties mail;
    private final EventLog events;

    public OverdueTaskService(
            ComplaintRegister register,
            IdentityService identity,
            ComplaintMailer mailer,
            MailFormats formats,
            MailProperties mail,
            EventLog events) {
        this.register = register;
        this.identity = identity;
        this.mailer = mailer;
        this.formats = formats;
        this.mail = mail;
        this.events = events;
    }

    /**
     * Records the overdue task and mails the complaint managers whom the complaint does not name (ISO 10002 4.7);
     * the mail is keyed by the task, so a repeated run of the escalation sends it once.
     */
    public void escalate(long complaintId, String taskId, String taskName, Instant due) {
        Complaint complaint = register.get(complaintId);
        String dueText = due == null ? "-" : formats.date(due, mail.staffLanguage());
        events.append(
                complaintId,
                "TASK_OVERDUE",
                "system",
                "Task '" + taskName + "' passed its due date " + (due == null ? "-" : formats.date(due, "en"))
                        + "; escalated to " + StaffGroups.MANAGERS,
                null);
        AccessMarkings markings = register.accessMarkings(complaintId);
        List<String> recipients = identity.createUserQuery().memberOfGroup(StaffGroups.MANAGERS).list().stream()
                .filter(user -> !markings.names(user.getId()))
                .map(User::getEmail)
                .filter(e -> e != null && !e.isBlank())
                .distinct()
                .toList();
        if (recipients.isEmpty()) {
            events.append(
                    complaintId,
                    "REMINDER_NOT_SENT",
                    "system",
                    "No member of " + StaffGroups.MANAGERS
                            + " whom the complaint allows has an e-mail address; the overdue task was not mailed",
                    null);
            return;
        }
        mailer.queueToStaff(
                complaint,
                "task-overdue",
                "task-overdue." + taskId,
                recipients,
                Map.of(
                        "taskName",
                        taskName,
                        "dueDate",
                        dueText,
                        "stage",
                        complaint.stage().name()));
    }
}
