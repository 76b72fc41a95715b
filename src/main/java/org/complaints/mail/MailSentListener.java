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

    /**
     * The message reached the complainant another way ({@link ComplainantDelivery}: a letter posted, a call that
     * reached them) at {@code deliveredAt}; by default what an e-mail sent then does. A listener overrides it where
     * a time limit counts from the complainant receiving the message, or where its event names the way.
     */
    default void deliveredOtherwise(OutgoingMail mail, Instant deliveredAt, DeliveryWay way) {
        sent(mail, deliveredAt);
    }
}
