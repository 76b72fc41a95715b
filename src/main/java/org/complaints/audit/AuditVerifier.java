package org.complaints.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes the audit chain from its first row to the head: any row changed, removed, inserted or reordered
 * after sealing shows up as a named problem. Streams the rows, so it works on a log of any size.
 */
@Component
public class AuditVerifier {

    private static final int MAX_PROBLEMS = 100;
    /** Longer than any transaction: a row still unsealed after this was slipped in past the sealer. */
    private static final Duration SEAL_GRACE = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final AuditChain chain;
    private final Clock clock;

    public AuditVerifier(JdbcClient jdbc, DataSource dataSource, AuditLog log, Clock clock) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1000);
        this.chain = log.chain();
        this.clock = clock;
    }

    public record Verification(
            @Schema(description = "Whether the audit chain is unbroken", example = "true")
            boolean intact,

            @Schema(description = "Audit rows checked", example = "5120")
            long rowsChecked,

            @Schema(description = "The last sequence number checked", example = "5120")
            long lastSeq,

            @Schema(description = "Whether the chain is keyed (HMAC) rather than a plain hash", example = "true")
            boolean keyed,

            @Schema(description = "What was found wrong, empty if intact", example = "[]")
            List<String> problems) {}

    @Transactional(readOnly = true)
    public Verification verify() {
        List<String> problems = new ArrayList<>();
        long[] state = {0, 0}; // rows checked, expected next seq - 1
        String[] previous = {AuditChain.GENESIS};
        streaming.query("select * from cmp_audit where chain_seq is not null order by chain_seq", rs -> {
            long id = rs.getLong("id");
            long seq = rs.getLong("chain_seq");
            state[0]++;
            if (seq != state[1] + 1) {
                problem(
                        problems,
                        "seq " + (state[1] + 1) + (seq - state[1] > 2 ? " to " + (seq - 1) : "")
                                + " missing: sealed rows were deleted before row " + id);
            }
            state[1] = seq;
            long complaint = rs.getLong("complaint_id");
            Long complaintId = rs.wasNull() ? null : complaint;
            Instant at = rs.getObject("occurred_at", OffsetDateTime.class).toInstant();
            String digest = rs.getString("payload_digest");
            String leaf = chain.leaf(
                    at,
                    rs.getString("actor"),
                    complaintId,
                    rs.getString("process_instance_id"),
                    rs.getString("action"),
                    rs.getString("entity"),
                    digest);
            if (!leaf.equals(rs.getString("leaf_hash"))) {
                problem(problems, "row " + id + " (seq " + seq + "): content changed after it was written");
            }
            String payload = rs.getString("payload");
            if (payload != null
                    && (digest == null
                            || !AuditChain.payloadDigest(rs.getString("payload_salt"), payload)
                                    .equals(digest))) {
                problem(problems, "row " + id + " (seq " + seq + "): before/after values changed");
            }
            if (!previous[0].equals(rs.getString("prev_hash"))
                    || !chain.link(previous[0], rs.getString("leaf_hash"), seq, id)
                            .equals(rs.getString("chain_hash"))) {
                problem(problems, "row " + id + " (seq " + seq + "): chain broken (row replaced, moved or re-hashed)");
            }
            previous[0] = rs.getString("chain_hash");
        });
        Map<String, Object> head = jdbc.sql("select last_seq, last_hash from cmp_audit_seal where id = 1")
                .query()
                .singleRow();
        long lastSeq = ((Number) head.get("last_seq")).longValue();
        if (lastSeq != state[1] || !previous[0].equals(head.get("last_hash"))) {
            problem(
                    problems,
                    "the chain ends at seq " + state[1] + " but was sealed up to seq " + lastSeq
                            + ": the newest sealed rows were deleted or changed");
        }
        long stale = jdbc.sql("select count(*) from cmp_audit where chain_seq is null and occurred_at < ?")
                .param(OffsetDateTime.ofInstant(clock.instant().minus(SEAL_GRACE), java.time.ZoneOffset.UTC))
                .query(Long.class)
                .single();
        if (stale > 0) {
            problem(
                    problems,
                    stale + " row(s) older than " + SEAL_GRACE.toMinutes()
                            + " minutes were never sealed: inserted behind the sealer's back, or the sealer is not running");
        }
        return new Verification(problems.isEmpty(), state[0], lastSeq, chain.keyed(), List.copyOf(problems));
    }

    private static void problem(List<String> problems, String problem) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem);
        }
    }
}
