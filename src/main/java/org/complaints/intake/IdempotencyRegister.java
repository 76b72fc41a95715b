package org.complaints.intake;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Idempotency keys of submissions, so a retried request returns the first complaint instead of a second one. */
@Repository
public class IdempotencyRegister {

    private final JdbcClient jdbc;

    public IdempotencyRegister(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Entry(String requestHash, long complaintId) {}

    public Optional<Entry> find(String key) {
        return jdbc.sql("select request_hash, complaint_id from cmp_idempotency where idempotency_key = ?")
                .param(key)
                .query((rs, n) -> new Entry(rs.getString("request_hash"), rs.getLong("complaint_id")))
                .optional();
    }

    public void record(String key, String requestHash, long complaintId, Instant at) {
        jdbc.sql(
                        "insert into cmp_idempotency (idempotency_key, request_hash, complaint_id, created_at) values (?, ?, ?, ?)")
                .params(key, requestHash, complaintId, at.atOffset(ZoneOffset.UTC))
                .update();
    }
}
