package org.complaints.mail;

import java.time.Instant;
import java.util.List;
import org.complaints.register.EventLog;
import org.complaints.register.EventOrigin;
import org.springframework.stereotype.Component;

/**
 * Records an e-mail the SMTP server accepted, in the caller's transaction: the copy in the mail log and MAIL_SENT
 * in the complaint's event log (ISO 10002 7.4, 7.8: copy kept), then the listeners of its template.
 */
@Component
public class SentMailRecorder {

    private final MailLog log;
    private final EventLog events;
    private final List<MailSentListener> listeners;

    public SentMailRecorder(MailLog log, EventLog events, List<MailSentListener> listeners) {
        this.log = log;
        this.events = events;
        this.listeners = listeners;
    }

    public void record(OutgoingMail mail, Instant sentAt) {
        if (mail.complaintId() != null) {
            String to = String.join(", ", mail.recipients());
            log.record(
                    mail.complaintId(),
                    mail.dedupKey(),
                    mail.template(),
                    mail.language(),
                    to,
                    mail.subject(),
                    mail.body(),
                    mail.messageId(),
                    sentAt);
            events.append(
                    mail.complaintId(),
                    "MAIL_SENT",
                    "system",
                    "E-mail '" + mail.template() + "' (" + mail.language() + ") sent to " + to,
                    "subject: " + mail.subject() + "\nmessage-id: " + mail.messageId(),
                    EventOrigin.mail(mail.template()));
        }
        for (MailSentListener listener : listeners) {
            if (listener.templates().contains(mail.template())) {
                listener.sent(mail, sentAt);
            }
        }
    }

    /**
     * Records a complaint's message that reached the complainant another way ({@link ComplainantDelivery}): the
     * copy in the mail log, where the status page, the closure's time limits and the outbox's once-only check
     * find it as for an e-mail, with {@code how} (e.g. "letter posted to ...") as its recipients; then the
     * listeners of its template, told the {@code way}. The delivery appends its own event (letter posted, call
     * reached).
     */
    public void recordDeliveredOtherwise(OutgoingMail mail, Instant deliveredAt, DeliveryWay way, String how) {
        log.record(
                mail.complaintId(),
                mail.dedupKey(),
                mail.template(),
                mail.language(),
                how,
                mail.subject(),
                mail.body(),
                mail.messageId(),
                deliveredAt);
        for (MailSentListener listener : listeners) {
            if (listener.templates().contains(mail.template())) {
                listener.deliveredOtherwise(mail, deliveredAt, way);
            }
        }
    }
}
