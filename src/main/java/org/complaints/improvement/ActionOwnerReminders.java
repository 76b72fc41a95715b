package org.complaints.improvement;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.complaints.deadlines.DeadlineProperties;
import org.complaints.engine.authorization.EngineAuthority;
import org.complaints.mail.ComplaintMailer;
import org.complaints.mail.MailSentListener;
import org.complaints.mail.OutgoingMail;
import org.springframework.stereotype.Service;

/**
 * Reminds the owner of a corrective action before its due date (ISO 10002 8.7, 4.15), through the
 * application's one mail path: the step queues the reminder in the mail outbox (a repeated step queues nothing),
 * and the action's record notes REMINDER_SENT once it has gone out.
 */
@Service
public class ActionOwnerReminders implements MailSentListener {

    private static final String TEMPLATE = "corrective-action-reminder";

    private final CorrectiveActionRegister register;
    private final IdentityService identity;
    private final EngineAuthority authority;
    private final ComplaintMailer mailer;
    private final DateTimeFormatter dates;

    public ActionOwnerReminders(
            CorrectiveActionRegister register,
            IdentityService identity,
            EngineAuthority authority,
            ComplaintMailer mailer,
            DeadlineProperties deadlines) {
        this.register = register;
        this.identity = identity;
        this.authority = authority;
        this.mailer = mailer;
        this.dates = DateTimeFormatter.ISO_LOCAL_DATE.withZone(deadlines.zone());
    }

    /** @return false when the reminder of this round was queued before or the owner has no e-mail address */
    public boolean remind(long actionId) {
        CorrectiveAction action = register.get(actionId);
        String dedupKey = "capa-reminder-" + action.round();
        if (register.hasEvent(actionId, dedupKey)) {
            return false;
        }
        String email = authority.withoutAuthorization(() -> {
            User owner = identity.createUserQuery().userId(action.owner()).singleResult();
            return owner == null ? null : owner.getEmail();
        });
        if (email == null || email.isBlank()) {
            register.eventOnce(
                    actionId,
                    dedupKey,
                    "REMINDER_NOT_SENT",
                    "system",
                    action.owner() + " has no e-mail address; the reminder of the due date could not be sent",
                    null);
            return false;
        }
        return mailer.queueStaffNotice(
                action.reference(),
                TEMPLATE,
                dedupKey,
                List.of(email),
                Map.of(
                        "owner", action.owner(),
                        "dueDate", dates.format(action.dueDate()),
                        "subject", CorrectiveActionOpening.subject(action).describe(),
                        "plan", action.actionPlan() == null ? "" : action.actionPlan()));
    }

    @Override
    public Set<String> templates() {
        return Set.of(TEMPLATE);
    }

    @Override
    public void sent(OutgoingMail mail, Instant sentAt) {
        CorrectiveAction action = register.getByReference(mail.reference());
        register.eventOnce(
                action.id(),
                mail.dedupKey(),
                "REMINDER_SENT",
                "system",
                "E-mail '" + TEMPLATE + "' sent to " + String.join(", ", mail.recipients()),
                "subject: " + mail.subject() + "\nmessage-id: " + mail.messageId());
    }
}
