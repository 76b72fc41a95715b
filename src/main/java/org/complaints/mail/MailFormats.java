package org.complaints.mail;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.complaints.deadlines.DeadlineProperties;
import org.springframework.stereotype.Component;

/** Dates in e-mails: the organisation's time zone, the reader's language. */
@Component
public class MailFormats {

    private final DeadlineProperties deadlines;

    public MailFormats(DeadlineProperties deadlines) {
        this.deadlines = deadlines;
    }

    public String date(Instant instant, String language) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(MailTemplates.locale(language))
                .withZone(deadlines.zone())
                .format(instant);
    }
}
