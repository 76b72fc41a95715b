package org.complaints.analysis;

import io.swagger.v3.oas.annotations.media.Schema;
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
        @Schema(description = "The period reported on") Period period,
        @Schema(description = "Counts of the period") Totals totals,

        @Schema(description = "Complaints received per bucket, by channel, category and product")
        Series received,

        @Schema(description = "Time from receipt to acknowledgement")
        Durations timeToAcknowledge,

        @Schema(description = "Time from receipt to decision")
        Durations timeToDecide,

        @Schema(description = "Time limits met per stage") List<StageCompliance> sla,

        @Schema(description = "Decisions per outcome", example = "{\"upheld\": 12, \"not-upheld\": 5}")
        Map<String, Long> outcomes,

        @Schema(description = "Closures per reason", example = "{\"ACCEPTED\": 14, \"WITHDRAWN\": 2}")
        Map<String, Long> closureReasons,

        @Schema(description = "Shares of complaints, each 0 to 1")
        Rates rates,

        @Schema(description = "Open complaints at the end of the period")
        Backlog backlog,

        @Schema(description = "Root causes, most frequent first, with cumulative share")
        List<ParetoBar> recurringCauses,

        @Schema(description = "Categories, most frequent first, with cumulative share")
        List<ParetoBar> recurringCategories,

        @Schema(description = "The satisfaction survey's figures")
        SatisfactionReport satisfaction,

        @Schema(description = "The corrective actions' figures")
        CorrectiveActionFigures.Summary correctiveActions,

        @Schema(description = "The configured objectives and whether they were met")
        List<ObjectiveResult> objectives) {

    /** {@code bucket} is day, week (starting Monday) or month, by the period's length. */
    @Schema(description = "The period reported on")
    public record Period(
            @Schema(description = "First day of the period", example = "2026-01-01")
            String from,

            @Schema(description = "Last day of the period", example = "2026-03-31")
            String to,

            @Schema(description = "The time zone the days are counted in", example = "Europe/Amsterdam")
            String zone,

            @Schema(description = "The size of each bucket of the series: day, week or month", example = "month")
            String bucket) {}

    /**
     * {@code notAComplaint}: messages assessed as an enquiry, compliment or suggestion, not in outOfScope.
     * {@code reopened}: reopenings made in the period (by their date, whatever the complaints' received dates), each
     * a closure that did not hold (ISO 10002 8.2).
     */
    @Schema(description = "Counts of the period")
    public record Totals(
            @Schema(description = "Complaints received in the period", example = "120")
            long received,

            @Schema(description = "Complaints closed in the period", example = "110")
            long closed,

            @Schema(description = "Complaints of the period still open", example = "10")
            long stillOpen,

            @Schema(description = "Received complaints within the process", example = "112")
            long inScope,

            @Schema(description = "Received complaints outside the process", example = "5")
            long outOfScope,

            @Schema(description = "Complaints decided in the period", example = "100")
            long decided,

            @Schema(description = "Complaints withdrawn in the period", example = "4")
            long withdrawn,

            @Schema(description = "Messages found not to be complaints", example = "3")
            long notAComplaint,

            @Schema(description = "Reopenings made in the period, each a closure that did not hold", example = "2")
            long reopened) {}

    /**
     * Complaints received per bucket, split by channel, category and the most frequent products or services
     * (the others summed as "other").
     */
    @Schema(description = "Complaints received per bucket of the period")
    public record Series(
            @Schema(
                    description = "The buckets' first days",
                    example = "[\"2026-01-01\", \"2026-02-01\", \"2026-03-01\"]")
            List<String> buckets,

            @Schema(description = "Complaints per bucket for each channel", example = "{\"web\": [30, 28, 35]}")
            Map<String, List<Long>> byChannel,

            @Schema(description = "Complaints per bucket for each category", example = "{\"delivery\": [10, 12, 9]}")
            Map<String, List<Long>> byCategory,

            @Schema(
                    description = "Complaints per bucket for each product or service",
                    example = "{\"Parcel delivery\": [10, 12, 9]}")
            Map<String, List<Long>> byProduct) {}

    /** Median and 90th percentile, in hours, over {@code count} complaints; null when there are none. */
    @Schema(description = "A duration's median and 90th percentile, in hours")
    public record Durations(
            @Schema(description = "How many complaints the figures are based on", example = "100")
            long count,

            @Schema(description = "Median in hours", example = "20.5")
            Double medianHours,

            @Schema(description = "90th percentile in hours", example = "46.0")
            Double p90Hours) {}

    /** One stage's time limit: met, missed, and complaints where it is not yet known (still running). */
    public record StageCompliance(
            @Schema(description = "The stage with a time limit", example = "decision")
            String stage,

            @Schema(description = "Complaints that met the limit", example = "95")
            long met,

            @Schema(description = "Complaints that missed it", example = "5")
            long missed,

            @Schema(description = "Complaints whose limit has not passed yet", example = "10")
            long pending,

            @Schema(description = "Share met of those decided, in percent", example = "95.0")
            Double percentMet) {}

    /** Shares in percent; null when the base is zero. */
    @Schema(description = "Shares of the period's complaints, each 0 to 1")
    public record Rates(
            @Schema(description = "Share out of scope", example = "0.04")
            Double outOfScope,

            @Schema(description = "Share found not to be complaints", example = "0.02")
            Double notAComplaint,

            @Schema(description = "Share of decisions not upheld", example = "0.3")
            Double notUpheld,

            @Schema(description = "Share of decisions the complainant rejected", example = "0.1")
            Double decisionRejected,

            @Schema(description = "Share that went to internal review", example = "0.1")
            Double internalReview,

            @Schema(description = "Share taken to the external body", example = "0.01")
            Double externalReferral,

            @Schema(description = "Share withdrawn", example = "0.03")
            Double withdrawn) {}

    /**
     * Complaints open at the end of the period, by age in calendar days; {@code asOf} is the period's last day, or
     * the date and time the report was made when the period ends after it.
     */
    @Schema(description = "Complaints open at the end of the period")
    public record Backlog(
            @Schema(description = "The moment the backlog was counted", example = "2026-03-31T23:59:59+02:00")
            String asOf,

            @Schema(description = "Open complaints", example = "10")
            long total,

            @Schema(
                    description = "Open complaints per age band",
                    example = "{\"0-5 days\": 6, \"6-10 days\": 3, \"over 10 days\": 1}")
            Map<String, Long> byAge) {}

    /** One bar of a Pareto chart: count, share of all, cumulative share (percent). */
    public record ParetoBar(
            @Schema(description = "The cause or category", example = "delivery")
            String name,

            @Schema(description = "How many complaints", example = "30")
            long count,

            @Schema(description = "Its share of all, in percent", example = "25.0")
            double percent,

            @Schema(description = "The share of this and all more frequent ones, in percent", example = "60.0")
            double cumulativePercent) {}

    /** An objective from the configuration, measured over the period; {@code met} is null without data. */
    public record ObjectiveResult(
            @Schema(description = "The objective's name", example = "Decided in time")
            String name,

            @Schema(description = "What is measured", example = "decidedInTimePercent")
            String measure,

            @Schema(
                    description = "How the value is compared with the target: at-least or at-most",
                    example = "at-least")
            String comparison,

            @Schema(description = "The target value", example = "90.0")
            double target,

            @Schema(description = "The value in the period; null without data", example = "95.0")
            Double value,

            @Schema(description = "How many complaints the value is based on", example = "100")
            long basis,

            @Schema(description = "Whether the target was met; null without data", example = "true")
            Boolean met) {}
}
