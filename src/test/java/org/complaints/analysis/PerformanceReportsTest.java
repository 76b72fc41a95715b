package org.complaints.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.complaints.DatabaseSlice;
import org.complaints.analysis.PerformanceReport.ParetoBar;
import org.complaints.analysis.PerformanceReport.StageCompliance;
import org.complaints.deadlines.DeadlineProperties;
import org.complaints.engine.InvalidInputException;
import org.complaints.improvement.CorrectiveActionFigures;
import org.complaints.survey.SurveyResults;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The report's figures against a seeded register whose right answers this test computes itself, in Java, from
 * the seeded rows (not with the report's SQL). The seeded complaints lie in 2019, before any other test's data. On
 * the database slice: the reports need only the register's tables.
 */
@DatabaseSlice
// seeded once for all tests, outside the slice's rolled-back test transactions, as the report reads committed rows
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PerformanceReportsTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final LocalDate FROM = LocalDate.of(2019, 3, 1);
    private static final LocalDate TO = LocalDate.of(2019, 8, 31);

    @Autowired
    PerformanceReports reports;

    @Autowired
    ReportRollup rollup;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JdbcClient jdbcClient;

    @Autowired
    DeadlineProperties deadlines;

    @Autowired
    ReportingProperties reporting;

    @Autowired
    SurveyResults surveys;

    @Autowired
    CorrectiveActionFigures correctiveActions;

    private List<SeededComplaint> all;
    private List<SeededComplaint> inPeriod;
    private PerformanceReport beforeRollUp;

    @BeforeAll
    void seed() {
        // a margin before and after the period, which must not count (except in the backlog)
        all = SeededComplaint.random(
                42,
                2500,
                LocalDate.of(2019, 1, 1).atStartOfDay(ZONE).toInstant(),
                LocalDate.of(2019, 11, 1).atStartOfDay(ZONE).toInstant(),
                "CMP-2019-");
        SeededComplaint.insert(jdbc, all);
        Instant start = FROM.atStartOfDay(ZONE).toInstant();
        Instant end = TO.plusDays(1).atStartOfDay(ZONE).toInstant();
        inPeriod = all.stream()
                .filter(c -> !c.receivedAt().isBefore(start) && c.receivedAt().isBefore(end))
                .toList();
        // first every complaint read one by one, then the closed ones from the roll-up: the figures must agree
        beforeRollUp = report();
        assertThat(rollup.rollUpNow())
                .isGreaterThanOrEqualTo(
                        all.stream().filter(c -> c.closedAt() != null).count());
    }

    @Test
    void theRollUpOfClosedComplaintsChangesNoFigure() {
        assertThat(report()).isEqualTo(beforeRollUp);
        assertThat(jdbc.queryForObject(
                        "select count(*) from cmp_complaint where reference like 'CMP-2019-%' "
                                + "and closed_at is not null and rolled_up = false",
                        Long.class))
                .isZero();
        // open complaints stay live: their figures still change
        assertThat(jdbc.queryForObject(
                        "select count(*) from cmp_complaint where reference like 'CMP-2019-%' "
                                + "and closed_at is null and rolled_up = true",
                        Long.class))
                .isZero();
    }

    private PerformanceReport report() {
        return reports.report(new ReportPeriod(FROM, TO, ZONE));
    }

    private long count(Predicate<SeededComplaint> predicate) {
        return inPeriod.stream().filter(predicate).count();
    }

    @Test
    void totalsCountTheComplaintsReceivedInThePeriod() {
        PerformanceReport report = report();
        assertThat(inPeriod).hasSizeGreaterThan(1000);
        assertThat(report.totals().received()).isEqualTo(inPeriod.size());
        assertThat(report.totals().closed()).isEqualTo(count(c -> c.closedAt() != null));
        assertThat(report.totals().stillOpen()).isEqualTo(count(c -> c.closedAt() == null));
        assertThat(report.totals().outOfScope()).isEqualTo(count(c -> Boolean.FALSE.equals(c.inScope())));
        assertThat(report.totals().decided()).isEqualTo(count(c -> c.firstDecidedAt() != null));
        assertThat(report.totals().withdrawn()).isEqualTo(count(c -> "WITHDRAWN".equals(c.closureReason())));
    }

    @Test
    void seriesAddUpPerChannelCategoryAndProductInWeeklyBuckets() {
        PerformanceReport report = report();
        assertThat(report.period().bucket()).isEqualTo("week");
        // weeks start on Monday: 2019-02-25 holds 1 March
        assertThat(report.received().buckets().get(0)).isEqualTo("2019-02-25");
        // every channel apart, in the register's order, also one with no complaint in a bucket
        assertThat(report.received().byChannel().keySet())
                .containsExactlyElementsOf(org.complaints.register.Channels.ALL);
        Map<String, Long> byChannel =
                inPeriod.stream().collect(Collectors.groupingBy(SeededComplaint::channel, Collectors.counting()));
        byChannel.forEach((channel, n) ->
                assertThat(sum(report.received().byChannel().get(channel))).isEqualTo(n));
        // one week checked cell by cell
        LocalDate monday = LocalDate.of(2019, 5, 6);
        int slot = report.received().buckets().indexOf(monday.toString());
        for (String channel : SeededComplaint.CHANNELS) {
            long expected = count(c -> c.channel().equals(channel) && weekOf(c).equals(monday));
            assertThat(report.received().byChannel().get(channel).get(slot))
                    .as(channel)
                    .isEqualTo(expected);
        }
        Map<String, Long> byCategory = inPeriod.stream()
                .collect(Collectors.groupingBy(
                        c -> Objects.requireNonNullElse(c.category(), "(none)"), Collectors.counting()));
        byCategory.forEach((category, n) ->
                assertThat(sum(report.received().byCategory().get(category))).isEqualTo(n));
        // the eight most frequent products by name, the rest as "other"
        List<String> top = inPeriod.stream()
                .collect(Collectors.groupingBy(SeededComplaint::product, Collectors.counting()))
                .entrySet()
                .stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(8)
                .map(Map.Entry::getKey)
                .toList();
        assertThat(report.received().byProduct().keySet())
                .containsAll(top)
                .contains("other")
                .hasSize(9);
        assertThat(sum(report.received().byProduct().get("other"))).isEqualTo(count(c -> !top.contains(c.product())));
    }

    @Test
    void timesToAcknowledgeAndDecideAreMedianAndNinetiethPercentileWithinTwoPercent() {
        PerformanceReport report = report();
        List<Double> ack = hours(SeededComplaint::acknowledgedAt);
        assertThat(report.timeToAcknowledge().count()).isEqualTo(ack.size());
        assertThat(report.timeToAcknowledge().medianHours()).isCloseTo(percentile(ack, 0.5), withinPercentage(2));
        assertThat(report.timeToAcknowledge().p90Hours()).isCloseTo(percentile(ack, 0.9), withinPercentage(2));
        List<Double> decide = hours(SeededComplaint::firstDecidedAt);
        assertThat(report.timeToDecide().count()).isEqualTo(decide.size());
        assertThat(report.timeToDecide().medianHours()).isCloseTo(percentile(decide, 0.5), withinPercentage(2));
        assertThat(report.timeToDecide().p90Hours()).isCloseTo(percentile(decide, 0.9), withinPercentage(2));
    }

    @Test
    void timeLimitsPerStageCountMetMissedAndNotYetKnown() {
        PerformanceReport report = report();
        StageCompliance ack = stage(report, "acknowledgement");
        assertThat(ack.met()).isEqualTo(count(c -> Boolean.TRUE.equals(c.ackSlaMet())));
        assertThat(ack.missed()).isEqualTo(count(c -> Boolean.FALSE.equals(c.ackSlaMet())));
        assertThat(ack.pending()).isEqualTo(count(c -> c.ackSlaMet() == null && c.closedAt() == null));
        assertThat(ack.percentMet()).isCloseTo(100.0 * ack.met() / (ack.met() + ack.missed()), within(0.01));

        StageCompliance assessment = stage(report, "assessment");
        assertThat(assessment.met()).isEqualTo(count(c -> Boolean.TRUE.equals(c.assessmentSlaMet())));
        assertThat(assessment.missed()).isEqualTo(count(c -> Boolean.FALSE.equals(c.assessmentSlaMet())));

        // closed: as recorded at closure; open and answered: answered by the date; open, unanswered, date passed:
        // missed (the seeded dates are long past); open, unanswered, date not passed: none in 2019
        StageCompliance response = stage(report, "response");
        long met = count(c -> Boolean.TRUE.equals(c.responseSlaMet())
                || c.closedAt() == null
                        && c.firstDecidedAt() != null
                        && !c.firstDecidedAt().isAfter(c.responseDeadline()));
        long missed = count(c -> Boolean.FALSE.equals(c.responseSlaMet())
                || c.closedAt() == null
                        && c.responseDeadline() != null
                        && (c.firstDecidedAt() == null || c.firstDecidedAt().isAfter(c.responseDeadline())));
        assertThat(response.met()).isEqualTo(met);
        assertThat(response.missed()).isEqualTo(missed);
        assertThat(response.pending()).isZero();
    }

    @Test
    void outcomesRatesAndRecurringCauses() {
        PerformanceReport report = report();
        long decided = count(c -> c.firstDecidedAt() != null);
        assertThat(report.outcomes())
                .containsAllEntriesOf(inPeriod.stream()
                        .filter(c -> c.outcome() != null)
                        .collect(Collectors.groupingBy(SeededComplaint::outcome, Collectors.counting())));
        assertThat(report.closureReasons())
                .isEqualTo(inPeriod.stream()
                        .filter(c -> c.closureReason() != null)
                        .collect(Collectors.groupingBy(
                                SeededComplaint::closureReason, java.util.TreeMap::new, Collectors.counting())));
        assertThat(report.rates().internalReview())
                .isCloseTo(100.0 * count(c -> c.reviewRound() > 0) / decided, within(0.01));
        assertThat(report.rates().externalReferral())
                .isCloseTo(100.0 * count(SeededComplaint::externalReferral) / decided, within(0.01));
        assertThat(report.rates().notUpheld())
                .isCloseTo(100.0 * count(c -> "not-upheld".equals(c.outcome())) / decided, within(0.01));

        List<Map.Entry<String, Long>> causes = inPeriod.stream()
                .filter(c -> c.rootCause() != null)
                .collect(Collectors.groupingBy(SeededComplaint::rootCause, Collectors.counting()))
                .entrySet()
                .stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .toList();
        List<ParetoBar> bars = report.recurringCauses();
        assertThat(bars)
                .extracting(ParetoBar::name)
                .containsExactlyElementsOf(
                        causes.stream().map(Map.Entry::getKey).toList());
        assertThat(bars.get(0).count()).isEqualTo(causes.get(0).getValue());
        assertThat(bars.get(bars.size() - 1).cumulativePercent()).isEqualTo(100.0);
        assertThat(bars)
                .isSortedAccordingTo(Comparator.comparingLong(ParetoBar::count).reversed());
    }

    @Test
    void backlogIsWhatWasOpenAtThePeriodsEndByAge() {
        PerformanceReport report = report();
        Instant end = TO.plusDays(1).atStartOfDay(ZONE).toInstant();
        List<SeededComplaint> open = all.stream()
                .filter(c -> c.receivedAt().isBefore(end)
                        && (c.closedAt() == null || !c.closedAt().isBefore(end)))
                .toList();
        assertThat(report.backlog().total()).isEqualTo(open.size());
        long young = open.stream()
                .filter(c -> TO.toEpochDay()
                                - c.receivedAt().atZone(ZONE).toLocalDate().toEpochDay()
                        <= 5)
                .count();
        assertThat(report.backlog().byAge().get("0-5 days")).isEqualTo(young);
        assertThat(report.backlog().byAge().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(open.size());
    }

    @Test
    void aPeriodEndingAfterNowHasItsBacklogAsOfNow() {
        // the report made on a day inside the period: what is open then, aged to that day, not to the period's end
        Instant now = LocalDate.of(2019, 6, 15).atTime(12, 0).atZone(ZONE).toInstant();
        PerformanceReports asOfNow = new PerformanceReports(
                jdbcClient, deadlines, reporting, surveys, correctiveActions, Clock.fixed(now, ZONE));
        PerformanceReport report = asOfNow.report(new ReportPeriod(FROM, TO, ZONE));
        List<SeededComplaint> open = all.stream()
                .filter(c -> c.receivedAt().isBefore(now)
                        && (c.closedAt() == null || !c.closedAt().isBefore(now)))
                .toList();
        LocalDate today = now.atZone(ZONE).toLocalDate();
        long young = open.stream()
                .filter(c -> today.toEpochDay()
                                - c.receivedAt().atZone(ZONE).toLocalDate().toEpochDay()
                        <= 5)
                .count();
        assertThat(report.backlog().asOf()).isEqualTo("2019-06-15T12:00+02:00");
        assertThat(report.backlog().total()).isEqualTo(open.size());
        assertThat(report.backlog().byAge().get("0-5 days")).isEqualTo(young);
        assertThat(report.backlog().byAge().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(open.size());
    }

    @Test
    void objectivesAreMeasuredAgainstTheirTargets() {
        PerformanceReport report = report();
        PerformanceReport.ObjectiveResult ack = report.objectives().stream()
                .filter(o -> o.measure().equals("acknowledged-in-time"))
                .findFirst()
                .orElseThrow();
        StageCompliance stage = stage(report, "acknowledgement");
        assertThat(ack.value()).isEqualTo(stage.percentMet());
        assertThat(ack.basis()).isEqualTo(stage.met() + stage.missed());
        assertThat(ack.met()).isEqualTo(stage.percentMet() >= ack.target());
        // no survey answers in 2019: measured as "no data", never as failed or met
        report.objectives().stream()
                .filter(o -> o.measure().endsWith("satisfaction"))
                .forEach(o -> assertThat(o.met()).isNull());
    }

    @Test
    void csvHasEveryFigureAndDefusesFormulas() {
        StringWriter csv = new StringWriter();
        ReportCsv.write(report(), csv);
        assertThat(csv.toString())
                .startsWith("section,item,series,value\r\n")
                .contains("totals,received,," + inPeriod.size() + "\r\n")
                .contains("time limits,acknowledgement,met,");
        assertThat(ReportCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(ReportCsv.cell("-5")).isEqualTo("'-5");
        assertThat(ReportCsv.cell(-5)).isEqualTo("-5");
    }

    @Test
    void periodsAreValidated() {
        assertThatThrownBy(() -> reports.period("2019-05-01", "2019-04-01"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> reports.period("May 2019", "2019-04-01"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("from: give a date as YYYY-MM-DD");
        assertThatThrownBy(() -> reports.period("2000-01-01", "2019-04-01"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at most ten years");
    }

    private static StageCompliance stage(PerformanceReport report, String name) {
        return report.sla().stream()
                .filter(s -> s.stage().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private List<Double> hours(Function<SeededComplaint, Instant> end) {
        return inPeriod.stream()
                .filter(c -> end.apply(c) != null)
                .map(c -> Duration.between(c.receivedAt(), end.apply(c)).toSeconds() / 3600.0)
                .sorted()
                .toList();
    }

    /** Linear interpolation between closest ranks, the definition of SQL's percentile_cont. */
    private static double percentile(List<Double> sorted, double p) {
        double rank = p * (sorted.size() - 1);
        int low = (int) Math.floor(rank);
        int high = (int) Math.ceil(rank);
        return sorted.get(low) + (rank - low) * (sorted.get(high) - sorted.get(low));
    }

    private static LocalDate weekOf(SeededComplaint c) {
        LocalDate day = c.receivedAt().atZone(ZONE).toLocalDate();
        return day.minusDays(day.getDayOfWeek().getValue() - 1);
    }

    private static long sum(List<Long> values) {
        return values == null ? 0 : values.stream().mapToLong(Long::longValue).sum();
    }
}
