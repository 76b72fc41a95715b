package org.complaints.operations;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.complaints.mail.MailOutbox;
import org.complaints.register.Channels;
import org.complaints.register.ComplaintStage;
import org.complaints.register.Jdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Prometheus figures for operators: complaints received (per channel) and closed, open ones per
 * stage, overdue ones and recorded SLA misses, open incidents and the due-job backlog. Read from the register and
 * the engine every {@code complaints.metrics.refresh} (a snapshot, so a scrape never queries the database), and
 * the mail outbox (pending, the oldest pending one's age, failed). E-mails sent and failed are counted where they
 * are sent ({@code SmtpDelivery}).
 */
@Component
public class ComplaintMetrics implements MeterBinder {

    /** The figures of one refresh. */
    record Snapshot(
            long received,
            Map<String, Long> receivedByChannel,
            long closed,
            Map<ComplaintStage, Long> openByStage,
            long overdue,
            long ackMissed,
            long assessmentMissed,
            long responseMissed,
            long incidents,
            long dueJobs,
            MailOutbox.Figures outbox) {}

    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final MailOutbox outbox;
    private final Clock clock;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();

    public ComplaintMetrics(
            JdbcClient jdbc, RuntimeService runtime, ManagementService management, MailOutbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.management = management;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        // one series per channel, also for channels nothing came through yet: a dashboard sums or compares them
        for (String channel : Channels.ALL) {
            FunctionCounter.builder(
                            "complaints.received",
                            this,
                            m -> m.current().receivedByChannel().getOrDefault(channel, 0L))
                    .tag("channel", channel)
                    .description("Complaints registered, by the channel they came through")
                    .register(registry);
        }
        FunctionCounter.builder("complaints.closed", this, m -> m.current().closed())
                .description("Complaints closed")
                .register(registry);
        for (ComplaintStage stage : ComplaintStage.values()) {
            if (stage != ComplaintStage.CLOSED) {
                Gauge.builder(
                                "complaints.open",
                                this,
                                m -> m.current().openByStage().getOrDefault(stage, 0L))
                        .tag("stage", stage.name().toLowerCase())
                        .description("Open complaints per stage")
                        .register(registry);
            }
        }
        Gauge.builder("complaints.overdue", this, m -> m.current().overdue())
                .description("Open complaints past their committed response date without an answer")
                .register(registry);
        Map<String, java.util.function.ToDoubleFunction<ComplaintMetrics>> misses = Map.of(
                "acknowledgement", m -> m.current().ackMissed(),
                "assessment", m -> m.current().assessmentMissed(),
                "response", m -> m.current().responseMissed());
        misses.forEach((stage, value) -> FunctionCounter.builder("complaints.sla.breaches", this, value)
                .tag("stage", stage)
                .description("Time limits recorded as missed")
                .register(registry));
        Gauge.builder("complaints.incidents.open", this, m -> m.current().incidents())
                .description("Open engine incidents (e.g. an e-mail that could not be sent)")
                .register(registry);
        Gauge.builder("complaints.jobs.due", this, m -> m.current().dueJobs())
                .description("Engine jobs due now and not yet done (timers, asynchronous steps)")
                .register(registry);
        Gauge.builder(
                        "complaints.emails.outbox.pending",
                        this,
                        m -> m.current().outbox().pending())
                .description("E-mails in the outbox waiting to be sent (also between retries)")
                .register(registry);
        Gauge.builder(
                        "complaints.emails.outbox.oldest.age",
                        this,
                        m -> m.current().outbox().oldestPending().toMillis() / 1000.0)
                .baseUnit("seconds")
                .description("How long the oldest pending e-mail has been waiting")
                .register(registry);
        Gauge.builder(
                        "complaints.emails.outbox.failed",
                        this,
                        m -> m.current().outbox().failed())
                .description("E-mails given up after their retries, each with an incident, until retried")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${complaints.metrics.refresh:PT30S}")
    public void refresh() {
        snapshot.set(read());
    }

    Snapshot current() {
        Snapshot current = snapshot.get();
        if (current == null) {
            current = read();
            snapshot.set(current);
        }
        return current;
    }

    /** Reads the figures now (the scheduled refresh and the tests). */
    Snapshot read() {
        // closed complaints from the report roll-up, the rest (open, or closed since the last roll-up) one by one:
        // no scrape reads a million rows
        Map<String, Long> counts = new java.util.HashMap<>();
        jdbc.sql("select key1, sum(n) as n from cmp_report_day where dimension = 'flag' and key1 in "
                        + "('received', 'closed', 'ack_missed', 'assessment_missed', 'response_missed') group by key1")
                .query(rs -> {
                    counts.merge(rs.getString("key1"), rs.getLong("n"), Long::sum);
                });
        Map<String, Long> byChannel = new java.util.TreeMap<>();
        jdbc.sql("select key1, sum(n) as n from cmp_report_day where dimension = 'channel_category' group by key1")
                .query(rs -> {
                    byChannel.merge(rs.getString("key1"), rs.getLong("n"), Long::sum);
                });
        Map<ComplaintStage, Long> open = new EnumMap<>(ComplaintStage.class);
        long[] overdue = {0};
        // one pass over the complaints not rolled up (every open one, and those closed since the last roll-up): each
        // pass reads every open complaint, so all these figures come from one (bench/FINDINGS.md, 'Operators' metrics')
        jdbc.sql("""
                select stage, channel, closed_at is null as still_open, count(*) as received,
                       count(closed_at) as closed,
                       count(case when ack_sla_met = false then 1 end) as ack_missed,
                       count(case when assessment_sla_met = false then 1 end) as assessment_missed,
                       count(case when response_sla_met = false then 1 end) as response_missed,
                       count(case when first_decided_at is null and response_deadline < ? then 1 end) as overdue
                from cmp_complaint where rolled_up = false group by stage, channel, closed_at is null""").param(Jdbc.ts(clock.instant())).query(rs -> {
            for (String key : List.of("received", "closed", "ack_missed", "assessment_missed", "response_missed")) {
                counts.merge(key, rs.getLong(key), Long::sum);
            }
            byChannel.merge(rs.getString("channel"), rs.getLong("received"), Long::sum);
            if (rs.getBoolean("still_open")) {
                open.merge(ComplaintStage.valueOf(rs.getString("stage")), rs.getLong("received"), Long::sum);
                overdue[0] += rs.getLong("overdue");
            }
        });
        return new Snapshot(
                n(counts, "received"),
                byChannel,
                n(counts, "closed"),
                open,
                overdue[0],
                n(counts, "ack_missed"),
                n(counts, "assessment_missed"),
                n(counts, "response_missed"),
                runtime.createIncidentQuery().count(),
                management.createJobQuery().executable().count(),
                outbox.figures(clock.instant()));
    }

    private static long n(Map<String, Long> counts, String key) {
        return counts.getOrDefault(key, 0L);
    }
}
