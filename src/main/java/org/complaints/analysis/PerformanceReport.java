package org.complaints.analysis;

import java.util.List;
import java.util.Map;
import org.complaints.improvement.CorrectiveActionFigures;
import org.complaints.survey.SatisfactionReport;

/**
 * How complaint handling performed over a period (ISO 10002 8.2 analysis, 8.4 monitoring), for the reports page,
 * its CSV export and the management review. Counts are of the complaints received in the period; the backlog is
 * taken at the period's end, or now when the period ends later; satisfaction covers the surveys of the complaints
 * closed in the period (8.3); corrective actions are those opened, checked and closed in the period, and the
 * register as it stands (8.7).
 */
public record PerformanceReport(
        Period period,
        Totals totals,
        Series received,
        Durations timeToAcknowledge,
        Durations timeToDecide,
        List<StageCompliance> sla,
        Map<String, Long> outcomes,
        Map<String, Long> closureReasons,
        Rates rates,
        Backlog backlog,
        List<ParetoBar> recurringCauses,
        List<ParetoBar> recurringCategories,
        SatisfactionReport satisfaction,
        CorrectiveActionFigures.Summary correctiveActions,
        List<ObjectiveResult> objectives) {

    /** {@code bucket} is day, week (starting Monday) or month, by the period's length. */
    public record Period(String from, String to, String zone, String bucket) {}

    /**
     * {@code notAComplaint}: messages assessed as an enquiry, compliment or suggestion, not in outOfScope.
     * {@code reopened}: reopenings made in the period (by their date, whatever the complaints' received dates), each
     * a closure that did not hold (ISO 10002 8.2).
     */
    public record Totals(
            long received,
            long closed,
            long stillOpen,
            long inScope,
            long outOfScope,
            long decided,
            long withdrawn,
            long notAComplaint,
            long reopened) {}

    /**
     * Complaints received per bucket, split by channel, category and the most frequent products or services
     * (the others summed as "other").
     */
    public record Series(
            List<String> buckets,
            Map<String, List<Long>> byChannel,
            Map<String, List<Long>> byCategory,
            Map<String, List<Long>> byProduct) {}

    /** Median and 90th percentile, in hours, over {@code count} complaints; null when there are none. */
    public record Durations(long count, Double medianHours, Double p90Hours) {}

    /** One stage's time limit: met, missed, and complaints where it is not yet known (still running). */
    public record StageCompliance(String stage, long met, long missed, long pending, Double percentMet) {}

    /** Shares in percent; null when the base is zero. */
    public record Rates(
            Double outOfScope,
            Double notAComplaint,
            Double notUpheld,
            Double decisionRejected,
            Double internalReview,
            Double externalReferral,
            Double withdrawn) {}

    /**
     * Complaints open at the end of the period, by age in calendar days; {@code asOf} is the period's last day, or
     * the date and time the report was made when the period ends after it.
     */
    public record Backlog(String asOf, long total, Map<String, Long> byAge) {}

    /** One bar of a Pareto chart: count, share of all, cumulative share (percent). */
    public record ParetoBar(String name, long count, double percent, double cumulativePercent) {}

    /** An objective from the configuration, measured over the period; {@code met} is null without data. */
    public record ObjectiveResult(
            String name, String measure, String comparison, double target, Double value, long basis, Boolean met) {}
}
