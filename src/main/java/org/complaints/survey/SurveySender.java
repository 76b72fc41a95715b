package org.complaints.survey;

import static org.complaints.register.Jdbc.ts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.complaints.mail.Backoff;
import org.complaints.mail.ComplainantDelivery;
import org.complaints.mail.ComplaintMailer;
import org.complaints.mail.MailDeliveryException;
import org.complaints.mail.MailFormats;
import org.complaints.mail.MailLog;
import org.complaints.mail.OutgoingMail;
import org.complaints.mail.PublicLinks;
import org.complaints.mail.SentMailRecorder;
import org.complaints.mail.SmtpDelivery;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.EventLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the survey invitations that are due, in the complainant's language: rendered by the one mail path
 * ({@link ComplaintMailer}), delivered by {@link SmtpDelivery} and recorded by {@link SentMailRecorder}, like the
 * mail outbox's messages. cmp_survey is the invitations' own outbox: the link's token is made only when the e-mail
 * is due, and an invitation that cannot be answered in time any more is given up without an incident.
 *
 * <p>Each invitation is sent in a transaction that holds the lock on its cmp_survey row: a second node (or a
 * second run) waits and then finds it sent, and an anonymisation waits until the e-mail and its copy are
 * recorded, so it can remove them. The token's hash is committed before the e-mail leaves (its own table, see
 * V6), so a link that reached the complainant always works. A refused e-mail leaves the invitation pending and
 * is retried with growing pauses (1 minute doubling to 6 hours); one that could not be delivered within its
 * validity period is marked FAILED and counted as such. Only a crash between the SMTP server's acceptance and
 * the mail log's commit can send it twice (as in mail.OutboxSender), then with a fresh link.
 */
@Component
public class SurveySender {

    static final String TEMPLATE = "survey-invitation";
    static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    static final Duration LONGEST_RETRY = Duration.ofHours(6);
    /** Invitations per run; the rest wait for the next run. */
    private static final int BATCH = 100;

    private static final Logger LOG = LoggerFactory.getLogger(SurveySender.class);

    private final JdbcClient jdbc;
    private final ComplaintRegister register;
    private final ComplaintMailer mailer;
    private final SmtpDelivery smtp;
    private final SentMailRecorder recorder;
    private final MailLog mailLog;
    private final MailFormats formats;
    private final EventLog events;
    private final SurveyProperties properties;
    private final PublicLinks links;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final TransactionTemplate ownTransaction;
    private final String paperReplyAddress;

    public SurveySender(
            JdbcClient jdbc,
            ComplaintRegister register,
            ComplaintMailer mailer,
            SmtpDelivery smtp,
            SentMailRecorder recorder,
            MailLog mailLog,
            MailFormats formats,
            EventLog events,
            SurveyProperties properties,
            PublicLinks links,
            Clock clock,
            PlatformTransactionManager transactions,
            @Value("${complaints.letters.return-address:}") String paperReplyAddress) {
        this.paperReplyAddress = paperReplyAddress;
        this.jdbc = jdbc;
        this.register = register;
        this.mailer = mailer;
        this.smtp = smtp;
        this.recorder = recorder;
        this.mailLog = mailLog;
        this.formats = formats;
        this.events = events;
        this.properties = properties;
        this.links = links;
        this.clock = clock;
        // templates, not @Transactional: the scheduled self-call would bypass the proxy
        this.transaction = new TransactionTemplate(transactions);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Scheduled(cron = "${complaints.survey.schedule:0 * * * * *}")
    public void sendScheduled() {
        try {
            int sent = sendDue();
            if (sent > 0) {
                LOG.info("Satisfaction survey: {} invitation(s) sent", sent);
            }
        } catch (RuntimeException e) {
            // e.g. the database is away; the next run tries again. The type only: messages may quote data
            LOG.error(
                    "Satisfaction survey: sending stopped ({}); the next run tries again",
                    e.getClass().getName());
        }
    }

    /** Sends every invitation due now (at most one batch); returns how many went out. Safe on several nodes. */
    public int sendDue() {
        List<Long> due = jdbc.sql("""
                select complaint_id from cmp_survey where status = 'PENDING' and next_attempt_at <= ?
                order by next_attempt_at, complaint_id fetch first %d rows only""".formatted(BATCH))
                .param(ts(clock.instant()))
                .query(Long.class)
                .list();
        int sent = 0;
        for (Long complaintId : due) {
            try {
                if (Boolean.TRUE.equals(transaction.execute(tx -> sendOne(complaintId)))) {
                    sent++;
                }
            } catch (RuntimeException e) {
                // not an SMTP refusal (those are handled inside): still never retried in a tight loop
                LOG.error(
                        "Satisfaction survey for complaint id {} not sent ({})",
                        complaintId,
                        e.getClass().getName());
                try {
                    transaction.executeWithoutResult(
                            tx -> retryLater(complaintId, e.getClass().getSimpleName()));
                } catch (RuntimeException again) {
                    // still pending and due: the next run tries it again
                    LOG.error(
                            "Satisfaction survey for complaint id {}: failure not recorded ({})",
                            complaintId,
                            again.getClass().getName());
                }
            }
        }
        return sent;
    }

    private record Pending(long complaintId, int attempts, Instant invitedAt, Instant nextAttemptAt) {}

    private Optional<Pending> pending(long complaintId) {
        return jdbc.sql("""
                select complaint_id, attempts, invited_at, next_attempt_at from cmp_survey
                where complaint_id = ? and status = 'PENDING'""")
                .param(complaintId)
                .query((rs, n) -> new Pending(
                        rs.getLong("complaint_id"),
                        rs.getInt("attempts"),
                        rs.getObject("invited_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("next_attempt_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** In a transaction holding the row's lock; true if this call sent the e-mail. */
    private boolean sendOne(long complaintId) {
        Instant now = clock.instant();
        // the lock first, then the state as committed by whoever held the lock before (read committed)
        jdbc.sql("select complaint_id from cmp_survey where complaint_id = ? for update")
                .param(complaintId)
                .query(Long.class)
                .optional();
        Optional<Pending> pending =
                pending(complaintId).filter(p -> !p.nextAttemptAt().isAfter(now));
        if (pending.isEmpty()) {
            // another node sent it while this one waited for the lock, or it is no longer due
            return false;
        }
        Complaint complaint = register.get(complaintId);
        if (register.accessMarkings(complaintId).anonymised() || !SurveyInvitations.hasAddress(complaint)) {
            jdbc.sql("update cmp_survey set status = 'CANCELLED' where complaint_id = ?")
                    .param(complaintId)
                    .update();
            return false;
        }
        Optional<Instant> sentBefore = mailLog.sentAt(complaintId, TEMPLATE);
        if (sentBefore.isPresent()) {
            // an earlier run sent it and stopped before recording that here; its link (hash committed) works
            Instant expiresAt = jdbc.sql("select expires_at from cmp_survey_token where complaint_id = ?")
                    .param(complaintId)
                    .query(OffsetDateTime.class)
                    .optional()
                    .map(OffsetDateTime::toInstant)
                    .orElse(sentBefore.get().plus(properties.validFor()));
            markSent(complaintId, sentBefore.get(), expiresAt);
            return false;
        }

        String token = SurveyTokens.newToken();
        Instant expiresAt = now.plus(properties.validFor());
        ownTransaction.executeWithoutResult(tx -> {
            jdbc.sql("delete from cmp_survey_token where complaint_id = ?")
                    .param(complaintId)
                    .update();
            jdbc.sql("insert into cmp_survey_token (token_hash, complaint_id, expires_at) values (?, ?, ?)")
                    .params(SurveyTokens.hash(token), complaintId, ts(expiresAt))
                    .update();
        });
        Optional<ComplainantDelivery> otherWay = mailer.otherWay(complaint);
        Map<String, Object> model = new HashMap<>(Map.of(
                "surveyUrl", links.surveyUrl(token),
                "validUntil", formats.date(expiresAt, complaint.language())));
        if (otherWay.isPresent() && !paperReplyAddress.isBlank()) {
            // a letter or a call: the questions can be answered on paper too (ISO 10002 4.5, 8.3)
            model.put("paperReply", paperReplyAddress);
        }
        OutgoingMail mail = mailer.forComplainant(complaint, TEMPLATE, TEMPLATE, model);
        if (otherWay.isPresent()) {
            // a letter in the print queue or a call to make, produced once; its delivery records it when posted
            ownTransaction.executeWithoutResult(tx -> otherWay.get().deliver(complaint, mail));
            markSent(complaintId, now, expiresAt);
            return true;
        }
        try {
            smtp.deliver(mail);
        } catch (MailDeliveryException e) {
            retryLater(pending.get(), now, e.getMessage());
            return false;
        }
        // the copy and MAIL_SENT committed at once, so a second run finds it even if this transaction rolls back
        ownTransaction.executeWithoutResult(tx -> recorder.record(mail, now));
        markSent(complaintId, now, expiresAt);
        return true;
    }

    private void markSent(long complaintId, Instant sentAt, Instant expiresAt) {
        jdbc.sql("""
                update cmp_survey set status = 'SENT', sent_at = ?, expires_at = ?, last_failure = null
                where complaint_id = ?""").params(ts(sentAt), ts(expiresAt), complaintId).update();
        events.append(
                complaintId,
                "SURVEY_SENT",
                "system",
                "Satisfaction survey sent; the link can be used once, until "
                        + expiresAt.atZone(clock.getZone()).toLocalDate(),
                null);
    }

    private void retryLater(long complaintId, String failure) {
        pending(complaintId).ifPresent(p -> retryLater(p, clock.instant(), failure));
    }

    /** Pending again with a longer pause, or FAILED once the invitation could no longer be answered in time. */
    private void retryLater(Pending pending, Instant now, String failure) {
        int attempts = pending.attempts() + 1;
        Instant next = now.plus(pause(attempts));
        Instant giveUpAt = pending.invitedAt().plus(properties.delay()).plus(properties.validFor());
        String kind = failure == null ? null : failure.length() > 300 ? failure.substring(0, 300) : failure;
        if (next.isAfter(giveUpAt)) {
            jdbc.sql("update cmp_survey set status = 'FAILED', attempts = ?, last_failure = ? where complaint_id = ?")
                    .params(attempts, kind, pending.complaintId())
                    .update();
            events.append(
                    pending.complaintId(),
                    "SURVEY_NOT_DELIVERED",
                    "system",
                    "Satisfaction survey not sent: " + "the e-mail could not be delivered in " + attempts + " attempts",
                    kind);
            LOG.warn(
                    "Satisfaction survey for complaint id {} given up after {} attempts",
                    pending.complaintId(),
                    attempts);
            return;
        }
        jdbc.sql("update cmp_survey set attempts = ?, next_attempt_at = ?, last_failure = ? where complaint_id = ?")
                .params(attempts, ts(next), kind, pending.complaintId())
                .update();
        LOG.warn(
                "Satisfaction survey for complaint id {} not delivered (attempt {}); next attempt at {}",
                pending.complaintId(),
                attempts,
                next);
    }

    /** 1 minute after the first failure, doubling, at most 6 hours. */
    static Duration pause(int attempts) {
        return Backoff.pause(attempts, FIRST_RETRY, LONGEST_RETRY);
    }
}
