package org.complaints.deadlines;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The time limits of the stages after a decision stands or is rejected twice (ISO 10002 4.15, 7.9, ISO 10003),
 * in the same settings as the other stage time limits ({@code complaints.deadlines.*}).
 *
 * @param remedyDays          working days to carry out a promised remedy once the decision stands or the external
 *                            outcome is recorded
 * @param referralAnswerDays  working days the complainant has to say whether they take the complaint to the
 *                            external body before it closes as not referred
 * @param externalOutcomeDays working days, from the recorded referral, within which the external body's outcome is
 *                            expected and recorded
 */
@ConfigurationProperties("complaints.deadlines")
public record RecourseTimeLimits(
        @DefaultValue("10") int remedyDays,
        @DefaultValue("20") int referralAnswerDays,
        @DefaultValue("60") int externalOutcomeDays) {

    /** The defaults, for code that builds its own deadlines. */
    public static RecourseTimeLimits defaults() {
        return new RecourseTimeLimits(10, 20, 60);
    }
}
