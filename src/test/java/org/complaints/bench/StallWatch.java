package org.complaints.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Transactions open for more than ten seconds, printed while the benchmark runs with what they wait for and the
 * Java stacks of the application's threads: a request the load generator gives up on (60 s) leaves the reason
 * in the log. At most a few reports, so a long stall does not bury the run's output.
 */
final class StallWatch implements AutoCloseable {

    private static final int MAX_REPORTS = 12;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-stall-watch");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger reports = new AtomicInteger();
    private final AtomicInteger stalls = new AtomicInteger();

    StallWatch(JdbcTemplate jdbc) {
        timer.scheduleWithFixedDelay(() -> look(jdbc), 5, 5, TimeUnit.SECONDS);
    }

    /** How many times a transaction open for more than ten seconds was seen. */
    int stallsSeen() {
        return stalls.get();
    }

    private void look(JdbcTemplate jdbc) {
        try {
            List<String> open = jdbc.query(
                    """
                    select pid, state, wait_event_type, wait_event, round(extract(epoch from now() - xact_start)) as seconds,
                           pg_blocking_pids(pid) as blockers, left(regexp_replace(query, '\\s+', ' ', 'g'), 240) as query
                    from pg_stat_activity
                    where datname = current_database() and pid <> pg_backend_pid()
                      and xact_start < now() - interval '10 seconds'
                    order by xact_start""",
                    (rs, n) -> String.format(
                            "pid %d %s, %ss, waits %s/%s on %s: %s",
                            rs.getInt("pid"),
                            rs.getString("state"),
                            rs.getString("seconds"),
                            rs.getString("wait_event_type"),
                            rs.getString("wait_event"),
                            rs.getString("blockers"),
                            rs.getString("query")));
            if (open.isEmpty()) {
                return;
            }
            stalls.incrementAndGet();
            if (reports.incrementAndGet() > MAX_REPORTS) {
                return;
            }
            StringBuilder report = new StringBuilder("STALL: transactions open for more than 10 s\n");
            open.forEach(line -> report.append("  ").append(line).append('\n'));
            for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
                boolean application = Arrays.stream(thread.getStackTrace())
                        .anyMatch(frame -> frame.getClassName().startsWith("org.complaints.")
                                && !frame.getClassName().startsWith("org.complaints.bench."));
                if (application) {
                    report.append("  thread ")
                            .append(thread.getThreadName())
                            .append(' ')
                            .append(thread.getThreadState())
                            .append('\n')
                            .append(Arrays.stream(thread.getStackTrace())
                                    .limit(45)
                                    .map(frame -> "    at " + frame)
                                    .collect(Collectors.joining("\n")))
                            .append('\n');
                }
            }
            System.out.print(report);
        } catch (RuntimeException e) {
            System.out.println("stall watch: " + e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
