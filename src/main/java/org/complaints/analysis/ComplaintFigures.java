package org.complaints.analysis;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.complaints.deadlines.DeadlineProperties;
import org.complaints.register.Jdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Figures over the complaints received in a period (ISO 10002 8.2, 8.4), computed from the complaint register
 * only: they cover closed complaints, survive the engine's history clean-up and the complainants'
 * anonymisation (no figure depends on personal data).
 */
@Service
public class ComplaintFigures {

    private final JdbcClient jdbc;
    private final ZoneId zone;

    public ComplaintFigures(JdbcClient jdbc, DeadlineProperties deadlines) {
        this.jdbc = jdbc;
        this.zone = deadlines.zone();
    }

    /** Complaints received from {@code from} to {@code to}, both days included, in the organisation's zone. */
    public Map<String, Object> summary(LocalDate from, LocalDate to) {
        Object start = Jdbc.ts(from.atStartOfDay(zone).toInstant());
        Object end = Jdbc.ts(to.plusDays(1).atStartOfDay(zone).toInstant());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("from", from.toString());
        summary.put("to", to.toString());
        Map<String, Object> totals = jdbc.sql("""
                select count(*) as received,
                       count(closed_at) as closed,
                       count(case when ack_sla_met then 1 end) as acknowledged_in_time,
                       count(case when ack_sla_met = false then 1 end) as acknowledged_late,
                       count(case when response_sla_met then 1 end) as decided_in_time,
                       count(case when response_sla_met = false then 1 end) as decided_late,
                       count(case when review_round > 0 then 1 end) as internally_reviewed,
                       count(case when external_referral then 1 end) as externally_referred
                from cmp_complaint where received_at >= ? and received_at < ?""")
                .params(start, end).query().singleRow();
        totals.forEach((k, v) -> summary.put(camel(k), ((Number) v).longValue()));
        for (String column : new String[] {"channel", "category", "outcome", "closure_reason", "priority",
                "product_or_service"}) {
            Map<String, Long> counts = new LinkedHashMap<>();
            jdbc.sql("select coalesce(" + column + ", '(none)') as k, count(*) as n from cmp_complaint "
                            + "where received_at >= ? and received_at < ? group by coalesce(" + column + ", '(none)') order by 1")
                    .params(start, end)
                    .query((rs, n) -> counts.put(rs.getString("k"), rs.getLong("n"))).list();
            summary.put("by" + Character.toUpperCase(camel(column).charAt(0)) + camel(column).substring(1), counts);
        }
        return summary;
    }

    private static String camel(String column) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : column.toLowerCase().toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
