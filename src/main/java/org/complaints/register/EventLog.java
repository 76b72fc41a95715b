package org.complaints.register;

import static org.complaints.register.Jdbc.instant;
import static org.complaints.register.Jdbc.ts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.complaints.support.CommitBatch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Appends to and reads a complaint's event log; entries are never changed except by anonymisation. Within a
 * transaction the entries are kept and written in one JDBC batch just before it commits ({@link CommitBatch}: an
 * intake's assessment step writes three, one round trip instead of three); {@link #list} writes them first, and so
 * must any other SQL on {@code cmp_event} ({@link #writePending}).
 */
@Repository
public class EventLog {

    private static final int MAX_DETAIL = 8000;

    private static final String INSERT = """
            insert into cmp_event (complaint_id, occurred_at, event_type, actor, summary, detail,
                                   process_definition_id, task_definition_key, mail_template)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;
    private final EventAudit audit;
    private final CommitBatch<List<Object[]>> atCommit = new CommitBatch<>(ArrayList::new, this::write);

    public EventLog(JdbcClient jdbc, JdbcTemplate batch, Clock clock, EventAudit audit) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
        this.audit = audit;
    }

    public void append(long complaintId, String type, String actor, String summary, String detail) {
        append(complaintId, type, actor, summary, detail, EventOrigin.NONE);
    }

    public void append(long complaintId, String type, String actor, String summary, String detail, EventOrigin origin) {
        Object[] row = {
            complaintId,
            ts(clock.instant()),
            type,
            actor,
            truncate(summary, 500),
            truncate(detail, MAX_DETAIL),
            origin.processDefinitionId(),
            origin.taskDefinitionKey(),
            origin.mailTemplate()
        };
        List<Object[]> rows = atCommit.pending();
        if (rows == null) {
            jdbc.sql(INSERT).params(row).update();
        } else {
            rows.add(row);
        }
        // every application-side action on a complaint is audited too, in the same transaction
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("summary", summary);
        if (detail != null) {
            after.put("detail", detail);
        }
        audit.complaintEvent(complaintId, actor, "complaint." + type, after);
    }

    public List<ComplaintEvent> list(long complaintId) {
        writePending();
        return jdbc.sql("select * from cmp_event where complaint_id = ? order by occurred_at, id")
                .param(complaintId)
                .query((rs, n) -> new ComplaintEvent(
                        rs.getLong("id"),
                        rs.getLong("complaint_id"),
                        instant(rs, "occurred_at"),
                        rs.getString("event_type"),
                        rs.getString("actor"),
                        rs.getString("summary"),
                        rs.getString("detail"),
                        new EventOrigin(
                                rs.getString("process_definition_id"),
                                rs.getString("task_definition_key"),
                                rs.getString("mail_template"))))
                .list();
    }

    /** Writes the current transaction's entries now: before SQL that reads or changes {@code cmp_event}. */
    public void writePending() {
        atCommit.writeNow();
    }

    private void write(List<Object[]> rows) {
        if (!rows.isEmpty()) {
            List<Object[]> batchRows = List.copyOf(rows);
            rows.clear();
            batch.batchUpdate(INSERT, batchRows);
        }
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
