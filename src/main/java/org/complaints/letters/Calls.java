package org.complaints.letters;

import static org.complaints.register.Jdbc.instant;
import static org.complaints.register.Jdbc.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.complaints.mail.OutgoingMail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The calls table cmp_call (V30): one row per call to make, unique per reference and dedup key. What to say is kept
 * here, not in the call's process variables, so that anonymisation clears it.
 */
@Repository
public class Calls {

    private final JdbcClient jdbc;

    public Calls(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A call and the message it tells. */
    public record Call(long id, long complaintId, OutgoingMail message, Instant createdAt, String outcome) {}

    public boolean exists(String reference, String dedupKey) {
        return jdbc.sql("select count(*) from cmp_call where reference = ? and dedup_key = ?")
                        .params(reference, dedupKey)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public long add(long complaintId, OutgoingMail message, Instant createdAt) {
        jdbc.sql("""
                insert into cmp_call (complaint_id, reference, kind, language, dedup_key, subject, script, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        complaintId,
                        message.reference(),
                        message.template(),
                        message.language(),
                        message.dedupKey(),
                        message.subject(),
                        message.body(),
                        ts(createdAt))
                .update();
        return jdbc.sql("select id from cmp_call where reference = ? and dedup_key = ?")
                .params(message.reference(), message.dedupKey())
                .query(Long.class)
                .single();
    }

    /** The call; its message as the e-mail would have been, addressed to no e-mail address. */
    public Optional<Call> find(long id, String messageIdDomain) {
        return jdbc.sql("select * from cmp_call where id = ?")
                .param(id)
                .query((rs, n) -> call(rs, messageIdDomain))
                .optional();
    }

    /** The complaint's calls still to make, oldest first. */
    public List<Call> open(String reference, String messageIdDomain) {
        return jdbc.sql("select * from cmp_call where reference = ? and outcome is null order by created_at, id")
                .param(reference)
                .query((rs, n) -> call(rs, messageIdDomain))
                .list();
    }

    private static Call call(ResultSet rs, String messageIdDomain) throws SQLException {
        return new Call(
                rs.getLong("id"),
                rs.getLong("complaint_id"),
                StaffDelivery.stored(
                        rs.getLong("complaint_id"),
                        rs.getString("reference"),
                        rs.getString("dedup_key"),
                        rs.getString("kind"),
                        rs.getString("language"),
                        rs.getString("subject"),
                        rs.getString("script"),
                        messageIdDomain),
                instant(rs, "created_at"),
                rs.getString("outcome"));
    }

    /** Keeps what was told on a reached call as its script (dates counted from the call); not once anonymised. */
    public void told(long id, String subject, String script) {
        jdbc.sql("update cmp_call set subject = ?, script = ? where id = ? and script is not null")
                .params(subject, script, id)
                .update();
    }

    /** Records the outcome once; false when the call has one already. */
    public boolean recordOutcome(long id, String outcome, String note, String by, Instant at) {
        return jdbc.sql("""
                        update cmp_call set outcome = ?, note = ?, outcome_by = ?, outcome_at = ?
                        where id = ? and outcome is null""").params(outcome, note, by, ts(at), id).update() > 0;
    }
}
