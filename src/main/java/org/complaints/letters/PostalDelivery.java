package org.complaints.letters;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.complaints.mail.ComplainantDelivery;
import org.complaints.mail.MailFormats;
import org.complaints.mail.MailProperties;
import org.complaints.mail.MailTemplates;
import org.complaints.mail.OutgoingMail;
import org.complaints.register.Addressee;
import org.complaints.register.Complaint;
import org.complaints.register.EventLog;
import org.complaints.register.EventOrigin;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Post: the message as a letter in the print queue, laid out from the same rendered text as the e-mail, in the
 * addressee's language and, where they need it, in large print. Produced once per reference and dedup key, in the
 * step's transaction; the PDF is stored as printed (ISO 10002 7.8: the copy of what was communicated).
 */
@Component
public class PostalDelivery implements ComplainantDelivery {

    static final String WAY = "post";

    private final Letters letters;
    private final LetterPdf pdf;
    private final LetterProperties properties;
    private final MailProperties mail;
    private final MailFormats formats;
    private final MessageSource messages;
    private final EventLog events;
    private final PostLettersTask task;
    private final Clock clock;

    public PostalDelivery(
            Letters letters,
            LetterPdf pdf,
            LetterProperties properties,
            MailProperties mail,
            MailFormats formats,
            MessageSource messages,
            EventLog events,
            PostLettersTask task,
            Clock clock) {
        this.letters = letters;
        this.pdf = pdf;
        this.properties = properties;
        this.mail = mail;
        this.formats = formats;
        this.messages = messages;
        this.events = events;
        this.task = task;
        this.clock = clock;
    }

    @Override
    public String way() {
        return WAY;
    }

    @Override
    public boolean produced(String reference, String dedupKey) {
        return letters.exists(reference, dedupKey);
    }

    @Override
    public boolean deliver(Complaint complaint, OutgoingMail message) {
        if (letters.exists(message.reference(), message.dedupKey())) {
            return false;
        }
        Addressee to = complaint.addressee();
        Instant now = clock.instant();
        byte[] document = pdf.render(content(to, message, now));
        letters.add(
                complaint.id(),
                message.reference(),
                message.template(),
                message.language(),
                message.dedupKey(),
                message.subject(),
                message.body(),
                to.largePrint(),
                document,
                now);
        events.append(
                complaint.id(),
                "LETTER_QUEUED",
                "system",
                "Letter '" + message.template() + "' (" + message.language() + (to.largePrint() ? ", large print" : "")
                        + ") waits to be posted to " + (to.representative() ? "the representative" : "the complainant"),
                "subject: " + message.subject(),
                EventOrigin.mail(message.template()));
        task.letterWaits();
        return true;
    }

    LetterPdf.Content content(Addressee to, OutgoingMail message, Instant now) {
        String language = message.language();
        return new LetterPdf.Content(
                mail.organisation(),
                properties.returnAddressLines(mail.organisation()),
                to.name(),
                lines(to.postalAddress()),
                formats.date(now, language),
                message.reference(),
                message.subject(),
                message.body(),
                to.largePrint(),
                new LetterPdf.Labels(
                        label("letter.date", language),
                        label("letter.reference", language),
                        label("letter.page", language)));
    }

    private String label(String key, String language) {
        return messages.getMessage(key, null, MailTemplates.locale(language));
    }

    static List<String> lines(String postalAddress) {
        if (postalAddress == null) {
            return List.of();
        }
        return Arrays.stream(postalAddress.split("\\R"))
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList();
    }
}
