package org.complaints.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The mail outbox ({@link OutboxSender}).
 *
 * @param schedule     when the sender looks for due messages (Spring cron, server time zone; "-" turns it off, as
 *                     in tests that drive it themselves)
 * @param firstRetry   the pause after the first failed attempt; it doubles with every further failure
 * @param longestRetry the longest pause between two attempts
 * @param maxAttempts  attempts before a message is given up: it is then FAILED, an incident is raised on the
 *                     complaint's running process instance, and it is sent again only when that incident is
 *                     resolved or the staff API retries it
 * @param batch        messages looked up at a time
 * @param drainFor     how long one run goes on taking the next batch while every batch was full (a backlog, e.g.
 *                     after an outage or a burst of complaints, drains at the SMTP server's pace rather than one
 *                     batch per run); bounded because the run shares the scheduler thread with the other
 *                     scheduled work
 */
@ConfigurationProperties("complaints.mail.outbox")
public record OutboxProperties(
        @DefaultValue("* * * * * *") String schedule,
        @DefaultValue("PT1M") Duration firstRetry,
        @DefaultValue("PT1H") Duration longestRetry,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("100") int batch,
        @DefaultValue("PT10S") Duration drainFor) {

    public OutboxProperties {
        if (firstRetry.isNegative() || firstRetry.isZero() || longestRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("complaints.mail.outbox: first-retry must be positive and at most "
                    + "longest-retry, not " + firstRetry + " and " + longestRetry);
        }
        if (drainFor.isNegative()) {
            throw new IllegalArgumentException(
                    "complaints.mail.outbox: drain-for must not be negative, not " + drainFor);
        }
        if (maxAttempts < 1 || batch < 1) {
            throw new IllegalArgumentException("complaints.mail.outbox: max-attempts and batch must be at least 1");
        }
    }

    /** The pause after {@code attempts} failed attempts: first-retry, doubling, at most longest-retry. */
    public Duration pause(int attempts) {
        return Backoff.pause(attempts, firstRetry, longestRetry);
    }
}
