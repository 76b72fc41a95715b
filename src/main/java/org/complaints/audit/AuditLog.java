package org.complaints.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.complaints.security.SecretBytes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends to the audit log in the caller's transaction (inside a process step: the engine's), so an action
 * that cannot be audited does not happen. Rows are never updated except by the sealer (chain fields) and by
 * anonymisation (payload erased, its digest kept). Within a transaction the rows are kept and written in one
 * JDBC batch just before it commits (a process step writes dozens: one round trip instead of one each); every
 * read of the log writes them first, so the transaction always reads its own rows.
 */
@Repository
public class AuditLog {

    private static final int MAX_PAYLOAD = 20000;

    private static final String INSERT = """
            insert into cmp_audit (occurred_at, actor, complaint_id, process_instance_id, action, entity, payload,
                payload_salt, payload_digest, leaf_hash)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final ObjectMapper json;
    private final Clock clock;
    private final AuditChain chain;

    public AuditLog(JdbcClient jdbc, JdbcTemplate batch, ObjectMapper json, Clock clock,
                    @Value("${complaints.audit.key:}") String key) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
        this.clock = clock;
        this.chain = new AuditChain(key);
    }

    public record Entry(long id, Instant occurredAt, String actor, Long complaintId, String processInstanceId,
                        String action, String entity, String payload, Long chainSeq) {
    }

    public void append(Long complaintId, String processInstanceId, String actor, String action, String entity,
                       Map<String, ?> before, Map<String, ?> after) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String who = actor == null ? "system" : truncate(actor, 100);
        String what = truncate(action, 60);
        String which = truncate(entity, 200);
        String payload = payload(before, after);
        String salt = payload == null ? null : salt();
        String digest = payload == null ? null : AuditChain.payloadDigest(salt, payload);
        Object[] row = {at.atOffset(ZoneOffset.UTC), who, complaintId, processInstanceId, what, which, payload, salt,
                digest, chain.leaf(at, who, complaintId, processInstanceId, what, which, digest)};
        Pending pending = pending();
        if (pending == null) {
            jdbc.sql(INSERT).params(row).update();
        } else {
            pending.rows.add(row);
            if (processInstanceId != null && action.startsWith("variable.")) {
                Object value = after == null ? null : after.get("value");
                // as the logged row reads back (a JSON value as text)
                pending.variables.put(processInstanceId + '\n' + entity,
                        Optional.ofNullable(value == null ? null : String.valueOf(value)));
            }
        }
    }

    /** The rows of the current transaction not written yet; null outside a transaction (written at once). */
    private Pending pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
            return pending;
        }
        // bound by an outer transaction that is suspended now (REQUIRES_NEW): this one writes at once
        return TransactionSynchronizationManager.getSynchronizations().contains(pending) ? pending : null;
    }

    /** Writes the current transaction's rows now: before a read, and before the commit. */
    private void writePending() {
        Pending pending = TransactionSynchronizationManager.isSynchronizationActive()
                ? (Pending) TransactionSynchronizationManager.getResource(this) : null;
        if (pending != null && TransactionSynchronizationManager.getSynchronizations().contains(pending)
                && !pending.rows.isEmpty()) {
            List<Object[]> rows = new ArrayList<>(pending.rows);
            pending.rows.clear();
            batch.batchUpdate(INSERT, rows);
        }
    }

    private final class Pending implements TransactionSynchronization {

        private final List<Object[]> rows = new ArrayList<>();
        /** The last value of each variable this transaction logged (a step sets and resets a dozen at once). */
        private final Map<String, Optional<Object>> variables = new HashMap<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            writePending();
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(AuditLog.this);
        }
    }

    /** The last recorded value of a process variable, for the "before" of its next change. */
    public Object lastVariableValue(String processInstanceId, String variable) {
        Pending pending = pending();
        Optional<Object> logged = pending == null ? null : pending.variables.get(processInstanceId + '\n' + variable);
        if (logged != null) {
            return logged.orElse(null);
        }
        // not changed in this transaction, so its last row is an earlier transaction's: no need to write ours first
        List<String> payloads = jdbc.sql("""
                select payload from cmp_audit where process_instance_id = ? and entity = ? and action like 'variable.%'
                order by id desc fetch first 1 rows only""")
                .params(processInstanceId, variable).query(String.class).list();
        if (payloads.isEmpty() || payloads.get(0) == null) {
            return null;
        }
        try {
            return json.readTree(payloads.get(0)).path("after").path("value").asText(null);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Erases the payloads of a complaint's rows (anonymisation); the chain stays verifiable. */
    public int redact(long complaintId, String processInstanceId) {
        writePending();
        return jdbc.sql("""
                update cmp_audit set payload = null, payload_salt = null
                where (complaint_id = ? or process_instance_id = ?) and payload is not null""")
                .params(complaintId, processInstanceId).update();
    }

    public List<Entry> list(long complaintId, String processInstanceId) {
        writePending();
        return jdbc.sql("select * from cmp_audit where complaint_id = ? or process_instance_id = ? order by id")
                .params(complaintId, processInstanceId).query(AuditLog::entry).list();
    }

    AuditChain chain() {
        return chain;
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        long complaint = rs.getLong("complaint_id");
        Long complaintId = rs.wasNull() ? null : complaint;
        long seq = rs.getLong("chain_seq");
        Long chainSeq = rs.wasNull() ? null : seq;
        return new Entry(rs.getLong("id"), rs.getObject("occurred_at", java.time.OffsetDateTime.class).toInstant(),
                rs.getString("actor"), complaintId, rs.getString("process_instance_id"), rs.getString("action"),
                rs.getString("entity"), rs.getString("payload"), chainSeq);
    }

    private String payload(Map<String, ?> before, Map<String, ?> after) {
        if ((before == null || before.isEmpty()) && (after == null || after.isEmpty())) {
            return null;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        if (before != null && !before.isEmpty()) {
            payload.put("before", before);
        }
        if (after != null && !after.isEmpty()) {
            payload.put("after", after);
        }
        try {
            return truncate(json.writeValueAsString(payload), MAX_PAYLOAD);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit payload is not serialisable", e);
        }
    }

    private static String salt() {
        return HexFormat.of().formatHex(SecretBytes.next(16));
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
