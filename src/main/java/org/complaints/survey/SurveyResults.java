package org.complaints.survey;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.complaints.deadlines.DeadlineProperties;
import org.complaints.register.Jdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Satisfaction with the complaints-handling process (ISO 10002 8.3, ISO 10004) over a period, for reports and
 * the management review. Reads only the survey's scores and dates and the complaint's outcome and closure
 * reason: no name, address, reference or comment, so the figures are the same before and after the
 * complainants' anonymisation.
 */
@Service
public class SurveyResults {

    private static final String[] SCORE_COLUMNS = {"handling_score", "outcome_score", "ease_score"};

    private final JdbcClient jdbc;
    private final ZoneId zone;

    public SurveyResults(JdbcClient jdbc, DeadlineProperties deadlines) {
        this.jdbc = jdbc;
        this.zone = deadlines.zone();
    }

    /**
     * The invitations made from {@code from} to {@code to} (both days included, organisation's time zone), that
     * is the complaints closed in those days and chosen for the survey, with their answers so far. A period's
     * counts of invitations do not change later; its answers may still grow until the last link expires.
     */
    @Transactional(readOnly = true)
    public SatisfactionReport satisfaction(LocalDate from, LocalDate to) {
        OffsetDateTime start = Jdbc.ts(from.atStartOfDay(zone).toInstant());
        OffsetDateTime end = Jdbc.ts(to.plusDays(1).atStartOfDay(zone).toInstant());
        Map<String, Object> totals = jdbc.sql("""
                select count(*) as invited,
                       count(case when status = 'SENT' then 1 end) as sent,
                       count(case when status = 'PENDING' then 1 end) as pending,
                       count(case when status = 'FAILED' then 1 end) as failed,
                       count(case when status = 'CANCELLED' then 1 end) as cancelled,
                       count(answered_at) as answered
                from cmp_survey where invited_at >= ? and invited_at < ?""").params(start, end).query().singleRow();
        long sent = number(totals.get("sent"));
        long answered = number(totals.get("answered"));
        return new SatisfactionReport(
                from,
                to,
                number(totals.get("invited")),
                sent,
                number(totals.get("pending")),
                number(totals.get("failed")),
                number(totals.get("cancelled")),
                answered,
                ratio(answered, sent, 3),
                score(SCORE_COLUMNS[0], start, end),
                score(SCORE_COLUMNS[1], start, end),
                score(SCORE_COLUMNS[2], start, end),
                groups("outcome", start, end),
                groups("closure_reason", start, end));
    }

    private SatisfactionReport.Score score(String column, OffsetDateTime start, OffsetDateTime end) {
        Map<Integer, Long> distribution = new TreeMap<>();
        for (int score = 1; score <= 5; score++) {
            distribution.put(score, 0L);
        }
        // column is one of SCORE_COLUMNS, never input
        jdbc.sql("select " + column + " as score, count(*) as n from cmp_survey "
                        + "where invited_at >= ? and invited_at < ? and " + column + " is not null group by " + column)
                .params(start, end)
                .query((ResultSet rs) -> {
                    distribution.put(rs.getInt("score"), rs.getLong("n"));
                });
        long answers = distribution.values().stream().mapToLong(Long::longValue).sum();
        long total = distribution.entrySet().stream()
                .mapToLong(e -> e.getKey() * e.getValue())
                .sum();
        return new SatisfactionReport.Score(answers, ratio(total, answers, 2), distribution);
    }

    private Map<String, SatisfactionReport.Group> groups(String column, OffsetDateTime start, OffsetDateTime end) {
        Map<String, SatisfactionReport.Group> groups = new LinkedHashMap<>();
        // column is "outcome" or "closure_reason" of cmp_complaint, never input
        jdbc.sql("""
                select coalesce(c.%1$s, '(none)') as k, count(*) as invited,
                       count(case when s.status = 'SENT' then 1 end) as sent, count(s.answered_at) as answered,
                       sum(s.handling_score) as handling_sum, count(s.handling_score) as handling_n,
                       sum(s.outcome_score) as outcome_sum, count(s.outcome_score) as outcome_n,
                       sum(s.ease_score) as ease_sum, count(s.ease_score) as ease_n
                from cmp_survey s join cmp_complaint c on c.id = s.complaint_id
                where s.invited_at >= ? and s.invited_at < ?
                group by coalesce(c.%1$s, '(none)') order by 1""".formatted(column)).params(start, end).query((ResultSet rs) -> {
            groups.put(rs.getString("k"), group(rs));
        });
        return groups;
    }

    private static SatisfactionReport.Group group(ResultSet rs) throws SQLException {
        long sent = rs.getLong("sent");
        long answered = rs.getLong("answered");
        return new SatisfactionReport.Group(
                rs.getLong("invited"),
                sent,
                answered,
                ratio(answered, sent, 3),
                ratio(rs.getLong("handling_sum"), rs.getLong("handling_n"), 2),
                ratio(rs.getLong("outcome_sum"), rs.getLong("outcome_n"), 2),
                ratio(rs.getLong("ease_sum"), rs.getLong("ease_n"), 2));
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static Double ratio(long numerator, long denominator, int decimals) {
        return denominator == 0
                ? null
                : BigDecimal.valueOf(numerator)
                        .divide(BigDecimal.valueOf(denominator), decimals, RoundingMode.HALF_UP)
                        .doubleValue();
    }
}
