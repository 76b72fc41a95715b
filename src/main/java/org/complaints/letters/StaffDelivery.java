package org.complaints.letters;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.complaints.mail.ComplainantDelivery;
import org.complaints.mail.OutgoingMail;
import org.complaints.register.Addressee;
import org.complaints.register.Complaint;

/**
 * A message that staff deliver (post or phone) instead of the SMTP server: produced at most once per reference and
 * dedup key into the way's own table, in the step's transaction, with an event naming what waits for whom.
 */
abstract class StaffDelivery implements ComplainantDelivery {

    private final String way;
    private final Clock clock;

    StaffDelivery(String way, Clock clock) {
        this.way = way;
        this.clock = clock;
    }

    @Override
    public final String way() {
        return way;
    }

    @Override
    public final boolean produced(String reference, String dedupKey) {
        return exists(reference, dedupKey);
    }

    @Override
    public final boolean deliver(Complaint complaint, OutgoingMail message) {
        if (exists(message.reference(), message.dedupKey())) {
            return false;
        }
        produce(complaint, complaint.addressee(), message, clock.instant());
        return true;
    }

    /** Whether the message with this reference and dedup key is in the way's table. */
    abstract boolean exists(String reference, String dedupKey);

    /**
     * Writes the message to the way's table, starts what staff work on and appends the event saying what waits
     * for whom ({@link #queued}); the event's type is written out there, where the ISO clause catalogue finds it.
     */
    abstract void produce(Complaint complaint, Addressee to, OutgoingMail message, Instant now);

    /** The queued event's text: {@code what} and whom it goes to, the representative or the complainant. */
    static String queued(String what, Addressee to) {
        return what + " " + (to.representative() ? "the representative" : "the complainant");
    }

    /**
     * A stored message as the mail log keeps it: addressed to no e-mail address, with the Message-ID its e-mail
     * would have had, so the outbox's once-only check and the status page find it.
     */
    static OutgoingMail stored(
            long complaintId,
            String reference,
            String dedupKey,
            String kind,
            String language,
            String subject,
            String body,
            String messageIdDomain) {
        return new OutgoingMail(
                complaintId,
                reference,
                dedupKey,
                kind,
                language,
                List.of(),
                subject,
                body == null ? "" : body,
                "<" + dedupKey + "." + reference + "@" + messageIdDomain + ">");
    }
}
