package org.complaints.improvement;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Time limits of corrective actions (ISO 10002 8.7). When a corrective action opens by itself is decided by the
 * decision table {@code processes/recurrence-threshold.dmn}, not here.
 *
 * @param effectivenessWait                how long after implementation the effectiveness is checked (ISO 8601
 *                                         period); the check falls due at the end of that day, or of the next
 *                                         working day
 * @param reminderWorkingDaysBefore        working days before the due date at which the action owner is reminded
 * @param defaultImplementationWorkingDays working days the owner has when the plan gives no due date
 * @param managerTaskWorkingDays           working days for the analysis, the plan and the effectiveness check
 * @param maxComplaintsLinkedOnOpening     at most this many complaints of the window are linked when the
 *                                         threshold opens an action (the newest are always linked as they come)
 */
@ConfigurationProperties("complaints.corrective-action")
public record CorrectiveActionProperties(
        @DefaultValue("P30D") Period effectivenessWait,
        @DefaultValue("3") int reminderWorkingDaysBefore,
        @DefaultValue("20") int defaultImplementationWorkingDays,
        @DefaultValue("10") int managerTaskWorkingDays,
        @DefaultValue("100") int maxComplaintsLinkedOnOpening) {}
