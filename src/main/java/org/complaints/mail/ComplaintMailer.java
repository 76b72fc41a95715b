package org.complaints.mail;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.complaints.intake.IntakeProperties;
import org.complaints.register.Complaint;
import org.complaints.register.EventLog;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one mail path: template + language, at most once per complaint and dedup key, a deterministic
 * Message-ID, and a copy in the register.
 *
 * <p>Process steps that send mail are asynchronous and may run again (retry after a failure, lock expiry).
 * The copy is therefore committed in its own transaction right after the SMTP server accepted the message:
 * a repeated step finds it and does not send again, even when the step's own transaction rolls back. Only a
 * crash between SMTP acceptance and that commit can repeat a message, and then with the same Message-ID.
 */
@Service
public class ComplaintMailer {

    private final JavaMailSender sender;
    private final MailTemplates templates;
    private final MailLog log;
    private final EventLog events;
    private final MailProperties properties;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final IntakeProperties intake;
    private final MeterRegistry meters;

    public ComplaintMailer(JavaMailSender sender, MailTemplates templates, MailLog log, EventLog events,
                           MailProperties properties, Clock clock, PlatformTransactionManager transactions,
                           IntakeProperties intake, MeterRegistry meters) {
        this.intake = intake;
        this.meters = meters;
        this.sender = sender;
        this.templates = templates;
        this.log = log;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Sends {@code template} to the complainant in their language; false when it was sent before. */
    public boolean sendToComplainant(Complaint complaint, String template, String dedupKey, Map<String, Object> model) {
        return send(complaint, template, dedupKey, complaint.language(), List.of(complaint.complainantEmail()), model);
    }

    /** Sends {@code template} about a complaint to staff, in the staff language; false when it was sent before. */
    public boolean sendToStaff(Complaint complaint, String template, String dedupKey, List<String> recipients,
                               Map<String, Object> model) {
        return send(complaint, template, dedupKey, properties.staffLanguage(), recipients, model);
    }

    /** A staff e-mail about something other than one complaint, as the SMTP server accepted it. */
    public record StaffNotice(String messageId, String recipients, String subject, String body, Instant sentAt) {
    }

    /**
     * Sends {@code template} to staff, in the staff language, about something other than one complaint (a
     * corrective action, ISO 10002 8.7): the same templates, sender and Message-ID scheme
     * ({@code <dedupKey.reference@domain>}). The caller keeps the copy and sees to it that a repeated step does
     * not send it again; a delivery failure fails the step, as for complaint e-mails.
     */
    public StaffNotice sendStaffNotice(String reference, String template, String dedupKey, List<String> recipients,
                                       Map<String, Object> model) {
        Map<String, Object> fullModel = new HashMap<>(model);
        fullModel.putIfAbsent("reference", reference);
        fullModel.putIfAbsent("organisation", properties.organisation());
        MailTemplates.RenderedMail mail = templates.render(template, properties.staffLanguage(), fullModel);
        String messageId = "<" + dedupKey + "." + reference + "@" + properties.messageIdDomain() + ">";
        try {
            sender.send(mime(messageId, recipients, mail));
        } catch (MailException | MessagingException e) {
            throw new MailDeliveryException("E-mail '" + template + "' for " + reference + " could not be delivered: "
                    + MailDeliveryException.describe(e));
        }
        return new StaffNotice(messageId, String.join(", ", recipients), mail.subject(), mail.body(), clock.instant());
    }

    private boolean send(Complaint complaint, String template, String dedupKey, String language,
                         List<String> recipients, Map<String, Object> model) {
        if (log.isSent(complaint.id(), dedupKey)) {
            return false;
        }
        Map<String, Object> fullModel = new HashMap<>(model);
        fullModel.putIfAbsent("reference", complaint.reference());
        fullModel.putIfAbsent("name", complaint.complainantName());
        fullModel.putIfAbsent("organisation", properties.organisation());
        fullModel.putIfAbsent("statusUrl", intake.statusUrl(complaint.reference(), complaint.trackingToken()));
        MailTemplates.RenderedMail mail = templates.render(template, language, fullModel);
        String messageId = "<" + dedupKey + "." + complaint.reference() + "@" + properties.messageIdDomain() + ">";
        try {
            sender.send(mime(messageId, recipients, mail));
            meters.counter("complaints.emails.sent", "template", template).increment();
        } catch (MailException | MessagingException e) {
            meters.counter("complaints.emails.failed", "template", template).increment();
            // the step fails; the job executor retries it and finally raises an incident in Cockpit. The SMTP
            // server's words often quote the recipient's address: incident and stack trace get only their kind
            throw new MailDeliveryException("E-mail '" + template + "' for " + complaint.reference()
                    + " could not be delivered: " + MailDeliveryException.describe(e));
        }
        Instant sentAt = clock.instant();
        String to = String.join(", ", recipients);
        ownTransaction.executeWithoutResult(tx -> {
            log.record(complaint.id(), dedupKey, template, language, to, mail.subject(), mail.body(), messageId, sentAt);
            events.append(complaint.id(), "MAIL_SENT", "system", "E-mail '" + template + "' (" + language + ") sent to " + to,
                    "subject: " + mail.subject() + "\nmessage-id: " + messageId);
        });
        return true;
    }

    private MimeMessage mime(String messageId, List<String> recipients, MailTemplates.RenderedMail mail)
            throws MessagingException {
        MimeMessage message = new MimeMessage((Session) null) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(properties.from()));
        for (String recipient : recipients) {
            message.addRecipient(MimeMessage.RecipientType.TO, new InternetAddress(recipient));
        }
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setText(mail.body(), StandardCharsets.UTF_8.name());
        message.setSentDate(java.util.Date.from(clock.instant()));
        return message;
    }
}
