package org.complaints.analysis;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The organisation's complaints-handling objectives (ISO 10002 6.2), each measured over every reported period.
 *
 * @param objectives what to reach, e.g. {@code {name: "Acknowledged within 1 working day", measure:
 *                   acknowledged-in-time, target: 95}}; measures are listed in {@link Measure}
 * @param topProducts how many products or services the charts show by name (the rest sum as "other")
 */
@ConfigurationProperties("complaints.reporting")
public record ReportingProperties(
        @DefaultValue({}) List<Objective> objectives,
        @DefaultValue("8") int topProducts) {

    public ReportingProperties {
        if (topProducts < 1 || topProducts > 50) {
            throw new IllegalArgumentException("complaints.reporting.top-products must be between 1 and 50");
        }
        for (Objective objective : objectives) {
            Measure.byId(objective.measure());
        }
    }

    public record Objective(String name, String measure, double target) {

        public Objective {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("complaints.reporting.objectives: every objective needs a name");
            }
        }
    }
}
