package org.complaints.mail;

import static org.complaints.register.Jdbc.instant;
import static org.complaints.register.Jdbc.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox table cmp_mail_outbox (V10): one row per message, unique per reference and dedup key. */
@Repository
public class MailOutbox {

    private static final String SEPARATOR = "\n";

    private final JdbcClient jdbc;

    public MailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A message in the outbox. */
    public record Entry(
            long id,
            OutgoingMail mail,
            String status,
            int attempts,
            Instant queuedAt,
            Instant nextAttemptAt,
            String lastFailure,
            Instant sentAt,
            String incidentId) {}

    /**
     * Whether this message was queued before, or (for a complaint's message) is in the mail log as sent: sent
     * before the outbox existed, by a step that ran again after the upgrade. One round trip for both.
     */
    private boolean queuedOrSent(OutgoingMail mail) {
        return jdbc.sql("""
                select (select count(*) from cmp_mail_outbox where reference = ? and dedup_key = ?)
                    + (select count(*) from cmp_mail where complaint_id = ? and dedup_key = ?)""")
                        .params(mail.reference(), mail.dedupKey(), mail.complaintId(), mail.dedupKey())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /**
     * Adds the message, due at once, in the caller's transaction; false when this reference and key exist, or the
     * complaint's mail log has it as sent.
     */
    public boolean add(OutgoingMail mail, Instant now) {
        if (queuedOrSent(mail)) {
            return false;
        }
        // a concurrent second step fails on the unique key and its transaction (the engine's) is retried
        jdbc.sql("""
                insert into cmp_mail_outbox (complaint_id, reference, dedup_key, template, language, recipients,
                    subject, body, message_id, status, attempts, queued_at, next_attempt_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)""")
                .params(
                        mail.complaintId(),
                        mail.reference(),
                        mail.dedupKey(),
                        mail.template(),
                        mail.language(),
                        String.join(SEPARATOR, mail.recipients()),
                        mail.subject(),
                        mail.body(),
                        mail.messageId(),
                        ts(now),
                        ts(now))
                .update();
        return true;
    }

    /** Ids of the pending messages due at {@code now}, oldest first. */
    public List<Long> due(Instant now, int limit) {
        return jdbc.sql("""
                select id from cmp_mail_outbox where status = 'PENDING' and next_attempt_at <= ?
                order by next_attempt_at, id fetch first %d rows only""".formatted(limit)).param(ts(now)).query(Long.class).list();
    }

    /**
     * The message, if it is still pending and due, locked for the caller's transaction; empty when another sender
     * holds it (skipped, not waited for) or it is no longer due.
     */
    public Optional<Entry> lockDue(long id, Instant now) {
        return jdbc.sql("""
                select * from cmp_mail_outbox where id = ? and status = 'PENDING' and next_attempt_at <= ?
                for update skip locked""").params(id, ts(now)).query(MailOutbox::entry).optional();
    }

    public Optional<Entry> find(long id) {
        return jdbc.sql("select * from cmp_mail_outbox where id = ?")
                .param(id)
                .query(MailOutbox::entry)
                .optional();
    }

    public Optional<Entry> find(String reference, String dedupKey) {
        return jdbc.sql("select * from cmp_mail_outbox where reference = ? and dedup_key = ?")
                .params(reference, dedupKey)
                .query(MailOutbox::entry)
                .optional();
    }

    /** Sent: the copy is in cmp_mail now, so the outbox forgets recipients and body (personal data). */
    public void markSent(long id, Instant sentAt) {
        jdbc.sql("""
                update cmp_mail_outbox set status = 'SENT', sent_at = ?, attempts = attempts + 1, recipients = null,
                    body = null, incident_id = null
                where id = ?""").params(ts(sentAt), id).update();
    }

    public void retryLater(long id, int attempts, Instant next, String failure) {
        jdbc.sql("update cmp_mail_outbox set attempts = ?, next_attempt_at = ?, last_failure = ? where id = ?")
                .params(attempts, ts(next), cut(failure), id)
                .update();
    }

    public void noteFailure(long id, String failure) {
        jdbc.sql("update cmp_mail_outbox set last_failure = ? where id = ?")
                .params(cut(failure), id)
                .update();
    }

    public void markFailed(long id, int attempts, String failure) {
        jdbc.sql("update cmp_mail_outbox set status = 'FAILED', attempts = ?, last_failure = ? where id = ?")
                .params(attempts, cut(failure), id)
                .update();
    }

    public void recordIncident(long id, String incidentId) {
        jdbc.sql("update cmp_mail_outbox set incident_id = ? where id = ?")
                .params(incidentId, id)
                .update();
    }

    /**
     * A failed message pending again for one more attempt now ({@code attempts} stays one short of the limit, so a
     * further failure gives it up again at once); false when it is not FAILED.
     */
    public boolean retryFailed(long id, int attemptsBeforeLast, Instant now) {
        return jdbc.sql("""
                update cmp_mail_outbox set status = 'PENDING', next_attempt_at = ?, incident_id = null,
                    attempts = case when attempts > ? then ? else attempts end
                where id = ? and status = 'FAILED'""")
                        .params(ts(now), attemptsBeforeLast, attemptsBeforeLast, id)
                        .update()
                == 1;
    }

    /**
     * The complaint's messages not sent yet (pending, or given up and waiting for a retry) that were addressed to
     * {@code from} go to {@code to} instead; their text stays as rendered. Staff mail about the complaint has other
     * recipients and is left alone. Returns how many were readdressed.
     */
    public int readdress(long complaintId, String from, String to) {
        return jdbc.sql("""
                update cmp_mail_outbox set recipients = ?
                where complaint_id = ? and status in ('PENDING', 'FAILED') and lower(recipients) = lower(?)""").params(to, complaintId, from).update();
    }

    /** A complaint's messages that have not gone out are cancelled and every message's personal data erased. */
    public void erase(long complaintId) {
        jdbc.sql("select id from cmp_mail_outbox where complaint_id = ? for update")
                .param(complaintId)
                .query(Long.class)
                .list();
        jdbc.sql("""
                update cmp_mail_outbox set recipients = null, body = null,
                    status = case when status in ('PENDING', 'FAILED') then 'CANCELLED' else status end
                where complaint_id = ?""").param(complaintId).update();
    }

    /** Figures for operators: pending (and its oldest), failed. */
    public record Figures(long pending, Duration oldestPending, long failed) {}

    public Figures figures(Instant now) {
        return jdbc.sql("""
                select count(case when status = 'PENDING' then 1 end) as pending,
                       min(case when status = 'PENDING' then queued_at end) as oldest,
                       count(case when status = 'FAILED' then 1 end) as failed
                from cmp_mail_outbox where status in ('PENDING', 'FAILED')""")
                .query((rs, n) -> {
                    Instant oldest = instant(rs, "oldest");
                    return new Figures(
                            rs.getLong("pending"),
                            oldest == null || oldest.isAfter(now) ? Duration.ZERO : Duration.between(oldest, now),
                            rs.getLong("failed"));
                })
                .single();
    }

    /** Messages not sent yet (pending, failed), oldest first, without recipients or body. */
    public List<Entry> unsent(int limit) {
        return jdbc.sql("""
                select * from cmp_mail_outbox where status in ('PENDING', 'FAILED')
                order by queued_at, id fetch first %d rows only""".formatted(limit)).query(MailOutbox::entry).list();
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        long complaintId = rs.getLong("complaint_id");
        boolean aboutComplaint = !rs.wasNull();
        String recipients = rs.getString("recipients");
        OutgoingMail mail = new OutgoingMail(
                aboutComplaint ? complaintId : null,
                rs.getString("reference"),
                rs.getString("dedup_key"),
                rs.getString("template"),
                rs.getString("language"),
                recipients == null ? List.of() : Arrays.asList(recipients.split(SEPARATOR)),
                rs.getString("subject"),
                rs.getString("body"),
                rs.getString("message_id"));
        return new Entry(
                rs.getLong("id"),
                mail,
                rs.getString("status"),
                rs.getInt("attempts"),
                instant(rs, "queued_at"),
                instant(rs, "next_attempt_at"),
                rs.getString("last_failure"),
                instant(rs, "sent_at"),
                rs.getString("incident_id"));
    }

    private static String cut(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300);
    }
}
