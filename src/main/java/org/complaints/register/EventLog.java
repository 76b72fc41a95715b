package org.complaints.register;

import static org.complaints.register.Jdbc.instant;
import static org.complaints.register.Jdbc.ts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.complaints.audit.AuditLog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends to and reads a complaint's event log; entries are never changed except by anonymisation. Within a
 * transaction the entries are kept and written in one JDBC batch just before it commits (an intake's
 * assessment step writes three: one round trip instead of three); {@link #list} writes them first, and so must
 * any other SQL on {@code cmp_event} ({@link #writePending}).
 */
@Repository
public class EventLog {

    private static final int MAX_DETAIL = 8000;

    private static final String INSERT = """
            insert into cmp_event (complaint_id, occurred_at, event_type, actor, summary, detail)
            values (?, ?, ?, ?, ?, ?)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;
    private final AuditLog audit;

    public EventLog(JdbcClient jdbc, JdbcTemplate batch, Clock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
        this.audit = audit;
    }

    public void append(long complaintId, String type, String actor, String summary, String detail) {
        Object[] row = {complaintId, ts(clock.instant()), type, actor, truncate(summary, 500),
                truncate(detail, MAX_DETAIL)};
        Pending pending = pending();
        if (pending == null) {
            jdbc.sql(INSERT).params(row).update();
        } else {
            pending.rows.add(row);
        }
        // every application-side action on a complaint is audited too, in the same transaction
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("summary", summary);
        if (detail != null) {
            after.put("detail", detail);
        }
        audit.append(complaintId, null, actor, "complaint." + type, null, null, after);
    }

    public List<ComplaintEvent> list(long complaintId) {
        writePending();
        return jdbc.sql("select * from cmp_event where complaint_id = ? order by occurred_at, id")
                .param(complaintId)
                .query((rs, n) -> new ComplaintEvent(rs.getLong("id"), rs.getLong("complaint_id"),
                        instant(rs, "occurred_at"), rs.getString("event_type"), rs.getString("actor"),
                        rs.getString("summary"), rs.getString("detail")))
                .list();
    }

    /** Writes the current transaction's entries now: before SQL that reads or changes {@code cmp_event}. */
    public void writePending() {
        Pending pending = TransactionSynchronizationManager.isSynchronizationActive()
                ? (Pending) TransactionSynchronizationManager.getResource(this) : null;
        if (pending != null && TransactionSynchronizationManager.getSynchronizations().contains(pending)
                && !pending.rows.isEmpty()) {
            List<Object[]> rows = new ArrayList<>(pending.rows);
            pending.rows.clear();
            batch.batchUpdate(INSERT, rows);
        }
    }

    /** The entries of the current transaction not written yet; null outside a transaction (written at once). */
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

    private final class Pending implements TransactionSynchronization {

        private final List<Object[]> rows = new ArrayList<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            writePending();
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(EventLog.this);
        }
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
