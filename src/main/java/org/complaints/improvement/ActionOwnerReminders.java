package org.complaints.improvement;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.complaints.deadlines.DeadlineProperties;
import org.complaints.mail.ComplaintMailer;
import org.complaints.security.EngineAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds the owner of a corrective action before its due date (ISO 10002 8.7, 4.15), through the
 * application's one mail path. The step may run again (retry, lock expiry): the copy in the action's record is
 * committed in its own transaction right after the SMTP server accepted the message, so a repeated step finds
 * it and does not send again.
 */
@Service
public class ActionOwnerReminders {

    private final CorrectiveActionRegister register;
    private final IdentityService identity;
    private final EngineAuthority authority;
    private final ComplaintMailer mailer;
    private final TransactionTemplate ownTransaction;
    private final DateTimeFormatter dates;

    public ActionOwnerReminders(CorrectiveActionRegister register, IdentityService identity, EngineAuthority authority,
                                ComplaintMailer mailer, PlatformTransactionManager transactions,
                                DeadlineProperties deadlines) {
        this.register = register;
        this.identity = identity;
        this.authority = authority;
        this.mailer = mailer;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.dates = DateTimeFormatter.ISO_LOCAL_DATE.withZone(deadlines.zone());
    }

    /** @return false when the reminder of this round was sent before or the owner has no e-mail address */
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
            register.eventOnce(actionId, dedupKey, "REMINDER_NOT_SENT", "system", action.owner()
                    + " has no e-mail address; the reminder of the due date could not be sent", null);
            return false;
        }
        ComplaintMailer.StaffNotice sent = mailer.sendStaffNotice(action.reference(), "corrective-action-reminder",
                dedupKey, List.of(email), Map.of(
                        "owner", action.owner(),
                        "dueDate", dates.format(action.dueDate()),
                        "subject", CorrectiveActionOpening.subject(action).describe(),
                        "plan", action.actionPlan() == null ? "" : action.actionPlan()));
        ownTransaction.executeWithoutResult(tx -> register.eventOnce(actionId, dedupKey, "REMINDER_SENT", "system",
                "E-mail 'corrective-action-reminder' sent to " + sent.recipients(),
                "subject: " + sent.subject() + "\nmessage-id: " + sent.messageId()));
        return true;
    }
}
