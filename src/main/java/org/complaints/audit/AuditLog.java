package org.complaints.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.complaints.register.EventAudit;
import org.complaints.support.CommitBatch;
import org.complaints.support.SecretBytes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Appends to the audit log in the caller's transaction (inside a process step: the engine's), so an action
 * that cannot be audited does not happen. Rows are never updated except by the sealer (chain fields) and by
 * anonymisation (payload erased, its digest kept). Within a transaction the rows are kept and written in one
 * JDBC batch just before it commits ({@link CommitBatch}: a process step writes dozens, one round trip instead of
 * one each); every read of the log writes them first, so the transaction always reads its own rows.
 *
 * <p>The process variables one transaction changes in one process instance (one step: a start, a form
 * submitted, a service task) are one entry, {@value #VARIABLES}: every changed variable's value before the step
 * (if it had one) and after it (if it still has one). An intake sets some twenty at once: a row each made 20 of
 * its 28 audit rows, each hashed, sealed and rewritten, and told an auditor no more.
 */
@Repository
public class AuditLog implements EventAudit {

    private static final int MAX_PAYLOAD = 20000;

    /** The action of a step's variable changes. */
    public static final String VARIABLES = "variables.changed";

    private static final String INSERT = """
            insert into cmp_audit (occurred_at, actor, complaint_id, process_instance_id, action, entity, payload,
                payload_salt, payload_digest, leaf_hash)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final ObjectMapper json;
    private final Clock clock;
    private final AuditChain chain;
    private final CommitBatch<Pending> atCommit = new CommitBatch<>(Pending::new, this::write);

    public AuditLog(
            JdbcClient jdbc,
            JdbcTemplate batch,
            ObjectMapper json,
            Clock clock,
            @Value("${complaints.audit.key:}") String key) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
        this.clock = clock;
        this.chain = new AuditChain(key);
    }

    public record Entry(
            long id,
            Instant occurredAt,
            String actor,
            Long complaintId,
            String processInstanceId,
            String action,
            String entity,
            String payload,
            Long chainSeq) {}

    @Override
    public void complaintEvent(long complaintId, String actor, String action, Map<String, ?> entry) {
        append(complaintId, null, actor, action, null, null, entry);
    }

    public void append(
            Long complaintId,
            String processInstanceId,
            String actor,
            String action,
            String entity,
            Map<String, ?> before,
            Map<String, ?> after) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String who = actor == null ? "system" : truncate(actor, 100);
        String what = truncate(action, 60);
        String which = truncate(entity, 200);
        String payload = payload(before, after);
        Object[] row = row(at, who, complaintId, processInstanceId, what, which, payload);
        Pending pending = atCommit.pending();
        if (pending == null) {
            jdbc.sql(INSERT).params(row).update();
        } else {
            pending.rows.add(row);
        }
    }

    /**
     * A process variable's change, logged with the others of its transaction and process instance (and task, for
     * a task's own variables) as one {@value #VARIABLES} entry. {@code existedBefore} / {@code existsAfter} say
     * whether the variable had a value before the change and has one after it (created: not before; deleted:
     * not after).
     */
    public void appendVariableChange(
            String processInstanceId,
            String taskId,
            String actor,
            String name,
            boolean existedBefore,
            Object before,
            boolean existsAfter,
            Object after) {
        String who = actor == null ? "system" : truncate(actor, 100);
        Pending pending = atCommit.pending();
        VariableChanges changes =
                pending == null ? null : pending.changes.get(processInstanceId + '\n' + taskId + '\n' + who);
        if (changes == null) {
            changes =
                    new VariableChanges(clock.instant().truncatedTo(ChronoUnit.MILLIS), who, processInstanceId, taskId);
            if (pending != null) {
                pending.changes.put(processInstanceId + '\n' + taskId + '\n' + who, changes);
                pending.rows.add(changes);
            }
        }
        changes.add(name, existedBefore, before, existsAfter, after);
        if (pending == null) {
            jdbc.sql(INSERT).params(changes.row()).update();
        } else if (processInstanceId != null) {
            // as the logged row reads back (a JSON value as text)
            pending.variables.put(
                    processInstanceId + '\n' + name,
                    Optional.ofNullable(!existsAfter || after == null ? null : String.valueOf(after)));
        }
    }

    private Object[] row(
            Instant at,
            String who,
            Long complaintId,
            String processInstanceId,
            String what,
            String which,
            String payload) {
        String salt = payload == null ? null : salt();
        String digest = payload == null ? null : AuditChain.payloadDigest(salt, payload);
        return new Object[] {
            at.atOffset(ZoneOffset.UTC),
            who,
            complaintId,
            processInstanceId,
            what,
            which,
            payload,
            salt,
            digest,
            chain.leaf(at, who, complaintId, processInstanceId, what, which, digest)
        };
    }

    /** One step's variable changes in one process instance: the first value before and the last value after. */
    private final class VariableChanges {

        private final Instant at;
        private final String actor;
        private final String processInstanceId;
        private final String taskId;
        private final Map<String, Object> before = new LinkedHashMap<>();
        private final Map<String, Object> after = new LinkedHashMap<>();
        private final Set<String> seen = new HashSet<>();

        VariableChanges(Instant at, String actor, String processInstanceId, String taskId) {
            this.at = at;
            this.actor = actor;
            this.processInstanceId = processInstanceId;
            this.taskId = taskId;
        }

        void add(String name, boolean existedBefore, Object valueBefore, boolean existsAfter, Object valueAfter) {
            // a variable changed twice in the step: what it was before the step, what it is after it
            if (seen.add(name) && existedBefore) {
                before.put(name, valueBefore);
            }
            if (existsAfter) {
                after.put(name, valueAfter);
            } else {
                after.remove(name);
            }
        }

        Object[] row() {
            return AuditLog.this.row(
                    at, actor, null, processInstanceId, VARIABLES, truncate(taskId, 200), payload(before, after));
        }
    }

    /** Writes the current transaction's rows now: before a read of the log. */
    private void writePending() {
        atCommit.writeNow();
    }

    private void write(Pending pending) {
        if (pending.rows.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(pending.rows.size());
        for (Object row : pending.rows) {
            rows.add(row instanceof VariableChanges changes ? changes.row() : (Object[]) row);
        }
        // later changes in this transaction make entries of their own, after the reads that saw these
        pending.rows.clear();
        pending.changes.clear();
        batch.batchUpdate(INSERT, rows);
    }

    /** What one transaction has logged and not written yet. */
    private static final class Pending {

        /** Rows ({@code Object[]}) and variable changes still gathering ({@link VariableChanges}), in order. */
        private final List<Object> rows = new ArrayList<>();
        /** The variable changes still gathering, by process instance, task and actor. */
        private final Map<String, VariableChanges> changes = new HashMap<>();
        /** The last value of each variable this transaction logged (a step sets and resets a dozen at once). */
        private final Map<String, Optional<Object>> variables = new HashMap<>();
    }

    /** The last recorded value of a process variable, for the "before" of its next change. */
    public Object lastVariableValue(String processInstanceId, String variable) {
        Pending pending = atCommit.pending();
        Optional<Object> logged = pending == null ? null : pending.variables.get(processInstanceId + '\n' + variable);
        if (logged != null) {
            return logged.orElse(null);
        }
        // not changed in this transaction, so its last entry is an earlier transaction's: no need to write ours
        // first. The entries of the instance's steps that name it, newest first (before variables were logged per
        // step, one entry per change: action variable.*, the variable as entity, its value at after.value).
        List<Map<String, Object>> entries = jdbc.sql("""
                select action, payload from cmp_audit where process_instance_id = ?
                and ((action = ? and payload like ?) or (action like 'variable.%' and entity = ?))
                order by id desc fetch first 20 rows only""")
                .params(
                        processInstanceId,
                        VARIABLES,
                        "%\"" + variable.replace("%", "\\%").replace("_", "\\_") + "\"%",
                        variable)
                .query()
                .listOfRows();
        for (Map<String, Object> entry : entries) {
            String payload = (String) entry.get("payload");
            if (payload == null) {
                return null;
            }
            try {
                JsonNode entryPayload = json.readTree(payload);
                if (!VARIABLES.equals(entry.get("action"))) {
                    return entryPayload.path("after").path("value").asText(null);
                }
                if (entryPayload.path("after").has(variable)) {
                    return entryPayload.path("after").path(variable).asText(null);
                }
                if (entryPayload.path("before").has(variable)) {
                    return null; // deleted in that step
                }
                // the name was only part of a value: an older step may have changed it
            } catch (JsonProcessingException e) {
                return null;
            }
        }
        return null;
    }

    /** Erases the payloads of a complaint's rows (anonymisation); the chain stays verifiable. */
    public int redact(long complaintId, String processInstanceId) {
        writePending();
        return jdbc.sql("""
                update cmp_audit set payload = null, payload_salt = null
                where (complaint_id = ? or process_instance_id = ?) and payload is not null""").params(complaintId, processInstanceId).update();
    }

    /**
     * Erases the payloads of a complaint's rows that quote {@code text}, as written or as JSON writes it (a
     * representative's erasure, where the rest of the complaint's history stays); the chain stays verifiable.
     */
    public int redactMentioning(long complaintId, String processInstanceId, String text) {
        writePending();
        int redacted = 0;
        for (String form : new java.util.LinkedHashSet<>(List.of(text, jsonEscaped(text)))) {
            String pattern =
                    "%" + form.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            redacted += jdbc.sql("""
                    update cmp_audit set payload = null, payload_salt = null
                    where (complaint_id = ? or process_instance_id = ?) and payload like ? escape '\\'""")
                    .params(complaintId, processInstanceId, pattern)
                    .update();
        }
        return redacted;
    }

    private String jsonEscaped(String text) {
        try {
            String quoted = json.writeValueAsString(text);
            return quoted.substring(1, quoted.length() - 1);
        } catch (JsonProcessingException e) {
            return text;
        }
    }

    public List<Entry> list(long complaintId, String processInstanceId) {
        writePending();
        return jdbc.sql("select * from cmp_audit where complaint_id = ? or process_instance_id = ? order by id")
                .params(complaintId, processInstanceId)
                .query(AuditLog::entry)
                .list();
    }

    AuditChain chain() {
        return chain;
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        long complaint = rs.getLong("complaint_id");
        Long complaintId = rs.wasNull() ? null : complaint;
        long seq = rs.getLong("chain_seq");
        Long chainSeq = rs.wasNull() ? null : seq;
        return new Entry(
                rs.getLong("id"),
                rs.getObject("occurred_at", java.time.OffsetDateTime.class).toInstant(),
                rs.getString("actor"),
                complaintId,
                rs.getString("process_instance_id"),
                rs.getString("action"),
                rs.getString("entity"),
                rs.getString("payload"),
                chainSeq);
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
