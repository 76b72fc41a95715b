package org.complaints.letters;

import java.time.Clock;
import java.time.Instant;
import org.complaints.mail.DeliveryWay;
import org.complaints.mail.MailProperties;
import org.complaints.mail.OutgoingMail;
import org.complaints.mail.SentMailRecorder;
import org.complaints.register.Addressee;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.EventLog;
import org.complaints.register.EventOrigin;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Marking a letter posted: who posted it and when. The posting date is the letter's delivery: what the step waits
 * for when its e-mail is sent (acknowledgement time, decision communicated and the reaction period that counts
 * from it) happens now, through the mail's listeners, and the copy goes into the mail log like a sent e-mail's.
 * A letter never printed is laid out for the posting day; one printed for another day is refused until printed
 * again, so that the dates on the paper are the ones the process counts ({@link LetterPrinting}).
 */
@Service
public class LetterPosting {

    private final Letters letters;
    private final ComplaintRegister register;
    private final SentMailRecorder recorder;
    private final EventLog events;
    private final PostLettersTask task;
    private final LetterPrinting printing;
    private final MailProperties mail;
    private final Clock clock;

    public LetterPosting(
            Letters letters,
            ComplaintRegister register,
            SentMailRecorder recorder,
            EventLog events,
            PostLettersTask task,
            LetterPrinting printing,
            MailProperties mail,
            Clock clock) {
        this.letters = letters;
        this.register = register;
        this.recorder = recorder;
        this.events = events;
        this.task = task;
        this.printing = printing;
        this.mail = mail;
        this.clock = clock;
    }

    /**
     * Records the posting; 404 for an unknown letter, 409 when it was posted before (also concurrently) or was
     * printed for another day.
     */
    @Transactional
    public Letters.Letter post(long id, String postedBy) {
        Letters.Letter letter = letters.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No letter " + id + "."));
        Instant now = clock.instant();
        if (!letter.posted() && printing.printedForAnotherDay(letter, now)) {
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT,
                    "Letter " + id + " (" + letter.reference() + ") was printed for another day: its dates would not"
                            + " be the ones that count. Download it again, print it and post that copy.");
        }
        if (!letter.posted() && letter.printedAt() == null) {
            printing.print(letter, now);
        }
        if (letter.posted() || !letters.markPosted(id, now, postedBy)) {
            Letters.Letter posted = letters.find(id).orElse(letter);
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT,
                    "Letter " + id + " (" + letter.reference() + ") was posted before, by " + posted.postedBy() + ".");
        }
        Addressee to = register.get(letter.complaintId()).addressee();
        String how = "letter posted to " + to.name()
                + (to.postalAddress() == null
                        ? ""
                        : ", " + String.join(", ", LetterRendering.lines(to.postalAddress())));
        Letters.Letter printed = letters.find(id).orElseThrow();
        OutgoingMail copy = StaffDelivery.stored(
                letter.complaintId(),
                letter.reference(),
                letter.dedupKey(),
                letter.kind(),
                letter.language(),
                printed.subject(),
                letters.body(id).orElse(""),
                mail.messageIdDomain());
        events.append(
                letter.complaintId(),
                "LETTER_POSTED",
                postedBy,
                "Letter '" + letter.kind() + "' (" + letter.language() + ") posted",
                null,
                EventOrigin.mail(letter.kind()));
        recorder.recordDeliveredOtherwise(copy, now, DeliveryWay.LETTER, how);
        task.letterPosted();
        return letters.find(id).orElseThrow();
    }
}
