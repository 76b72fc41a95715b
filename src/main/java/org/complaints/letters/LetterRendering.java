package org.complaints.letters;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.complaints.mail.MailFormats;
import org.complaints.mail.MailProperties;
import org.complaints.mail.MailTemplates;
import org.complaints.mail.OutgoingMail;
import org.complaints.register.Addressee;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A message laid out as the addressee's letter of a given day: organisation, address, date, labels, text. */
@Component
class LetterRendering {

    private final LetterPdf pdf;
    private final LetterProperties properties;
    private final MailProperties mail;
    private final MailFormats formats;
    private final MessageSource messages;

    LetterRendering(
            LetterPdf pdf,
            LetterProperties properties,
            MailProperties mail,
            MailFormats formats,
            MessageSource messages) {
        this.pdf = pdf;
        this.properties = properties;
        this.mail = mail;
        this.formats = formats;
        this.messages = messages;
    }

    /** The PDF of {@code message} to {@code to}, dated {@code day}. */
    byte[] pdf(Addressee to, OutgoingMail message, Instant day) {
        return pdf.render(content(to, message, day));
    }

    LetterPdf.Content content(Addressee to, OutgoingMail message, Instant day) {
        String language = message.language();
        return new LetterPdf.Content(
                mail.organisation(),
                properties.returnAddressLines(mail.organisation()),
                to.name(),
                lines(to.postalAddress()),
                formats.date(day, language),
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
