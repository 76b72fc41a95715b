package org.complaints.mail;

import java.time.Instant;
import java.util.Set;

/**
 * What a stage does once its e-mail has actually gone out (e.g. the acknowledgement time, ISO 10002 7.4): called by
 * {@link OutboxSender} in the transaction that records the delivery, so it happens exactly once per message.
 */
public interface MailSentListener {

    /** The templates this listener follows. */
    Set<String> templates();

    void sent(OutgoingMail mail, Instant sentAt);
}
