package org.complaints.managementreview;

import org.springframework.stereotype.Component;

/** The review timer's cron for the diagram's timer start event ({@code ${managementReviewSchedule.cron}}). */
@Component("managementReviewSchedule")
public class ManagementReviewSchedule {

    private final ManagementReviewProperties properties;

    public ManagementReviewSchedule(ManagementReviewProperties properties) {
        this.properties = properties;
    }

    public String getCron() {
        return properties.schedule();
    }
}
