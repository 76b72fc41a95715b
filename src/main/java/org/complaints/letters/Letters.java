package org.complaints.letters;

import static org.complaints.register.Jdbc.instant;
import static org.complaints.register.Jdbc.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The letters table cmp_letter (V30, V34): one row per letter, unique per reference and dedup key. */
@Repository
public class Letters {

    private final JdbcClient jdbc;

    public Letters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A letter without its PDF. */
    public record Letter(
            long id,
            long complaintId,
            String reference,
            String kind,
            String language,
            String dedupKey,
            String subject,
            Instant createdAt,
            boolean largePrint,
            Instant printedAt,
            Instant postedAt,
            String postedBy) {

        public boolean posted() {
            return postedAt != null;
        }
    }

    private static final String COLUMNS = "id, complaint_id, reference, kind, language, dedup_key, subject,"
            + " created_at, large_print, printed_at, posted_at, posted_by";

    public boolean exists(String reference, String dedupKey) {
        return jdbc.sql("select count(*) from cmp_letter where reference = ? and dedup_key = ?")
                        .params(reference, dedupKey)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Adds a waiting letter; a concurrent second one fails on the unique key and its transaction is retried. */
    public long add(
            long complaintId,
            String reference,
            String kind,
            String language,
            String dedupKey,
            String subject,
            String body,
            boolean largePrint,
            byte[] pdf,
            Instant createdAt) {
        jdbc.sql("""
                insert into cmp_letter (complaint_id, reference, kind, language, dedup_key, subject, body, created_at,
                    pdf, large_print)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(complaintId, reference, kind, language, dedupKey, subject, body, ts(createdAt), pdf, largePrint)
                .update();
        return jdbc.sql("select id from cmp_letter where reference = ? and dedup_key = ?")
                .params(reference, dedupKey)
                .query(Long.class)
                .single();
    }

    public Optional<Letter> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from cmp_letter where id = ?")
                .param(id)
                .query(Letters::letter)
                .optional();
    }

    /** The rendered text the letter lays out; null once anonymised. */
    public Optional<String> body(long id) {
        return jdbc.sql("select body from cmp_letter where id = ?")
                .param(id)
                .query((rs, n) -> Optional.ofNullable(rs.getString("body")))
                .optional()
                .flatMap(o -> o);
    }

    public Optional<byte[]> pdf(long id) {
        return jdbc.sql("select pdf from cmp_letter where id = ?")
                .param(id)
                .query((rs, n) -> Optional.ofNullable(rs.getBytes("pdf")))
                .optional()
                .flatMap(o -> o);
    }

    /**
     * The waiting letters, oldest first, of the complaints matching {@code condition} (a condition on
     * {@code cmp_complaint c}: who may see which complaint).
     */
    public List<Letter> waiting(String condition, Map<String, Object> params, int limit) {
        return jdbc.sql("select l.id, l.complaint_id, l.reference, l.kind, l.language, l.dedup_key, l.subject,"
                        + " l.created_at, l.large_print, l.printed_at, l.posted_at, l.posted_by"
                        + " from cmp_letter l join cmp_complaint c on c.id = l.complaint_id"
                        + " where l.posted_at is null and " + condition
                        + " order by l.created_at, l.id limit " + limit)
                .params(params)
                .query(Letters::letter)
                .list();
    }

    public long waitingCount() {
        return jdbc.sql("select count(*) from cmp_letter where posted_at is null")
                .query(Long.class)
                .single();
    }

    public List<Letter> ofComplaint(long complaintId) {
        return jdbc.sql("select " + COLUMNS + " from cmp_letter where complaint_id = ? order by created_at, id")
                .param(complaintId)
                .query(Letters::letter)
                .list();
    }

    /**
     * Replaces a waiting letter's text and PDF with the ones printed at {@code printedAt}; false when it was posted
     * (also concurrently) or anonymised meanwhile: a posted letter's copy is what went out.
     */
    public boolean reprint(long id, String subject, String body, byte[] pdf, Instant printedAt) {
        return jdbc.sql("""
                                update cmp_letter set subject = ?, body = ?, pdf = ?, printed_at = ?
                                where id = ? and posted_at is null and pdf is not null""").params(subject, body, pdf, ts(printedAt), id).update() > 0;
    }

    /** Marks the letter posted; false when it was posted before (also by a concurrent call). */
    public boolean markPosted(long id, Instant postedAt, String postedBy) {
        return jdbc.sql("update cmp_letter set posted_at = ?, posted_by = ? where id = ? and posted_at is null")
                        .params(ts(postedAt), postedBy, id)
                        .update()
                > 0;
    }

    /** A waiting letter and the text it lays out (null once anonymised). */
    public record WaitingLetter(Letter letter, String body) {}

    /** The complaint's letters still waiting to be posted, oldest first. */
    public List<WaitingLetter> waitingOfComplaint(long complaintId) {
        return jdbc.sql("select " + COLUMNS + ", body from cmp_letter where complaint_id = ? and posted_at is null"
                        + " order by created_at, id")
                .param(complaintId)
                .query((rs, n) -> new WaitingLetter(letter(rs, n), rs.getString("body")))
                .list();
    }

    /** Replaces a waiting letter's PDF (laid out again for a corrected addressee); false once it was posted. */
    public boolean replacePdf(long id, byte[] pdf, boolean largePrint) {
        return jdbc.sql("update cmp_letter set pdf = ?, large_print = ? where id = ? and posted_at is null")
                        .params(pdf, largePrint, id)
                        .update()
                > 0;
    }

    private static Letter letter(ResultSet rs, int n) throws SQLException {
        return new Letter(
                rs.getLong("id"),
                rs.getLong("complaint_id"),
                rs.getString("reference"),
                rs.getString("kind"),
                rs.getString("language"),
                rs.getString("dedup_key"),
                rs.getString("subject"),
                instant(rs, "created_at"),
                rs.getBoolean("large_print"),
                instant(rs, "printed_at"),
                instant(rs, "posted_at"),
                rs.getString("posted_by"));
    }
}
