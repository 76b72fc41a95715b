package org.complaints.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.complaints.analysis.PerformanceReport.Backlog;
import org.complaints.analysis.PerformanceReport.Durations;
import org.complaints.analysis.PerformanceReport.ObjectiveResult;
import org.complaints.analysis.PerformanceReport.ParetoBar;
import org.complaints.analysis.PerformanceReport.Period;
import org.complaints.analysis.PerformanceReport.Rates;
import org.complaints.analysis.PerformanceReport.Series;
import org.complaints.analysis.PerformanceReport.StageCompliance;
import org.complaints.analysis.PerformanceReport.Totals;
import org.complaints.register.Jdbc;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes a {@link PerformanceReport} from the complaint register alone, so it covers closed complaints and
 * survives the engine's history clean-up and anonymisation (no figure reads personal data). Every query reads
 * the complaints received in the period through {@code cmp_complaint_report_idx}.
 */
@Service
public class PerformanceReports {

    private static final String IN_PERIOD = " from cmp_complaint where received_at >= ? and received_at < ?";
    /**
     * 1 met, 0 missed, null not yet known. Closing records the result; before that an answer already sent, or a
     * committed date already passed without one, decides it (the same rule as {@code ClosureService}).
     */
    private static final String RESPONSE_MET = """
            case when response_sla_met is not null then case when response_sla_met then 1 else 0 end
                 when closed_at is null and first_decided_at is not null
                      then case when deadline_revised_at is null and first_decided_at <= response_deadline then 1 else 0 end
                 when closed_at is null and response_deadline < ? then 0
            end""";
    private static final String NONE = "(none)";
    private static final String OTHER = "other";

    private final JdbcClient jdbc;
    private final LocalDates dates;
    private final ReportingProperties properties;
    private final ObjectProvider<SatisfactionMeans> satisfaction;
    private final Clock clock;

    public PerformanceReports(JdbcClient jdbc, LocalDates dates, ReportingProperties properties,
                              ObjectProvider<SatisfactionMeans> satisfaction, Clock clock) {
        this.jdbc = jdbc;
        this.dates = dates;
        this.properties = properties;
        this.satisfaction = satisfaction;
        this.clock = clock;
    }

    public java.time.ZoneId zone() {
        return dates.zone();
    }

    public ReportPeriod period(String from, String to) {
        return ReportPeriod.parse(from, to, dates.zone());
    }

    @Transactional(readOnly = true)
    public PerformanceReport report(ReportPeriod period) {
        Object start = Jdbc.ts(period.start());
        Object end = Jdbc.ts(period.end());
        String bucket = period.days() <= 62 ? "day" : period.days() <= 366 ? "week" : "month";

        Map<String, Object> t = jdbc.sql("""
                select count(*) as received,
                       count(closed_at) as closed,
                       count(case when in_scope then 1 end) as in_scope,
                       count(case when in_scope = false then 1 end) as out_of_scope,
                       count(first_decided_at) as decided,
                       count(case when closure_reason = 'WITHDRAWN' then 1 end) as withdrawn,
                       count(case when outcome = 'not-upheld' then 1 end) as not_upheld,
                       count(case when review_round > 0 or external_referral then 1 end) as rejected,
                       count(case when review_round > 0 then 1 end) as reviewed,
                       count(case when external_referral then 1 end) as referred,
                       count(case when ack_sla_met then 1 end) as ack_met,
                       count(case when ack_sla_met = false then 1 end) as ack_missed,
                       count(case when assessment_sla_met then 1 end) as assessment_met,
                       count(case when assessment_sla_met = false then 1 end) as assessment_missed,
                       count(case when ack_sla_met is null and closed_at is null then 1 end) as ack_open,
                       count(case when assessment_sla_met is null and closed_at is null then 1 end) as assessment_open,
                       count(case when in_scope is not null then 1 end) as assessed,
                       count(case when (""" + RESPONSE_MET + """
                       ) = 1 then 1 end) as response_met,
                       count(case when (""" + RESPONSE_MET + """
                       ) = 0 then 1 end) as response_missed,
                       count(case when response_deadline is not null and closed_at is null then 1 end) as response_open,
                       count(case when closed_at is null and (""" + RESPONSE_MET + """
                       ) is not null then 1 end) as response_open_known
                """ + IN_PERIOD).params(Jdbc.ts(clock.instant()), Jdbc.ts(clock.instant()), Jdbc.ts(clock.instant()), start, end)
                .query().singleRow();
        long received = n(t, "received");
        long decided = n(t, "decided");
        Totals totals = new Totals(received, n(t, "closed"), received - n(t, "closed"), n(t, "in_scope"),
                n(t, "out_of_scope"), decided, n(t, "withdrawn"));
        List<StageCompliance> sla = List.of(
                stage("acknowledgement", n(t, "ack_met"), n(t, "ack_missed"), n(t, "ack_open")),
                stage("assessment", n(t, "assessment_met"), n(t, "assessment_missed"), n(t, "assessment_open")),
                stage("response", n(t, "response_met"), n(t, "response_missed"),
                        n(t, "response_open") - n(t, "response_open_known")));
        Rates rates = new Rates(percent(n(t, "out_of_scope"), n(t, "assessed")), percent(n(t, "not_upheld"), decided),
                percent(n(t, "rejected"), decided), percent(n(t, "reviewed"), decided),
                percent(n(t, "referred"), decided), percent(n(t, "withdrawn"), received));

        PerformanceReport partial = new PerformanceReport(
                new Period(period.from().toString(), period.to().toString(), period.zone().getId(), bucket),
                totals, series(period, bucket, start, end),
                durations("acknowledged_at", start, end), durations("first_decided_at", start, end), sla,
                counts("outcome", start, end), counts("closure_reason", start, end), rates,
                backlog(period), pareto("root_cause", start, end), pareto("category", start, end), List.of());
        return withObjectives(partial, period);
    }

    private PerformanceReport withObjectives(PerformanceReport report, ReportPeriod period) {
        SatisfactionMeans survey = satisfaction.getIfAvailable();
        Measure.Value none = new Measure.Value(null, 0);
        Measure.Inputs inputs = new Measure.Inputs(report, survey == null ? none : survey.process(period),
                survey == null ? none : survey.outcome(period));
        List<ObjectiveResult> results = properties.objectives().stream().map(objective -> {
            Measure measure = Measure.byId(objective.measure());
            Measure.Value value = measure.of(inputs);
            Boolean met = value.value() == null ? null : measure.comparison().met(value.value(), objective.target());
            return new ObjectiveResult(objective.name(), measure.id(), measure.comparison().name().toLowerCase()
                    .replace('_', '-'), objective.target(), round(value.value()), value.basis(), met);
        }).toList();
        return new PerformanceReport(report.period(), report.totals(), report.received(), report.timeToAcknowledge(),
                report.timeToDecide(), report.sla(), report.outcomes(), report.closureReasons(), report.rates(),
                report.backlog(), report.recurringCauses(), report.recurringCategories(), results);
    }

    /** Received per day and channel/category in one pass, then rolled up into the period's buckets. */
    private Series series(ReportPeriod period, String bucket, Object start, Object end) {
        List<LocalDate> bucketStarts = new ArrayList<>();
        for (LocalDate day = bucketStart(period.from(), bucket); !day.isAfter(period.to()); day = next(day, bucket)) {
            bucketStarts.add(day);
        }
        Map<LocalDate, Integer> index = new TreeMap<>();
        for (int i = 0; i < bucketStarts.size(); i++) {
            index.put(bucketStarts.get(i), i);
        }
        Function<LocalDate, Integer> slot = day -> index.get(bucketStart(day, bucket));
        int size = bucketStarts.size();

        Map<String, List<Long>> byChannel = new TreeMap<>();
        Map<String, List<Long>> byCategory = new TreeMap<>();
        String day = dates.dayOf("received_at");
        jdbc.sql("select " + day + " as d, channel, coalesce(category, '" + NONE + "') as category, count(*) as n"
                        + IN_PERIOD + " group by " + day + ", channel, coalesce(category, '" + NONE + "')")
                .params(start, end).query(rs -> {
                    Integer i = slot.apply(rs.getDate("d").toLocalDate());
                    long n = rs.getLong("n");
                    add(byChannel, rs.getString("channel"), i, n, size);
                    add(byCategory, rs.getString("category"), i, n, size);
                });

        List<String> top = jdbc.sql("select product_or_service as p, count(*) as n" + IN_PERIOD
                        + " group by product_or_service order by count(*) desc, product_or_service")
                .params(start, end).query((rs, row) -> rs.getString("p")).list().stream()
                .limit(properties.topProducts()).toList();
        Map<String, List<Long>> byProduct = new LinkedHashMap<>();
        top.forEach(p -> byProduct.put(p, zeros(size)));
        jdbc.sql("select " + day + " as d, product_or_service as p, count(*) as n" + IN_PERIOD
                        + " group by " + day + ", product_or_service")
                .params(start, end).query(rs -> {
                    String product = rs.getString("p");
                    add(byProduct, top.contains(product) ? product : OTHER, slot.apply(rs.getDate("d").toLocalDate()),
                            rs.getLong("n"), size);
                });
        List<String> labels = bucketStarts.stream().map(d -> label(d, bucket)).toList();
        return new Series(labels, byChannel, byCategory, byProduct);
    }

    private Durations durations(String column, Object start, Object end) {
        String seconds = "extract(epoch from " + column + ") - extract(epoch from received_at)";
        Map<String, Object> row = jdbc.sql("select count(" + column + ") as n, "
                        + "percentile_cont(0.5) within group (order by " + seconds + ") as median, "
                        + "percentile_cont(0.9) within group (order by " + seconds + ") as p90"
                        + IN_PERIOD + " and " + column + " is not null")
                .params(start, end).query().singleRow();
        return new Durations(n(row, "n"), hours(row.get("median")), hours(row.get("p90")));
    }

    private Map<String, Long> counts(String column, Object start, Object end) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("select " + column + " as k, count(*) as n" + IN_PERIOD + " and " + column + " is not null group by "
                        + column)
                .params(start, end).query(rs -> {
                    counts.put(rs.getString("k"), rs.getLong("n"));
                });
        return counts;
    }

    /** Most frequent first, with the cumulative share: the few causes behind most complaints (8.2). */
    private List<ParetoBar> pareto(String column, Object start, Object end) {
        List<Map.Entry<String, Long>> sorted = counts(column, start, end).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .toList();
        long total = sorted.stream().mapToLong(Map.Entry::getValue).sum();
        List<ParetoBar> bars = new ArrayList<>();
        long cumulative = 0;
        for (Map.Entry<String, Long> entry : sorted) {
            cumulative += entry.getValue();
            bars.add(new ParetoBar(entry.getKey(), entry.getValue(), round(100.0 * entry.getValue() / total),
                    round(100.0 * cumulative / total)));
        }
        return bars;
    }

    /** Complaints open at the end of the period (received before it, closed after it or not at all). */
    private Backlog backlog(ReportPeriod period) {
        Object end = Jdbc.ts(period.end());
        Map<String, Long> byAge = new LinkedHashMap<>();
        for (String label : List.of("0-5 days", "6-10 days", "11-20 days", "21-40 days", "over 40 days")) {
            byAge.put(label, 0L);
        }
        String day = dates.dayOf("received_at");
        long[] total = {0};
        jdbc.sql("select " + day + " as d, count(*) as n from cmp_complaint where received_at < ? "
                        + "and (closed_at is null or closed_at >= ?) group by " + day)
                .params(end, end).query(rs -> {
                    long age = period.to().toEpochDay() - rs.getDate("d").toLocalDate().toEpochDay();
                    String label = age <= 5 ? "0-5 days" : age <= 10 ? "6-10 days" : age <= 20 ? "11-20 days"
                            : age <= 40 ? "21-40 days" : "over 40 days";
                    byAge.merge(label, rs.getLong("n"), Long::sum);
                    total[0] += rs.getLong("n");
                });
        return new Backlog(period.to().toString(), total[0], byAge);
    }

    private static StageCompliance stage(String stage, long met, long missed, long pending) {
        return new StageCompliance(stage, met, missed, pending, percent(met, met + missed));
    }

    private static void add(Map<String, List<Long>> series, String key, Integer slot, long n, int size) {
        if (slot != null) {
            List<Long> values = series.computeIfAbsent(key == null ? NONE : key, k -> zeros(size));
            values.set(slot, values.get(slot) + n);
        }
    }

    private static List<Long> zeros(int size) {
        return new ArrayList<>(java.util.Collections.nCopies(size, 0L));
    }

    private static LocalDate bucketStart(LocalDate day, String bucket) {
        return switch (bucket) {
            case "week" -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case "month" -> day.withDayOfMonth(1);
            default -> day;
        };
    }

    private static LocalDate next(LocalDate day, String bucket) {
        return switch (bucket) {
            case "week" -> day.plusWeeks(1);
            case "month" -> day.plusMonths(1);
            default -> day.plusDays(1);
        };
    }

    private static String label(LocalDate day, String bucket) {
        return "month".equals(bucket) ? day.toString().substring(0, 7) : day.toString();
    }

    private static long n(Map<String, Object> row, String key) {
        Object value = row.get(key);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Double hours(Object seconds) {
        return seconds == null ? null : round(((Number) seconds).doubleValue() / Duration.ofHours(1).toSeconds());
    }

    static Double percent(long part, long whole) {
        return whole == 0 ? null : round(100.0 * part / whole);
    }

    static Double round(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
