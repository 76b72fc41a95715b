package org.complaints.letters;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.complaints.engine.InvalidInputException;
import org.complaints.mail.DeliveryWay;
import org.complaints.mail.MailOutbox;
import org.complaints.mail.MailProperties;
import org.complaints.mail.OutgoingMail;
import org.complaints.mail.SentMailRecorder;
import org.complaints.register.Addressee;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.EventLog;
import org.complaints.register.EventOrigin;
import org.springframework.stereotype.Service;

/**
 * The outcome of a call (ISO 10002 4.5, 7.8). Reached: the message counts as delivered now, as a sent e-mail does
 * (acknowledgement time, decision communicated, reaction period from now), and what was told is kept with the
 * dates counted from the call, as staff read it on the Complaint tab. Not reached: the same message goes as a
 * letter when a postal address is known, else as an e-mail when an address is known; with neither, the event log
 * says so and the complaint's handlers decide.
 */
@Service
public class CallOutcomes {

    public static final List<String> OUTCOMES = List.of("reached", "not-reached");

    private final Calls calls;
    private final ComplaintRegister register;
    private final SentMailRecorder recorder;
    private final PostalDelivery post;
    private final DeliveryDates dates;
    private final MailOutbox outbox;
    private final MailProperties mail;
    private final EventLog events;
    private final Clock clock;

    public CallOutcomes(
            Calls calls,
            ComplaintRegister register,
            SentMailRecorder recorder,
            PostalDelivery post,
            DeliveryDates dates,
            MailOutbox outbox,
            MailProperties mail,
            EventLog events,
            Clock clock) {
        this.calls = calls;
        this.register = register;
        this.recorder = recorder;
        this.post = post;
        this.dates = dates;
        this.outbox = outbox;
        this.mail = mail;
        this.events = events;
        this.clock = clock;
    }

    /** Records the call's outcome; a repeated step (same call already recorded) changes nothing. */
    public void record(long callId, String outcome, String note, String actor) {
        if (outcome == null || !OUTCOMES.contains(outcome)) {
            throw new InvalidInputException("callOutcome: choose one of " + String.join(", ", OUTCOMES));
        }
        Calls.Call call = calls.find(callId, mail.messageIdDomain())
                .orElseThrow(() -> new IllegalStateException("No call " + callId));
        Instant now = clock.instant();
        if (!calls.recordOutcome(callId, outcome, note, actor, now)) {
            return;
        }
        OutgoingMail message = call.message();
        Complaint complaint = register.get(call.complaintId());
        Addressee to = complaint.addressee();
        if ("reached".equals(outcome)) {
            // an anonymised call has nothing left to tell again
            OutgoingMail told = message.body().isEmpty() ? message : dates.reachingAt(message, now);
            calls.told(callId, told.subject(), told.body());
            events.append(
                    complaint.id(),
                    "CALL_REACHED",
                    actor,
                    "Told by phone: '" + message.template() + "' (" + message.language() + ")",
                    note,
                    EventOrigin.mail(message.template()));
            recorder.recordDeliveredOtherwise(told, now, DeliveryWay.PHONE, "told by phone to " + to.name());
            return;
        }
        String fallback;
        if (to.postalAddress() != null && !to.postalAddress().isBlank()) {
            post.deliver(complaint, message);
            fallback = "sent as a letter instead";
        } else if (to.email() != null && !to.email().isBlank()) {
            outbox.add(
                    new OutgoingMail(
                            message.complaintId(),
                            message.reference(),
                            message.dedupKey(),
                            message.template(),
                            message.language(),
                            List.of(to.email()),
                            message.subject(),
                            message.body(),
                            message.messageId()),
                    now);
            fallback = "sent as an e-mail instead";
        } else {
            fallback = "no postal or e-mail address known: the handlers decide how to reach them";
        }
        events.append(
                complaint.id(),
                "CALL_NOT_REACHED",
                actor,
                "Not reached by phone about '" + message.template() + "'; " + fallback,
                note,
                EventOrigin.mail(message.template()));
    }
}
