package org.complaints.operations;

import java.time.Clock;
import java.time.Duration;
import org.complaints.mail.MailOutbox;
import org.complaints.mail.OutboxProperties;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The mail outbox in {@code /actuator/health} ("mailOutbox"): pending and failed messages and how long the oldest
 * has waited. UP while mail flows; {@code DELAYED} once the oldest pending message has waited longer than the first
 * retry pause (mail is held back, typically an SMTP outage); {@code FAILED} while a message is given up. Neither
 * takes the node out of service: it can do nothing about the mail server, and readiness ignores it.
 */
@Component("mailOutboxHealthIndicator")
class MailOutboxHealth extends AbstractHealthIndicator {

    static final Status DELAYED = new Status("DELAYED", "E-mail is held back; it is retried and not lost");
    static final Status FAILED = new Status("FAILED", "E-mail given up after its retries; see the incidents");

    private final MailOutbox outbox;
    private final OutboxProperties properties;
    private final Clock clock;

    MailOutboxHealth(MailOutbox outbox, OutboxProperties properties, Clock clock) {
        super("Mail outbox not readable");
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        MailOutbox.Figures figures = outbox.figures(clock.instant());
        Duration oldest = figures.oldestPending();
        Status status =
                figures.failed() > 0 ? FAILED : oldest.compareTo(properties.firstRetry()) > 0 ? DELAYED : Status.UP;
        builder.status(status)
                .withDetail("pending", figures.pending())
                .withDetail("oldestPendingSeconds", oldest.toSeconds())
                .withDetail("failed", figures.failed());
    }
}
