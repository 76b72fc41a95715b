package org.complaints.analysis;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.complaints.deadlines.DeadlineProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds closed complaints to the report roll-up ({@code cmp_report_day}, {@code cmp_report_duration}) and marks
 * them rolled up: a closed complaint's reported columns never change again, so a report over a million closed
 * complaints reads a few thousand day totals instead of a million rows. Until the next run (every minute), a
 * newly closed complaint is tallied live like an open one, so reports are never behind. One node at a time: each
 * batch holds the row lock of {@code cmp_report_lock}.
 */
@Service
public class ReportRollup {

    private static final Logger LOG = LoggerFactory.getLogger(ReportRollup.class);
    private static final int BATCH = 5000;

    private final JdbcClient jdbc;
    private final ZoneId zone;
    private final Clock clock;
    private final TransactionTemplate transaction;

    public ReportRollup(
            JdbcClient jdbc, DeadlineProperties deadlines, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.zone = deadlines.zone();
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Scheduled(
            fixedDelayString = "${complaints.reporting.rollup-interval:PT1M}",
            initialDelayString = "${complaints.reporting.rollup-initial-delay:PT20S}")
    public void scheduled() {
        try {
            rollUpNow();
        } catch (RuntimeException e) {
            // the next run tries again; reports stay right meanwhile (not rolled-up complaints are tallied live)
            LOG.warn("Report roll-up failed; retrying at the next run: {}", e.toString());
        }
    }

    /** Rolls up every closed complaint not yet rolled up; returns how many. */
    public long rollUpNow() {
        long total = 0;
        while (true) {
            Integer done = transaction.execute(status -> rollUpBatch());
            if (done == null || done == 0) {
                return total;
            }
            total += done;
        }
    }

    private int rollUpBatch() {
        jdbc.sql("select id from cmp_report_lock where id = 1 for update")
                .query(Integer.class)
                .single();
        List<Long> ids = new ArrayList<>();
        Tally tally = new Tally();
        // a complaint whose e-mail is still in the outbox may yet change its acknowledgement or answer time
        jdbc.sql("select id, " + ReportFacts.COLUMNS + " from cmp_complaint where rolled_up = false "
                        + "and closed_at is not null and not exists (select 1 from cmp_mail_outbox o "
                        + "where o.complaint_id = cmp_complaint.id and o.status in ('PENDING', 'FAILED')) "
                        + "order by received_at, id fetch first " + BATCH + " rows only")
                .query(rs -> {
                    ids.add(rs.getLong("id"));
                    ReportFacts.read(rs).addTo(tally, zone, clock.instant());
                });
        if (ids.isEmpty()) {
            return 0;
        }
        for (Map.Entry<Tally.Key, Long> entry : tally.counts().entrySet()) {
            Tally.Key key = entry.getKey();
            Object[] where = {Date.valueOf(key.day()), key.dimension(), cut(key.key1(), 200), cut(key.key2(), 40)};
            int updated = jdbc.sql(
                            "update cmp_report_day set n = n + ? where received_day = ? and dimension = ? and key1 = ? "
                                    + "and key2 = ?")
                    .params(entry.getValue(), where[0], where[1], where[2], where[3])
                    .update();
            if (updated == 0) {
                jdbc.sql("insert into cmp_report_day (received_day, dimension, key1, key2, n) values (?, ?, ?, ?, ?)")
                        .params(where[0], where[1], where[2], where[3], entry.getValue())
                        .update();
            }
        }
        for (Map.Entry<Tally.DurationKey, Long> entry : tally.durations().entrySet()) {
            Tally.DurationKey key = entry.getKey();
            addDuration(key.day(), key.measure(), key.bucket(), entry.getValue());
        }
        jdbc.sql("update cmp_complaint set rolled_up = true where id in ("
                        + String.join(",", ids.stream().map(String::valueOf).toList()) + ")")
                .update();
        return ids.size();
    }

    /**
     * Takes a closed complaint back out of the roll-up before it is reopened: its reported columns are about to
     * change, so what it added to the day totals is subtracted and it is tallied live again, like an open one. In
     * the caller's transaction, under the roll-up's lock; nothing to do for a complaint not rolled up.
     */
    public void takeOut(long complaintId) {
        jdbc.sql("select id from cmp_report_lock where id = 1 for update")
                .query(Integer.class)
                .single();
        Tally tally = new Tally();
        boolean rolledUp = !jdbc.sql(
                        "select " + ReportFacts.COLUMNS + " from cmp_complaint where id = ? and rolled_up = true")
                .param(complaintId)
                .query((rs, n) -> {
                    ReportFacts.read(rs).addTo(tally, zone, clock.instant());
                    return true;
                })
                .list()
                .isEmpty();
        if (!rolledUp) {
            return;
        }
        for (Map.Entry<Tally.Key, Long> entry : tally.counts().entrySet()) {
            Tally.Key key = entry.getKey();
            jdbc.sql("update cmp_report_day set n = n - ? where received_day = ? and dimension = ? and key1 = ? "
                            + "and key2 = ?")
                    .params(
                            entry.getValue(),
                            Date.valueOf(key.day()),
                            key.dimension(),
                            cut(key.key1(), 200),
                            cut(key.key2(), 40))
                    .update();
        }
        for (Map.Entry<Tally.DurationKey, Long> entry : tally.durations().entrySet()) {
            Tally.DurationKey key = entry.getKey();
            addDuration(key.day(), key.measure(), key.bucket(), -entry.getValue());
        }
        jdbc.sql("update cmp_complaint set rolled_up = false where id = ?")
                .param(complaintId)
                .update();
    }

    private void addDuration(LocalDate day, String measure, int bucket, long n) {
        int updated = jdbc.sql(
                        "update cmp_report_duration set n = n + ? where received_day = ? and measure = ? and bucket = ?")
                .params(n, Date.valueOf(day), measure, bucket)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into cmp_report_duration (received_day, measure, bucket, n) values (?, ?, ?, ?)")
                    .params(Date.valueOf(day), measure, bucket, n)
                    .update();
        }
    }

    private static String cut(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length);
    }
}
