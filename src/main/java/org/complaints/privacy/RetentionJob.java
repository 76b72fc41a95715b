package org.complaints.privacy;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.complaints.register.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Anonymises every complaint closed longer ago than the retention period and not under legal hold. Runs
 * nightly; on several nodes at once each complaint is simply anonymised twice, which changes nothing.
 */
@Component
public class RetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final JdbcClient jdbc;
    private final Anonymiser anonymiser;
    private final RetentionProperties retention;
    private final Clock clock;

    public RetentionJob(JdbcClient jdbc, Anonymiser anonymiser, RetentionProperties retention, Clock clock) {
        this.jdbc = jdbc;
        this.anonymiser = anonymiser;
        this.retention = retention;
        this.clock = clock;
    }

    @Scheduled(cron = "${complaints.retention.schedule:0 30 2 * * *}")
    public void runScheduled() {
        int done = anonymiseExpired();
        if (done > 0) {
            LOG.info("Retention: personal data of {} closed complaint(s) removed", done);
        }
    }

    /** @return how many complaints were anonymised */
    public int anonymiseExpired() {
        var cutoff = clock.instant()
                .atOffset(ZoneOffset.UTC)
                .minus(retention.afterClosure())
                .toInstant();
        int total = 0;
        while (true) {
            List<Long> due = jdbc.sql("""
                    select id from cmp_complaint
                    where closed_at < ? and anonymised_at is null and legal_hold = false
                    order by closed_at""").param(Jdbc.ts(cutoff)).query(Long.class).list().stream()
                    .limit(retention.batchSize())
                    .toList();
            if (due.isEmpty()) {
                return total;
            }
            for (Long id : due) {
                anonymiser.anonymise(
                        id, "retention period of " + retention.afterClosure() + " after closure passed", "system");
                total++;
            }
        }
    }
}
