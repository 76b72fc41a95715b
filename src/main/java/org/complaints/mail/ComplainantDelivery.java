package org.complaints.mail;

import org.complaints.register.Complaint;

/**
 * A way to reach a complainant other than e-mail (ISO 10002 4.5 accessibility: by the channel that suits them),
 * offered by another concern: {@code post} (a letter in the print queue) or {@code phone} (a call to make).
 * {@link ComplaintMailer} hands it the message rendered exactly as the e-mail would be; it produces it at most once
 * per reference and dedup key, in the caller's transaction. Once the message has reached the complainant (the
 * letter posted, the call answered), the delivery calls {@link MailSentListener#deliveredOtherwise}, so that what
 * the step waits for (acknowledgement time, decision communicated) happens as for an e-mail sent then.
 */
public interface ComplainantDelivery {

    /** The preferred way of contact this delivery serves, as {@code Addressee.preferredContact()} names it. */
    String way();

    /** Produces the message; false when this reference and dedup key were produced before. */
    boolean deliver(Complaint complaint, OutgoingMail mail);

    /** Whether this delivery produced the message with this reference and dedup key. */
    boolean produced(String reference, String dedupKey);
}
