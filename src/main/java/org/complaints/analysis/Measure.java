package org.complaints.analysis;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.complaints.analysis.PerformanceReport.Durations;
import org.complaints.analysis.PerformanceReport.StageCompliance;
import org.complaints.survey.SatisfactionReport;

/**
 * What an objective can measure (ISO 10002 8.4, 6.2), by the name used in the configuration. Each gives its
 * value over a period and the number of complaints it rests on.
 */
public enum Measure {
    ACKNOWLEDGED_IN_TIME(
            "acknowledged-in-time",
            Comparison.AT_LEAST,
            "% acknowledged within the time limit",
            inputs -> stage(inputs, "acknowledgement")),
    ASSESSED_IN_TIME(
            "assessed-in-time",
            Comparison.AT_LEAST,
            "% assessed within the time limit",
            inputs -> stage(inputs, "assessment")),
    DECIDED_IN_TIME(
            "decided-in-time",
            Comparison.AT_LEAST,
            "% answered by the committed date",
            inputs -> stage(inputs, "response")),
    MEDIAN_DAYS_TO_DECIDE(
            "median-days-to-decide",
            Comparison.AT_MOST,
            "median days from receipt to decision",
            inputs -> days(inputs.report().timeToDecide(), false)),
    P90_DAYS_TO_DECIDE(
            "p90-days-to-decide",
            Comparison.AT_MOST,
            "90th percentile of days from receipt to decision",
            inputs -> days(inputs.report().timeToDecide(), true)),
    INTERNAL_REVIEW_RATE(
            "internal-review-rate",
            Comparison.AT_MOST,
            "% of decisions reviewed internally",
            inputs -> new Value(
                    inputs.report().rates().internalReview(),
                    inputs.report().totals().decided())),
    EXTERNAL_REFERRAL_RATE(
            "external-referral-rate",
            Comparison.AT_MOST,
            "% of decisions referred outside",
            inputs -> new Value(
                    inputs.report().rates().externalReferral(),
                    inputs.report().totals().decided())),
    PROCESS_SATISFACTION(
            "process-satisfaction",
            Comparison.AT_LEAST,
            "mean satisfaction with the handling (1-5)",
            inputs -> mean(inputs.report().satisfaction().handling())),
    OUTCOME_SATISFACTION(
            "outcome-satisfaction",
            Comparison.AT_LEAST,
            "mean satisfaction with the outcome (1-5)",
            inputs -> mean(inputs.report().satisfaction().outcome()));

    /** Whether the measured value must reach the target or stay below it. */
    public enum Comparison {
        AT_LEAST,
        AT_MOST;

        boolean met(double value, double target) {
            return this == AT_LEAST ? value >= target : value <= target;
        }
    }

    /** A measured value and how many complaints (or answers) it rests on; value null when there are none. */
    public record Value(Double value, long basis) {}

    /** What measures read: the period's report (satisfaction included). */
    public record Inputs(PerformanceReport report) {}

    private final String id;
    private final Comparison comparison;
    private final String unit;
    private final Function<Inputs, Value> measure;

    Measure(String id, Comparison comparison, String unit, Function<Inputs, Value> measure) {
        this.id = id;
        this.comparison = comparison;
        this.unit = unit;
        this.measure = measure;
    }

    public String id() {
        return id;
    }

    public Comparison comparison() {
        return comparison;
    }

    public String unit() {
        return unit;
    }

    Value of(Inputs inputs) {
        return measure.apply(inputs);
    }

    public static Measure byId(String id) {
        return Arrays.stream(values())
                .filter(m -> m.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown measure '" + id + "'; known are "
                        + Arrays.stream(values()).map(Measure::id).collect(Collectors.joining(", "))));
    }

    private static Value stage(Inputs inputs, String stage) {
        StageCompliance compliance = inputs.report().sla().stream()
                .filter(s -> s.stage().equals(stage))
                .findFirst()
                .orElseThrow();
        return new Value(compliance.percentMet(), compliance.met() + compliance.missed());
    }

    private static Value mean(SatisfactionReport.Score score) {
        return new Value(score.mean(), score.answers());
    }

    private static Value days(Durations durations, boolean p90) {
        Double hours = p90 ? durations.p90Hours() : durations.medianHours();
        return new Value(hours == null ? null : hours / 24, durations.count());
    }
}
