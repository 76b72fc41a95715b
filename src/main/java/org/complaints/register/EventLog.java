package org.complaints.register;

import static org.complaints.register.Jdbc.instant;
import static org.complaints.register.Jdbc.ts;

import java.time.Clock;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.complaints.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Appends to and reads a complaint's event log; entries are never changed. */
@Repository
public class EventLog {

    private static final int MAX_DETAIL = 8000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;

    public EventLog(JdbcClient jdbc, Clock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    public void append(long complaintId, String type, String actor, String summary, String detail) {
        jdbc.sql("""
                insert into cmp_event (complaint_id, occurred_at, event_type, actor, summary, detail)
                values (?, ?, ?, ?, ?, ?)""")
                .params(complaintId, ts(clock.instant()), type, actor, truncate(summary, 500), truncate(detail, MAX_DETAIL))
                .update();
        // every application-side action on a complaint is audited too, in the same transaction
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("summary", summary);
        if (detail != null) {
            after.put("detail", detail);
        }
        audit.append(complaintId, null, actor, "complaint." + type, null, null, after);
    }

    public List<ComplaintEvent> list(long complaintId) {
        return jdbc.sql("select * from cmp_event where complaint_id = ? order by occurred_at, id")
                .param(complaintId)
                .query((rs, n) -> new ComplaintEvent(rs.getLong("id"), rs.getLong("complaint_id"),
                        instant(rs, "occurred_at"), rs.getString("event_type"), rs.getString("actor"),
                        rs.getString("summary"), rs.getString("detail")))
                .list();
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
