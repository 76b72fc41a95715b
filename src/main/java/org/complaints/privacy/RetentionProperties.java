package org.complaints.privacy;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the register keeps a complainant's personal data after closure (default six years, a common
 * limitation period), and when the nightly anonymisation runs (cron, server time zone).
 */
@ConfigurationProperties("complaints.retention")
public record RetentionProperties(
        @DefaultValue("P6Y") Period afterClosure,
        @DefaultValue("0 30 2 * * *") String schedule,
        @DefaultValue("500") int batchSize) {}
