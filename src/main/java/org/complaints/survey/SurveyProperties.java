package org.complaints.survey;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The satisfaction survey after closure (ISO 10002 8.3).
 *
 * @param enabled  whether closed complaints are surveyed at all
 * @param share    the share of closed complaints surveyed, 0.0 to 1.0; chosen by the reference, so the same
 *                 complaint is always chosen or never
 * @param validFor how long the link works after the e-mail was sent
 * @param delay    how long after closure the e-mail is sent: the closing e-mail (sent by its own retried step)
 *                 arrives first and a remedy has time to arrive
 * @param schedule when pending invitations are sent (Spring cron, server time zone; "-" turns sending off)
 */
@ConfigurationProperties("complaints.survey")
public record SurveyProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1.0") double share,
        @DefaultValue("P30D") Duration validFor,
        @DefaultValue("PT1H") Duration delay,
        @DefaultValue("0 * * * * *") String schedule) {

    public SurveyProperties {
        // a wrong share would silently survey nobody or everybody: refuse to start instead
        if (!(share >= 0.0 && share <= 1.0)) {
            throw new IllegalArgumentException("complaints.survey.share must be between 0.0 and 1.0, not " + share);
        }
        if (validFor.isNegative() || validFor.isZero()) {
            throw new IllegalArgumentException("complaints.survey.valid-for must be positive, not " + validFor);
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("complaints.survey.delay cannot be negative: " + delay);
        }
    }
}
