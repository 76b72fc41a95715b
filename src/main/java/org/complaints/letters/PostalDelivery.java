package org.complaints.letters;

import java.time.Clock;
import java.time.Instant;
import org.complaints.mail.OutgoingMail;
import org.complaints.register.Addressee;
import org.complaints.register.Complaint;
import org.complaints.register.EventLog;
import org.complaints.register.EventOrigin;
import org.springframework.stereotype.Component;

/**
 * Post: the message as a letter in the print queue, laid out from the same rendered text as the e-mail, in the
 * addressee's language and, where they need it, in large print. Produced once per reference and dedup key, in the
 * step's transaction; printing it lays it out again for the day it goes out ({@link LetterPrinting}).
 */
@Component
public class PostalDelivery extends StaffDelivery {

    static final String WAY = "post";

    private final Letters letters;
    private final LetterRendering rendering;
    private final EventLog events;
    private final PostLettersTask task;

    public PostalDelivery(
            Letters letters, LetterRendering rendering, EventLog events, PostLettersTask task, Clock clock) {
        super(WAY, clock);
        this.letters = letters;
        this.rendering = rendering;
        this.events = events;
        this.task = task;
    }

    @Override
    boolean exists(String reference, String dedupKey) {
        return letters.exists(reference, dedupKey);
    }

    @Override
    void produce(Complaint complaint, Addressee to, OutgoingMail message, Instant now) {
        letters.add(
                complaint.id(),
                message.reference(),
                message.template(),
                message.language(),
                message.dedupKey(),
                message.subject(),
                message.body(),
                to.largePrint(),
                rendering.pdf(to, message, now),
                now);
        events.append(
                complaint.id(),
                "LETTER_QUEUED",
                "system",
                queued(
                        "Letter '" + message.template() + "' (" + message.language()
                                + (to.largePrint() ? ", large print" : "") + ") waits to be posted to",
                        to),
                "subject: " + message.subject(),
                EventOrigin.mail(message.template()));
        task.letterWaits();
    }
}
