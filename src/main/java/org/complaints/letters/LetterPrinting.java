package org.complaints.letters;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.complaints.mail.MailFormats;
import org.complaints.mail.MailProperties;
import org.complaints.mail.OutgoingMail;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.springframework.stereotype.Service;

/**
 * A letter is laid out for the day it is printed (ISO 10002 7.8): it bears that day's date and, for a decision, the
 * date by which to react counted from that day, which is the date the process's timer uses when the letter is
 * posted the same day. The stored text and PDF are replaced by each printing until the letter is posted, so the
 * copy kept is the one that went out.
 */
@Service
class LetterPrinting {

    private final Letters letters;
    private final ComplaintRegister register;
    private final LetterRendering rendering;
    private final DeliveryDates dates;
    private final MailFormats formats;
    private final MailProperties mail;

    LetterPrinting(
            Letters letters,
            ComplaintRegister register,
            LetterRendering rendering,
            DeliveryDates dates,
            MailFormats formats,
            MailProperties mail) {
        this.letters = letters;
        this.register = register;
        this.rendering = rendering;
        this.dates = dates;
        this.formats = formats;
        this.mail = mail;
    }

    /** A letter's text and PDF as printed on one day. */
    record Printed(OutgoingMail message, byte[] pdf) {}

    /** Lays a waiting letter out for {@code at} and keeps that as its copy; an anonymised one stays without. */
    void print(Letters.Letter letter, Instant at) {
        if (letter.posted()) {
            return;
        }
        printedAt(letter, at)
                .ifPresent(p -> letters.reprint(
                        letter.id(), p.message().subject(), p.message().body(), p.pdf(), at));
    }

    /**
     * Whether the letter as last printed reads otherwise than it would if printed at {@code at}: another date, or
     * (a decision) another date by which to react. False for a letter never printed.
     */
    boolean printedForAnotherDay(Letters.Letter letter, Instant at) {
        if (letter.printedAt() == null) {
            return false;
        }
        if (!formats.date(letter.printedAt(), letter.language()).equals(formats.date(at, letter.language()))) {
            return true;
        }
        Optional<String> kept = letters.body(letter.id());
        return printedAt(letter, at)
                .map(p -> !Objects.equals(kept.orElse(null), p.message().body()))
                .orElse(false);
    }

    private Optional<Printed> printedAt(Letters.Letter letter, Instant at) {
        Optional<String> body = letters.body(letter.id());
        if (body.isEmpty()) {
            return Optional.empty();
        }
        Complaint complaint = register.get(letter.complaintId());
        OutgoingMail message = dates.reachingAt(
                StaffDelivery.stored(
                        letter.complaintId(),
                        letter.reference(),
                        letter.dedupKey(),
                        letter.kind(),
                        letter.language(),
                        letter.subject(),
                        body.get(),
                        mail.messageIdDomain()),
                at);
        return Optional.of(new Printed(message, rendering.pdf(complaint.addressee(), message, at)));
    }
}
