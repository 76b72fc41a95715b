package org.complaints.managementreview;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When management reviews happen (ISO 10002 8.6).
 *
 * @param schedule    Camunda cron (6 fields: second minute hour day-of-month month day-of-week, server time zone) of
 *                    the timer that prepares a review; monthly on the first at 06:00 by default
 * @param periodMonths how many whole months before the review's date its figures cover
 * @param holdWithinDays working days within which the review is to be held once prepared (its task's due date)
 */
@ConfigurationProperties("complaints.management-review")
public record ManagementReviewProperties(
        @DefaultValue("0 0 6 1 * ?") String schedule,
        @DefaultValue("1") int periodMonths,
        @DefaultValue("10") int holdWithinDays) {

    public ManagementReviewProperties {
        if (periodMonths < 1 || periodMonths > 24) {
            throw new IllegalArgumentException("complaints.management-review.period-months must be 1 to 24");
        }
        if (holdWithinDays < 1) {
            throw new IllegalArgumentException("complaints.management-review.hold-within-days must be at least 1");
        }
    }
}
