package org.complaints.intake;

import static org.complaints.register.Jdbc.ts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Complainant messages on their way to the process ({@code cmp_complainant_message}): kept in the transaction
 * that accepts them, claimed in the transaction that correlates them, so each is delivered once.
 */
@Repository
class PendingMessages {

    record Pending(long id, long complaintId, String messageName, String content, String channel, int attempts) {}

    private final JdbcClient jdbc;

    PendingMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long keep(long complaintId, String messageName, String content, String channel, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into cmp_complainant_message (complaint_id, message_name, content, channel, received_at, status,
                    next_attempt_at) values (?, ?, ?, ?, ?, 'PENDING', ?)""")
                .params(complaintId, messageName, content, channel, ts(now), ts(now))
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** A message of this kind still waiting for the complaint (a second withdrawal adds nothing). */
    Optional<Long> pending(long complaintId, String messageName) {
        return jdbc.sql("""
                select min(id) from cmp_complainant_message where complaint_id = ? and message_name = ?
                and status = 'PENDING'""").params(complaintId, messageName).query(Long.class).optional();
    }

    /**
     * Takes the message for delivery in the caller's transaction: the row lock makes a second node wait and then
     * find it delivered; a rollback of the correlation gives it back.
     */
    Optional<Pending> claim(long id, Instant now) {
        Optional<Pending> pending = jdbc.sql("""
                        select id, complaint_id, message_name, content, channel, attempts from cmp_complainant_message
                        where id = ? and status = 'PENDING' for update""")
                .param(id)
                .query((rs, n) -> new Pending(
                        rs.getLong("id"),
                        rs.getLong("complaint_id"),
                        rs.getString("message_name"),
                        rs.getString("content"),
                        rs.getString("channel"),
                        rs.getInt("attempts")))
                .optional();
        pending.ifPresent(p -> finish(id, "DELIVERED", now));
        return pending;
    }

    /** The complaint closed before the message could be delivered; the text was recorded at receipt. */
    void giveUp(long id, Instant now) {
        finish(id, "AFTER_CLOSURE", now);
    }

    private void finish(long id, String status, Instant now) {
        jdbc.sql("""
                update cmp_complainant_message set status = ?, delivered_at = ?, content = null, attempts = attempts + 1
                where id = ?""").params(status, ts(now), id).update();
    }

    void postpone(long id, Instant next) {
        jdbc.sql("""
                update cmp_complainant_message set attempts = attempts + 1, next_attempt_at = ?
                where id = ? and status = 'PENDING'""").params(ts(next), id).update();
    }

    int attemptsOf(long id) {
        return jdbc.sql("select attempts from cmp_complainant_message where id = ?")
                .param(id)
                .query(Integer.class)
                .single();
    }

    List<Long> due(Instant now, int limit) {
        return jdbc.sql("""
                select id from cmp_complainant_message where status = 'PENDING' and next_attempt_at <= ?
                order by id fetch first %d rows only""".formatted(limit)).param(ts(now)).query(Long.class).list();
    }

    int pendingCount() {
        return jdbc.sql("select count(*) from cmp_complainant_message where status = 'PENDING'")
                .query(Integer.class)
                .single();
    }
}
