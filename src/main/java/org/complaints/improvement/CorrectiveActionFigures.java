package org.complaints.improvement;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.complaints.register.Jdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrective actions in figures (ISO 10002 8.7, for 8.4 monitoring and the 8.6 management review): what a period
 * opened and closed, and where the register stands now. Reads the CAPA register only; no complaint data.
 */
@Service
public class CorrectiveActionFigures {

    private final JdbcClient jdbc;
    private final Clock clock;

    public CorrectiveActionFigures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param opened                 actions opened in the period
     * @param openedByTrigger        of those, per trigger (every trigger present)
     * @param openedByStatusNow      of those, where they stand now (every status present)
     * @param closedEffective        actions closed as effective in the period
     * @param medianDaysToClose      median calendar days from opening to closure of those, null when none
     * @param checks                 effectiveness checks made in the period
     * @param checksNotEffective     of those, found not effective (the action went back)
     * @param openNowByStatus        every open action of the register now, per status
     * @param overdueNow             open actions now whose implementation is past its due date
     * @param open                   the open actions now, oldest first, for the management review
     */
    @Schema(description = "The corrective actions' figures for the period")
    public record Summary(
            @Schema(description = "Corrective actions opened in the period", example = "4")
            long opened,

            @Schema(description = "Opened per trigger", example = "{\"SYSTEMIC_FINDING\": 3, \"MANUAL\": 1}")
            Map<String, Long> openedByTrigger,

            @Schema(description = "Those opened, per status now", example = "{\"CLOSED\": 2, \"IMPLEMENTING\": 2}")
            Map<String, Long> openedByStatusNow,

            @Schema(description = "Closed after an effective check", example = "2")
            long closedEffective,

            @Schema(description = "Median days from opening to closing", example = "21.0")
            Double medianDaysToClose,

            @Schema(description = "Effectiveness checks done", example = "3")
            long checks,

            @Schema(description = "Checks that found the action not effective", example = "1")
            long checksNotEffective,

            @Schema(description = "Actions open now, per status", example = "{\"IMPLEMENTING\": 2}")
            Map<String, Long> openNowByStatus,

            @Schema(description = "Actions open now and past their due date", example = "0")
            long overdueNow,

            @Schema(description = "The actions open now") List<OpenAction> open) {}

    /** An open action as the management review lists it. */
    public record OpenAction(
            String reference,
            String trigger,
            String subject,
            String status,
            String owner,
            Instant dueDate,
            boolean overdue,
            Instant openedAt,
            long complaints) {}

    /** The figures for [{@code start}, {@code end}) and the register as it stands now. */
    @Transactional(readOnly = true)
    public Summary over(Instant start, Instant end) {
        Object from = Jdbc.ts(start);
        Object to = Jdbc.ts(end);
        Map<String, Long> byTrigger = zeros(ActionTrigger.values());
        Map<String, Long> byStatus = zeros(ActionStatus.values());
        jdbc.sql("select trigger_type, status, count(*) as n from cmp_corrective_action "
                        + "where opened_at >= ? and opened_at < ? group by trigger_type, status")
                .params(from, to)
                .query(rs -> {
                    byTrigger.merge(rs.getString("trigger_type"), rs.getLong("n"), Long::sum);
                    byStatus.merge(rs.getString("status"), rs.getLong("n"), Long::sum);
                });
        long opened = byTrigger.values().stream().mapToLong(Long::longValue).sum();

        List<Double> daysToClose = new ArrayList<>();
        jdbc.sql("select opened_at, closed_at from cmp_corrective_action "
                        + "where status = 'CLOSED' and closed_at >= ? and closed_at < ?")
                .params(from, to)
                .query(rs -> {
                    Duration open = Duration.between(Jdbc.instant(rs, "opened_at"), Jdbc.instant(rs, "closed_at"));
                    daysToClose.add(open.toMinutes() / 1440.0);
                });

        Map<String, Object> checks = jdbc.sql("""
                select count(*) as checks,
                       count(case when summary like '%not effective%' then 1 end) as not_effective
                from cmp_corrective_action_event where event_type = 'CHECKED' and occurred_at >= ? and occurred_at < ?""").params(from, to).query().singleRow();

        Instant now = clock.instant();
        Map<String, Long> openNow = new LinkedHashMap<>();
        for (ActionStatus status : ActionStatus.values()) {
            if (status != ActionStatus.CLOSED && status != ActionStatus.CANCELLED) {
                openNow.put(status.name(), 0L);
            }
        }
        List<OpenAction> open = jdbc.sql("""
                select a.reference, a.trigger_type, a.subject_key, a.status, a.action_owner, a.due_date, a.opened_at,
                       (select count(*) from cmp_corrective_action_complaint l where l.action_id = a.id) as complaints
                from cmp_corrective_action a where a.status not in ('CLOSED', 'CANCELLED')
                order by a.opened_at, a.id""")
                .query((rs, n) -> {
                    Instant due = Jdbc.instant(rs, "due_date");
                    String status = rs.getString("status");
                    return new OpenAction(
                            rs.getString("reference"),
                            rs.getString("trigger_type"),
                            rs.getString("subject_key"),
                            status,
                            rs.getString("action_owner"),
                            due,
                            overdue(status, due, now),
                            Jdbc.instant(rs, "opened_at"),
                            rs.getLong("complaints"));
                })
                .list();
        open.forEach(action -> openNow.merge(action.status(), 1L, Long::sum));
        long overdue = open.stream().filter(OpenAction::overdue).count();
        return new Summary(
                opened,
                byTrigger,
                byStatus,
                daysToClose.size(),
                median(daysToClose),
                ((Number) checks.get("checks")).longValue(),
                ((Number) checks.get("not_effective")).longValue(),
                openNow,
                overdue,
                open);
    }

    /** Overdue: the owner should have implemented it by now (the diagram's overdue escalation has fired or will). */
    private static boolean overdue(String status, Instant due, Instant now) {
        return ActionStatus.IMPLEMENTING.name().equals(status) && due != null && due.isBefore(now);
    }

    private static Map<String, Long> zeros(Enum<?>[] values) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (Enum<?> value : values) {
            map.put(value.name(), 0L);
        }
        return map;
    }

    private static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        Collections.sort(values);
        int middle = values.size() / 2;
        double median = values.size() % 2 == 1 ? values.get(middle) : (values.get(middle - 1) + values.get(middle)) / 2;
        return Math.round(median * 10) / 10.0;
    }
}
