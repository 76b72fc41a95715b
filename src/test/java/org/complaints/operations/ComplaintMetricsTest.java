package org.complaints.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.complaints.SharedApplication;
import org.complaints.analysis.ReportRollup;
import org.complaints.register.ComplaintStage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The operators' figures count what the register holds: open complaints per stage, overdue ones, recorded SLA
 * misses, and the closed ones both before and after the report roll-up has taken them out of the live rows.
 * Compared as differences, so complaints other work left in the register do not matter.
 */
@SharedApplication
class ComplaintMetricsTest {

    private static final Duration DAY = Duration.ofDays(1);

    @Autowired
    ComplaintMetrics metrics;

    @Autowired
    ReportRollup rollup;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Test
    void figuresCountTheRegisterBeforeAndAfterTheRollUp() {
        rollup.rollUpNow();
        ComplaintMetrics.Snapshot before = metrics.read();
        Instant now = clock.instant();
        // open: one overdue (deadline passed, no decision), one in time, one decided late but decided (not overdue)
        insert("CMP-2018-900001", ComplaintStage.ASSESSMENT, now.minus(DAY), null, null, true, null, null);
        insert("CMP-2018-900002", ComplaintStage.ASSESSMENT, now.plus(DAY), null, null, true, true, null);
        insert(
                "CMP-2018-900003",
                ComplaintStage.INVESTIGATION,
                now.minus(DAY),
                now.minus(DAY.multipliedBy(2)),
                null,
                false,
                true,
                null);
        // closed: one answered late, one assessed late
        insert(
                "CMP-2018-900004",
                ComplaintStage.CLOSED,
                now.minus(DAY),
                now.minus(DAY.multipliedBy(2)),
                now,
                true,
                true,
                false);
        insert("CMP-2018-900005", ComplaintStage.CLOSED, now.plus(DAY), now, now, true, false, true);

        ComplaintMetrics.Snapshot after = metrics.read();
        assertThat(after.received() - before.received()).isEqualTo(5);
        assertThat(after.closed() - before.closed()).isEqualTo(2);
        assertThat(open(after, ComplaintStage.ASSESSMENT) - open(before, ComplaintStage.ASSESSMENT))
                .isEqualTo(2);
        assertThat(open(after, ComplaintStage.INVESTIGATION) - open(before, ComplaintStage.INVESTIGATION))
                .isEqualTo(1);
        assertThat(open(after, ComplaintStage.CLOSED)).isZero();
        assertThat(after.overdue() - before.overdue()).isEqualTo(1);
        assertThat(after.ackMissed() - before.ackMissed()).isEqualTo(1);
        assertThat(after.assessmentMissed() - before.assessmentMissed()).isEqualTo(1);
        assertThat(after.responseMissed() - before.responseMissed()).isEqualTo(1);

        rollup.rollUpNow();
        assertThat(jdbc.queryForObject(
                        "select count(*) from cmp_complaint where reference like 'CMP-2018-9000%' "
                                + "and rolled_up = true",
                        Long.class))
                .as("the closed ones rolled up")
                .isEqualTo(2);
        ComplaintMetrics.Snapshot rolledUp = metrics.read();
        assertThat(rolledUp.received()).isEqualTo(after.received());
        assertThat(rolledUp.closed()).isEqualTo(after.closed());
        assertThat(rolledUp.openByStage()).isEqualTo(after.openByStage());
        assertThat(rolledUp.overdue()).isEqualTo(after.overdue());
        assertThat(rolledUp.ackMissed()).isEqualTo(after.ackMissed());
        assertThat(rolledUp.assessmentMissed()).isEqualTo(after.assessmentMissed());
        assertThat(rolledUp.responseMissed()).isEqualTo(after.responseMissed());
    }

    private static long open(ComplaintMetrics.Snapshot snapshot, ComplaintStage stage) {
        return snapshot.openByStage().getOrDefault(stage, 0L);
    }

    private void insert(
            String reference,
            ComplaintStage stage,
            Instant deadline,
            Instant decided,
            Instant closed,
            Boolean ackInTime,
            Boolean assessedInTime,
            Boolean answeredInTime) {
        Instant received = clock.instant().minus(DAY.multipliedBy(5));
        jdbc.update(
                """
                insert into cmp_complaint (reference, stage, channel, received_at, complainant_name, complainant_email,
                    language, product_or_service, description, category, response_deadline, first_decided_at, closed_at,
                    ack_sla_met, assessment_sla_met, response_sla_met)
                values (?, ?, 'web', ?, 'Seeded', 'seeded@example.org', 'en', 'Broadband', 'Seeded for the metrics',
                    'service', ?, ?, ?, ?, ?, ?)""",
                reference,
                stage.name(),
                ts(received),
                ts(deadline),
                ts(decided),
                ts(closed),
                ackInTime,
                assessedInTime,
                answeredInTime);
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
