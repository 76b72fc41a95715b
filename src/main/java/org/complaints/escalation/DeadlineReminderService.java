package org.complaints.escalation;

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

/** Reminds the handling group before the committed response date (ISO 10002 4.15). */
@Service
public class DeadlineReminderService {

    private final ComplaintRegister register;
    private final IdentityService identity;
    private final ComplaintMailer mailer;
    private final MailFormats formats;
    private final MailProperties mail;
    private final EventLog events;

    public DeadlineReminderService(
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
     * Mails the members of the handling group; of a confidential complaint the complaint managers, who alone may
     * see it; never staff the complaint names (ISO 10002 4.7).
     */
    public void remind(long complaintId) {
        Complaint complaint = register.get(complaintId);
        AccessMarkings markings = register.accessMarkings(complaintId);
        String group = markings.confidential() ? StaffGroups.MANAGERS : complaint.handlingGroup();
        List<String> recipients = identity.createUserQuery().memberOfGroup(group).list().stream()
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
                    "No member of " + group
                            + " whom the complaint allows has an e-mail address; the deadline reminder could not be sent",
                    null);
            return;
        }
        mailer.queueToStaff(
                complaint,
                "deadline-reminder",
                "deadline-reminder",
                recipients,
                Map.of(
                        "priority", complaint.priority(),
                        "deadlineDate", formats.date(complaint.responseDeadline(), mail.staffLanguage()),
                        "stage", complaint.stage().name()));
    }
}
