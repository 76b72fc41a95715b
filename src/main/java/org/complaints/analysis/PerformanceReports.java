package org.complaints.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.complaints.analysis.PerformanceReport.Backlog;
import org.complaints.analysis.PerformanceReport.Durations;
import org.complaints.analysis.PerformanceReport.ObjectiveResult;
import org.complaints.analysis.PerformanceReport.ParetoBar;
import org.complaints.analysis.PerformanceReport.Period;
import org.complaints.analysis.PerformanceReport.Rates;
import org.complaints.analysis.PerformanceReport.Series;
import org.complaints.analysis.PerformanceReport.StageCompliance;
import org.complaints.analysis.PerformanceReport.Totals;
import org.complaints.deadlines.DeadlineProperties;
import org.complaints.improvement.CorrectiveActionFigures;
import org.complaints.register.Channels;
import org.complaints.register.Jdbc;
import org.complaints.survey.SurveyResults;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes a {@link PerformanceReport} from the complaint register alone, so it covers closed complaints and
 * survives the engine's history clean-up and anonymisation (no figure reads personal data): closed complaints
 * from the roll-up ({@link ReportRollup}), the others one by one, counted by the same rules ({@link ReportFacts}).
 */
@Service
public class PerformanceReports {

    private static final String IN_PERIOD = " from cmp_complaint where received_at >= ? and received_at < ?";
    private static final String NONE = ReportFacts.NONE;
    private static final String OTHER = "other";

    private final JdbcClient jdbc;
    private final ZoneId zone;
    private final ReportingProperties properties;
    private final SurveyResults surveys;
    private final CorrectiveActionFigures correctiveActions;
    private final Clock clock;

    public PerformanceReports(
            JdbcClient jdbc,
            DeadlineProperties deadlines,
            ReportingProperties properties,
            SurveyResults surveys,
            CorrectiveActionFigures correctiveActions,
            Clock clock) {
        this.jdbc = jdbc;
        this.zone = deadlines.zone();
        this.properties = properties;
        this.surveys = surveys;
        this.correctiveActions = correctiveActions;
        this.clock = clock;
    }

    public ZoneId zone() {
        return zone;
    }

    public ReportPeriod period(String from, String to) {
        return ReportPeriod.parse(from, to, zone);
    }

    // one snapshot: a roll-up committing halfway must not count a complaint both live and rolled up
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public PerformanceReport report(ReportPeriod period) {
        String bucket = period.days() <= 62 ? "day" : period.days() <= 366 ? "week" : "month";
        Tally tally = tally(period);

        long received = tally.total("flag", "received");
        long closed = tally.total("flag", "closed");
        long decided = tally.total("flag", "decided");
        long withdrawn = tally.total("flag", "withdrawn");
        Totals totals = new Totals(
                received,
                closed,
                received - closed,
                tally.total("flag", "in_scope"),
                tally.total("flag", "out_of_scope"),
                decided,
                withdrawn,
                tally.total("flag", "not_a_complaint"),
                reopenings(period));
        List<StageCompliance> sla = List.of(
                stage(tally, "acknowledgement", "ack"),
                stage(tally, "assessment", "assessment"),
                stage(tally, "response", "response"));
        Rates rates = new Rates(
                percent(tally.total("flag", "out_of_scope"), tally.total("flag", "assessed")),
                percent(tally.total("flag", "not_a_complaint"), tally.total("flag", "assessed")),
                percent(tally.total("flag", "not_upheld"), decided),
                percent(tally.total("flag", "rejected"), decided),
                percent(tally.total("flag", "reviewed"), decided),
                percent(tally.total("flag", "referred"), decided),
                percent(withdrawn, received));
        Map<String, Long> categories = new TreeMap<>();
        tally.counts().forEach((key, n) -> {
            if (key.dimension().equals("channel_category") && !key.key2().equals(NONE)) {
                categories.merge(key.key2(), n, Long::sum);
            }
        });

        PerformanceReport partial = new PerformanceReport(
                new Period(
                        period.from().toString(),
                        period.to().toString(),
                        period.zone().getId(),
                        bucket),
                totals,
                series(period, bucket, tally),
                durations(tally.histogram("ack")),
                durations(tally.histogram("decide")),
                sla,
                tally.totals("outcome"),
                tally.totals("closure_reason"),
                rates,
                backlog(period),
                pareto(tally.totals("root_cause")),
                pareto(categories),
                surveys.satisfaction(period.from(), period.to()),
                correctiveActions.over(period.start(), period.end()),
                List.of());
        return withObjectives(partial);
    }

    /**
     * The period's closed complaints from the roll-up, summed by day, plus every complaint not yet rolled up (the
     * open ones, and those closed since the roll-up last ran) read one by one. Products are kept by day only for
     * the most frequent ones; the others are "other".
     */
    private Tally tally(ReportPeriod period) {
        Tally tally = new Tally();
        Instant now = clock.instant();
        jdbc.sql("select " + ReportFacts.COLUMNS + IN_PERIOD + " and rolled_up = false")
                .params(Jdbc.ts(period.start()), Jdbc.ts(period.end()))
                .query(rs -> {
                    ReportFacts.read(rs).addTo(tally, zone, now);
                });
        Object from = Date.valueOf(period.from());
        Object to = Date.valueOf(period.to());
        jdbc.sql(
                        "select received_day, dimension, key1, key2, n from cmp_report_day where received_day >= ? and received_day <= ? "
                                + "and dimension <> 'product'")
                .params(from, to)
                .query(rs -> {
                    tally.count(
                            rs.getDate("received_day").toLocalDate(),
                            rs.getString("dimension"),
                            rs.getString("key1"),
                            rs.getString("key2"),
                            rs.getLong("n"));
                });
        jdbc.sql(
                        "select measure, bucket, sum(n) as n from cmp_report_duration where received_day >= ? and received_day <= ? "
                                + "group by measure, bucket")
                .params(from, to)
                .query(rs -> {
                    tally.duration(period.from(), rs.getString("measure"), rs.getInt("bucket"), rs.getLong("n"));
                });
        // the most frequent products over rolled-up and live complaints together
        Map<String, Long> products = new HashMap<>(tally.totals("product"));
        jdbc.sql(
                        "select key1, sum(n) as n from cmp_report_day where received_day >= ? and received_day <= ? and dimension = 'product' "
                                + "group by key1")
                .params(from, to)
                .query(rs -> {
                    products.merge(rs.getString("key1"), rs.getLong("n"), Long::sum);
                });
        List<String> top = products.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(properties.topProducts())
                .map(Map.Entry::getKey)
                .toList();
        if (!top.isEmpty()) {
            jdbc.sql(
                            "select received_day, key1, n from cmp_report_day where received_day >= ? and received_day <= ? and dimension = 'product' "
                                    + "and key1 in (" + String.join(",", Collections.nCopies(top.size(), "?")) + ")")
                    .params(concat(from, to, top))
                    .query(rs -> {
                        tally.count(
                                rs.getDate("received_day").toLocalDate(),
                                "product",
                                rs.getString("key1"),
                                "",
                                rs.getLong("n"));
                    });
        }
        tally.topProducts(top);
        return tally;
    }

    private static List<Object> concat(Object from, Object to, List<String> keys) {
        List<Object> params = new ArrayList<>(List.of(from, to));
        params.addAll(keys);
        return params;
    }

    private PerformanceReport withObjectives(PerformanceReport report) {
        Measure.Inputs inputs = new Measure.Inputs(report);
        List<ObjectiveResult> results = properties.objectives().stream()
                .map(objective -> {
                    Measure measure = Measure.byId(objective.measure());
                    Measure.Value value = measure.of(inputs);
                    Boolean met =
                            value.value() == null ? null : measure.comparison().met(value.value(), objective.target());
                    return new ObjectiveResult(
                            objective.name(),
                            measure.id(),
                            measure.comparison().name().toLowerCase().replace('_', '-'),
                            objective.target(),
                            round(value.value()),
                            value.basis(),
                            met);
                })
                .toList();
        return new PerformanceReport(
                report.period(),
                report.totals(),
                report.received(),
                report.timeToAcknowledge(),
                report.timeToDecide(),
                report.sla(),
                report.outcomes(),
                report.closureReasons(),
                report.rates(),
                report.backlog(),
                report.recurringCauses(),
                report.recurringCategories(),
                report.satisfaction(),
                report.correctiveActions(),
                results);
    }

    /** Received per bucket by channel, category and the most frequent products ("other" for the rest). */
    private Series series(ReportPeriod period, String bucket, Tally tally) {
        List<LocalDate> bucketStarts = new ArrayList<>();
        for (LocalDate day = bucketStart(period.from(), bucket); !day.isAfter(period.to()); day = next(day, bucket)) {
            bucketStarts.add(day);
        }
        Map<LocalDate, Integer> index = new TreeMap<>();
        for (int i = 0; i < bucketStarts.size(); i++) {
            index.put(bucketStarts.get(i), i);
        }
        int size = bucketStarts.size();
        // every channel, also one nothing came through: the report shows each of them apart
        Map<String, List<Long>> byChannel = new LinkedHashMap<>();
        Channels.ALL.forEach(channel -> byChannel.put(channel, zeros(size)));
        Map<String, List<Long>> byCategory = new TreeMap<>();
        Map<String, List<Long>> byProduct = new LinkedHashMap<>();
        tally.topProducts().forEach(p -> byProduct.put(p, zeros(size)));
        List<Long> received = zeros(size);
        tally.counts().forEach((key, n) -> {
            Integer slot = index.get(bucketStart(key.day(), bucket));
            switch (key.dimension()) {
                case "channel_category" -> {
                    add(byChannel, key.key1(), slot, n, size);
                    add(byCategory, key.key2(), slot, n, size);
                }
                case "product" -> {
                    if (tally.topProducts().contains(key.key1())) {
                        add(byProduct, key.key1(), slot, n, size);
                    }
                }
                case "flag" -> {
                    if (key.key1().equals("received") && slot != null) {
                        received.set(slot, received.get(slot) + n);
                    }
                }
                default -> {}
            }
        });
        List<Long> other = zeros(size);
        for (int i = 0; i < size; i++) {
            long named = 0;
            for (List<Long> values : byProduct.values()) {
                named += values.get(i);
            }
            other.set(i, received.get(i) - named);
        }
        if (other.stream().anyMatch(n -> n > 0)) {
            byProduct.put(OTHER, other);
        }
        List<String> labels = bucketStarts.stream().map(d -> label(d, bucket)).toList();
        return new Series(labels, byChannel, byCategory, byProduct);
    }

    private static Durations durations(Map<Integer, Long> histogram) {
        long count = histogram.values().stream().mapToLong(Long::longValue).sum();
        return new Durations(
                count,
                hours(DurationBuckets.percentile(histogram, 0.5)),
                hours(DurationBuckets.percentile(histogram, 0.9)));
    }

    /** Most frequent first, with the cumulative share: the few causes behind most complaints (8.2). */
    private static List<ParetoBar> pareto(Map<String, Long> counts) {
        List<Map.Entry<String, Long>> sorted = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .toList();
        long total = sorted.stream().mapToLong(Map.Entry::getValue).sum();
        List<ParetoBar> bars = new ArrayList<>();
        long cumulative = 0;
        for (Map.Entry<String, Long> entry : sorted) {
            cumulative += entry.getValue();
            bars.add(new ParetoBar(
                    entry.getKey(),
                    entry.getValue(),
                    round(100.0 * entry.getValue() / total),
                    round(100.0 * cumulative / total)));
        }
        return bars;
    }

    private static final List<String> AGES =
            List.of("0-5 days", "6-10 days", "11-20 days", "21-40 days", "over 40 days");

    /**
     * Complaints open at the end of the period (received before it, not closed or closed after it), by age in
     * days: counted in the database against the age boundaries (local midnights), from the index on
     * (closed_at, received_at) alone. A period that ends after now is taken as of now, and says so: ages counted
     * to a day still to come would make every open complaint look older than it is.
     */
    /** Reopenings made in the period, counted by their date from the register's record of each reopening. */
    private long reopenings(ReportPeriod period) {
        return jdbc.sql("select count(*) from cmp_reopening where reopened_at >= ? and reopened_at < ?")
                .params(Jdbc.ts(period.start()), Jdbc.ts(period.end()))
                .query(Long.class)
                .single();
    }

    private Backlog backlog(ReportPeriod period) {
        Instant now = clock.instant();
        boolean endsLater = period.end().isAfter(now);
        Instant cutOff = endsLater ? now : period.end();
        LocalDate day = endsLater ? LocalDate.ofInstant(now, zone) : period.to();
        String asOf = endsLater
                ? now.atZone(zone)
                        .truncatedTo(ChronoUnit.MINUTES)
                        .toOffsetDateTime()
                        .toString()
                : period.to().toString();
        Object end = Jdbc.ts(cutOff);
        List<Object> bounds = new ArrayList<>();
        for (int days : new int[] {5, 10, 20, 40}) {
            bounds.add(Jdbc.ts(day.minusDays(days).atStartOfDay(zone).toInstant()));
        }
        String counts = "select count(*) as total, count(case when received_at >= ? then 1 end) as d5, "
                + "count(case when received_at >= ? then 1 end) as d10, count(case when received_at >= ? then 1 end) as d20, "
                + "count(case when received_at >= ? then 1 end) as d40 from cmp_complaint where ";
        long[] open = new long[5];
        for (String where : List.of("closed_at is null and received_at < ?", "closed_at >= ? and received_at < ?")) {
            List<Object> params = new ArrayList<>(bounds);
            params.add(end);
            if (where.startsWith("closed_at >=")) {
                params.add(end);
            }
            Map<String, Object> row =
                    jdbc.sql(counts + where).params(params).query().singleRow();
            open[0] += ((Number) row.get("d5")).longValue();
            open[1] += ((Number) row.get("d10")).longValue();
            open[2] += ((Number) row.get("d20")).longValue();
            open[3] += ((Number) row.get("d40")).longValue();
            open[4] += ((Number) row.get("total")).longValue();
        }
        Map<String, Long> byAge = new LinkedHashMap<>();
        long previous = 0;
        for (int k = 0; k < AGES.size(); k++) {
            byAge.put(AGES.get(k), open[k] - previous);
            previous = open[k];
        }
        return new Backlog(asOf, open[4], byAge);
    }

    private static StageCompliance stage(Tally tally, String stage, String flag) {
        long met = tally.total("flag", flag + "_met");
        long missed = tally.total("flag", flag + "_missed");
        return new StageCompliance(stage, met, missed, tally.total("flag", flag + "_open"), percent(met, met + missed));
    }

    private static void add(Map<String, List<Long>> series, String key, Integer slot, long n, int size) {
        if (slot != null) {
            List<Long> values = series.computeIfAbsent(key == null ? NONE : key, k -> zeros(size));
            values.set(slot, values.get(slot) + n);
        }
    }

    private static List<Long> zeros(int size) {
        return new ArrayList<>(Collections.nCopies(size, 0L));
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

    private static Double hours(Double seconds) {
        return seconds == null ? null : round(seconds / Duration.ofHours(1).toSeconds());
    }

    static Double percent(long part, long whole) {
        return whole == 0 ? null : round(100.0 * part / whole);
    }

    static Double round(Double value) {
        return value == null
                ? null
                : BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
