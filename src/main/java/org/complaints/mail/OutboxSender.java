package org.complaints.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.complaints.engine.authorization.EngineAuthority;
import org.complaints.register.EventLog;
import org.complaints.register.EventOrigin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox (exactly-once e-mail, at-least-once delivery). Safe on several nodes.
 *
 * <p>Each message is sent in its own transaction that holds its row lock ({@code for update skip locked}: another
 * node skips it rather than waiting) from before the SMTP conversation until the SENT mark, the mail log copy, the
 * MAIL_SENT event and the step's follow-up ({@link MailSentListener}) are committed together. A message is
 * therefore sent twice only if this node stops between the SMTP server's acceptance and that commit (the one
 * window no sender can close); the repeat carries the same Message-ID, so mail clients show it once. SMTP
 * timeouts (spring.mail.properties) bound how long the lock is held.
 *
 * <p>A refused message stays PENDING and is tried again after a pause growing from {@code first-retry} to
 * {@code longest-retry}; after {@code max-attempts} it is FAILED: an event in the complaint's log, an incident on
 * its running process instance (Cockpit), the {@code complaints_emails_outbox_failed} gauge and the health
 * details show it. Resolving the incident (engine/mail/MailIncidentHandler), or
 * {@code POST /api/staff/mail-outbox/{id}/retry}, sends it once more.
 */
@Component
public class OutboxSender {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

    private final MailOutbox outbox;
    private final SmtpDelivery smtp;
    private final SentMailRecorder recorder;
    private final OutboxIncidents incidents;
    private final EventLog events;
    private final EngineAuthority authority;
    private final OutboxProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;

    public OutboxSender(
            MailOutbox outbox,
            SmtpDelivery smtp,
            SentMailRecorder recorder,
            OutboxIncidents incidents,
            EventLog events,
            EngineAuthority authority,
            OutboxProperties properties,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.outbox = outbox;
        this.smtp = smtp;
        this.recorder = recorder;
        this.incidents = incidents;
        this.events = events;
        this.authority = authority;
        this.properties = properties;
        this.clock = clock;
        // a template, not @Transactional: the scheduled self-call would bypass the proxy
        this.transaction = new TransactionTemplate(transactions);
    }

    @Scheduled(cron = "${complaints.mail.outbox.schedule:* * * * * *}")
    public void sendScheduled() {
        try {
            // batch after batch while they come full and go out, for at most drain-for (a backlog drains at the
            // SMTP server's pace; a batch that sent nothing, e.g. the server is away, ends the run)
            long until = System.nanoTime() + properties.drainFor().toNanos();
            int sent = 0;
            Batch batch;
            do {
                batch = sendBatch();
                sent += batch.sent();
            } while (batch.full() && batch.sent() > 0 && System.nanoTime() < until);
            if (sent > 0) {
                LOG.info("Mail outbox: {} e-mail(s) sent", sent);
            }
        } catch (RuntimeException e) {
            // e.g. the database is away; the next run tries again. The type only: messages may quote data
            LOG.error(
                    "Mail outbox: sending stopped ({}); the next run tries again",
                    e.getClass().getName());
        }
    }

    /** Sends every message due now (at most one batch); returns how many went out. */
    public int sendDue() {
        return sendBatch().sent();
    }

    private record Batch(boolean full, int sent) {}

    private Batch sendBatch() {
        int sent = 0;
        List<Long> due = outbox.due(clock.instant(), properties.batch());
        // one SMTP connection for the batch; each e-mail still in a transaction of its own
        try (SmtpDelivery.Connection connection = smtp.connection()) {
            for (Long id : due) {
                Instant[] acceptedAt = new Instant[1];
                try {
                    if (Boolean.TRUE.equals(transaction.execute(tx -> sendOne(id, acceptedAt, connection)))) {
                        sent++;
                    }
                } catch (RuntimeException e) {
                    // not an SMTP refusal (those are handled inside), e.g. a listener or the database failed: the
                    // transaction is rolled back, so the message is still pending
                    LOG.error(
                            "Mail outbox: message {} not completed ({})",
                            id,
                            e.getClass().getName());
                    afterFailure(id, acceptedAt[0], e.getClass().getSimpleName());
                }
            }
        }
        return new Batch(due.size() >= properties.batch(), sent);
    }

    /** Sends a FAILED message once more (staff API); false when it is not FAILED. */
    public boolean retry(long id) {
        return Boolean.TRUE.equals(transaction.execute(tx -> {
            String incidentId =
                    outbox.find(id).map(MailOutbox.Entry::incidentId).orElse(null);
            if (!outbox.retryFailed(id, properties.maxAttempts() - 1, clock.instant())) {
                return false;
            }
            if (incidentId != null) {
                authority.withoutAuthorization(() -> incidents.resolve(incidentId));
            }
            return true;
        }));
    }

    /** In a transaction holding the message's lock; true if this call sent it. */
    private boolean sendOne(long id, Instant[] acceptedAt, SmtpDelivery.Connection connection) {
        MailOutbox.Entry entry = outbox.lockDue(id, clock.instant()).orElse(null);
        if (entry == null) {
            // another node is sending it or sent it meanwhile
            return false;
        }
        try {
            connection.deliver(entry.mail());
        } catch (MailDeliveryException e) {
            failed(entry, e.kind());
            return false;
        }
        Instant sentAt = clock.instant();
        acceptedAt[0] = sentAt;
        outbox.markSent(id, sentAt);
        recorder.record(entry.mail(), sentAt);
        if (entry.incidentId() != null) {
            authority.withoutAuthorization(() -> incidents.resolve(entry.incidentId()));
        }
        return true;
    }

    /**
     * Never retried in a tight loop, and never sent again once the SMTP server accepted it: then it is only marked
     * sent (its copy and follow-up are missing, hence the error in the log).
     */
    private void afterFailure(long id, Instant acceptedAt, String kind) {
        try {
            transaction.executeWithoutResult(tx -> outbox.lockDue(id, clock.instant())
                    .ifPresent(e -> {
                        if (acceptedAt == null) {
                            failed(e, kind);
                        } else {
                            outbox.markSent(id, acceptedAt);
                            outbox.noteFailure(id, "sent, not recorded: " + kind);
                            LOG.error("Mail outbox: message {} was sent but not recorded ({})", id, kind);
                        }
                    }));
        } catch (RuntimeException again) {
            // still pending and due: the next run tries it again
            LOG.error(
                    "Mail outbox: failure of message {} not recorded ({})",
                    id,
                    again.getClass().getName());
        }
    }

    /** Pending again after a longer pause, or FAILED with an incident once the attempts are used up. */
    private void failed(MailOutbox.Entry entry, String kind) {
        OutgoingMail mail = entry.mail();
        int attempts = entry.attempts() + 1;
        if (attempts < properties.maxAttempts()) {
            Instant next = clock.instant().plus(properties.pause(attempts));
            outbox.retryLater(entry.id(), attempts, next, kind);
            LOG.warn(
                    "Mail outbox: e-mail '{}' for {} not delivered (attempt {}: {}); next attempt at {}",
                    mail.template(),
                    mail.reference(),
                    attempts,
                    kind,
                    next);
            return;
        }
        outbox.markFailed(entry.id(), attempts, kind);
        String message = "E-mail '" + mail.template() + "' for " + mail.reference() + " could not be delivered in "
                + attempts + " attempts (" + kind + "); resolve this incident to send it again";
        authority
                .withoutAuthorization(() -> incidents.raise(entry.id(), mail.reference(), message))
                .ifPresent(incidentId -> outbox.recordIncident(entry.id(), incidentId));
        if (mail.complaintId() != null) {
            events.append(
                    mail.complaintId(),
                    "MAIL_NOT_DELIVERED",
                    "system",
                    "E-mail '" + mail.template() + "' could not be delivered in " + attempts
                            + " attempts; given up until retried",
                    kind,
                    EventOrigin.mail(mail.template()));
        }
        LOG.error(
                "Mail outbox: e-mail '{}' for {} given up after {} attempts ({})",
                mail.template(),
                mail.reference(),
                attempts,
                kind);
    }
}
