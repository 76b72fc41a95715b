package org.complaints.deadlines;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The time limits of the stages after a decision stands or is rejected twice (ISO 10002 4.15, 7.9, ISO 10003),
 * in the same settings as the other stage time limits ({@code complaints.deadlines.*}).
 *
 * The remedy and the external outcome are user tasks: their time limits are task rules
 * ({@code complaints.deadlines.task-days}, see {@link TaskDeadlines}).
 *
 * @param referralAnswerDays working days the complainant has to say whether they take the complaint to the
 *                           external body before it closes as not referred
 */
@ConfigurationProperties("complaints.deadlines")
public record RecourseTimeLimits(@DefaultValue("20") int referralAnswerDays) {}
