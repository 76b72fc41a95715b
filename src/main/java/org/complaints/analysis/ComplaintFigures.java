package org.complaints.analysis;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.complaints.deadlines.DeadlineProperties;
import org.complaints.register.Channels;
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

    /**
     * The figures of a period: the counts, then the complaints per value of a field, {@code "(none)"} for those
     * without one. The maps' keys are data (the values found), in their natural order.
     */
    public record Summary(
            @Schema(description = "First day of the period", example = "2026-01-01")
            String from,

            @Schema(description = "Last day of the period", example = "2026-03-31")
            String to,

            @Schema(description = "Complaints received", example = "120")
            long received,

            @Schema(description = "Complaints closed", example = "110")
            long closed,

            @Schema(description = "Acknowledged within the time limit", example = "118")
            long acknowledgedInTime,

            @Schema(description = "Acknowledged late", example = "2")
            long acknowledgedLate,

            @Schema(description = "Decided by the committed date", example = "95")
            long decidedInTime,

            @Schema(description = "Decided after it", example = "5")
            long decidedLate,

            @Schema(description = "Complaints that went to internal review", example = "8")
            long internallyReviewed,

            @Schema(description = "Complaints taken to the external body", example = "1")
            long externallyReferred,

            @Schema(description = "Received per channel", example = "{\"web\": 80, \"email\": 30, \"phone\": 10}")
            Map<String, Long> byChannel,

            @Schema(description = "Received per category", example = "{\"delivery\": 40, \"billing\": 30}")
            Map<String, Long> byCategory,

            @Schema(description = "Decided per outcome", example = "{\"upheld\": 60, \"not-upheld\": 30}")
            Map<String, Long> byOutcome,

            @Schema(description = "Closed per reason", example = "{\"ACCEPTED\": 90, \"WITHDRAWN\": 4}")
            Map<String, Long> byClosureReason,

            @Schema(description = "Received per priority", example = "{\"normal\": 100, \"high\": 20}")
            Map<String, Long> byPriority,

            @Schema(description = "Received per product or service", example = "{\"Parcel delivery\": 40}")
            Map<String, Long> byProductOrService) {}

    /** Complaints received from {@code from} to {@code to}, both days included, in the organisation's zone. */
    public Summary summary(LocalDate from, LocalDate to) {
        Object start = Jdbc.ts(from.atStartOfDay(zone).toInstant());
        Object end = Jdbc.ts(to.plusDays(1).atStartOfDay(zone).toInstant());
        long[] totals = jdbc.sql("""
                select count(*) as received,
                       count(closed_at) as closed,
                       count(case when ack_sla_met then 1 end) as acknowledged_in_time,
                       count(case when ack_sla_met = false then 1 end) as acknowledged_late,
                       count(case when response_sla_met then 1 end) as decided_in_time,
                       count(case when response_sla_met = false then 1 end) as decided_late,
                       count(case when review_round > 0 then 1 end) as internally_reviewed,
                       count(case when external_referral then 1 end) as externally_referred
                from cmp_complaint where received_at >= ? and received_at < ?""")
                .params(start, end)
                .query((rs, n) -> new long[] {
                    rs.getLong("received"),
                    rs.getLong("closed"),
                    rs.getLong("acknowledged_in_time"),
                    rs.getLong("acknowledged_late"),
                    rs.getLong("decided_in_time"),
                    rs.getLong("decided_late"),
                    rs.getLong("internally_reviewed"),
                    rs.getLong("externally_referred")
                })
                .single();
        return new Summary(
                from.toString(),
                to.toString(),
                totals[0],
                totals[1],
                totals[2],
                totals[3],
                totals[4],
                totals[5],
                totals[6],
                totals[7],
                byChannel(countsBy("channel", start, end)),
                countsBy("category", start, end),
                countsBy("outcome", start, end),
                countsBy("closure_reason", start, end),
                countsBy("priority", start, end),
                countsBy("product_or_service", start, end));
    }

    /** Every channel in the register's order, with zero for one nothing came through, then any other value. */
    private static Map<String, Long> byChannel(Map<String, Long> counted) {
        Map<String, Long> all = new LinkedHashMap<>();
        Channels.ALL.forEach(channel -> all.put(channel, 0L));
        counted.forEach((channel, n) -> all.merge(channel, n, Long::sum));
        return all;
    }

    /** The period's complaints per value of {@code column}, a column name of this class, never user input. */
    private Map<String, Long> countsBy(String column, Object start, Object end) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select coalesce(" + column + ", '(none)') as k, count(*) as n from cmp_complaint "
                        + "where received_at >= ? and received_at < ? "
                        + "group by coalesce(" + column + ", '(none)') order by 1")
                .params(start, end)
                .query((rs, n) -> counts.put(rs.getString("k"), rs.getLong("n")))
                .list();
        return counts;
    }
}
