package org.complaints.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.complaints.PostgresApplicationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * How long the reports take over many closed complaints (ISO 10002 issue target: one million closed complaints,
 * at most one second), through HTTP as staff use them, on PostgreSQL. Prints the figures and writes them to
 * target/benchmarks/reports.md; asserts only that the answers are right, never a time (machines are noisy).
 * Run with {@code ./mvnw verify -Pbench} (size: {@code -Dbench.reports.complaints=1000000}).
 */
// the roll-up runs when the benchmark says, so its throughput is measured alone
@TestPropertySource(
        properties = {
            "complaints.reporting.rollup-initial-delay=PT10000H",
            "complaints.reporting.rollup-interval=PT10000H"
        })
class ReportsBenchmark extends PostgresApplicationTestSupport {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final int RUNS = 10;

    @Autowired
    JdbcTemplate template;

    @Autowired
    ReportRollup rollup;

    @Test
    void reportsOverManyClosedComplaints() throws Exception {
        int size = Integer.getInteger("bench.reports.complaints", 1_000_000);
        LocalDate from = LocalDate.of(2018, 1, 1);
        LocalDate to = LocalDate.of(2018, 12, 31);
        long seeding = System.nanoTime();
        // a realistic width: the free texts are what a full table scan would have to read
        String text = "The engineer did not come on the agreed day, and nobody called to say so. ".repeat(7);
        for (int part = 0; part < size; part += 100_000) {
            int n = Math.min(100_000, size - part);
            SeededComplaint.insert(
                    template,
                    SeededComplaint.random(
                            part,
                            n,
                            from.atStartOfDay(ZONE).toInstant(),
                            to.plusDays(1).atStartOfDay(ZONE).toInstant(),
                            "CMP-2018-" + (part / 100_000) + "-",
                            true),
                    text);
        }
        template.execute("analyze cmp_complaint");
        double seedSeconds = (System.nanoTime() - seeding) / 1e9;
        // the roll-up of closed complaints, as the scheduled job does it in the background
        long rolling = System.nanoTime();
        long rolledUp = rollup.rollUpNow();
        assertThat(rolledUp).isEqualTo(size);
        double rollUpSeconds = (System.nanoTime() - rolling) / 1e9;
        template.execute("analyze");
        long tableBytes = template.queryForObject("select pg_total_relation_size('cmp_complaint')", Long.class);

        List<String> rows = new ArrayList<>();
        rows.add(measure(
                "JSON, a year (weekly buckets)", "/api/staff/reports/performance?from=2018-01-01&to=2018-12-31"));
        rows.add(measure(
                "JSON, a month (daily buckets)", "/api/staff/reports/performance?from=2018-06-01&to=2018-06-30"));
        rows.add(measure("reports page, a year", "/staff/reports?from=2018-01-01&to=2018-12-31"));
        rows.add(measure("CSV, a year", "/api/staff/reports/performance.csv?from=2018-01-01&to=2018-12-31"));

        Reply year = appCall(
                "quality", HttpMethod.GET, "/api/staff/reports/performance?from=2018-01-01&to=2018-12-31", null);
        assertThat(year.json().path("totals").path("received").asLong()).isEqualTo(size);

        StringBuilder out = new StringBuilder();
        out.append("## Reports over ")
                .append(String.format("%,d", size))
                .append(" complaints (PostgreSQL, embedded)\n\n")
                .append("Seeded in ")
                .append(String.format("%.1f", seedSeconds))
                .append(" s; table with indexes ")
                .append(tableBytes / (1024 * 1024))
                .append(" MB. ")
                .append(String.format(
                        "Roll-up of %,d closed complaints: %.1f s (%,.0f/s). ",
                        rolledUp, rollUpSeconds, rolledUp / rollUpSeconds))
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ")
                .append(System.getProperty("java.version"))
                .append(", max heap ")
                .append(Runtime.getRuntime().maxMemory() / (1024 * 1024))
                .append(" MB.\n\n")
                .append("| request | runs | median ms | max ms |\n|---|---|---|---|\n");
        rows.forEach(row -> out.append(row).append('\n'));
        System.out.println(out);
        Path file = Path.of("target", "benchmarks", "reports.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
    }

    /** One warm-up call, then {@link #RUNS} timed calls one after another. */
    private String measure(String name, String path) {
        Reply warmUp = appCall("quality", HttpMethod.GET, path, null);
        assertThat(warmUp.status()).as(warmUp.body()).isEqualTo(200);
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            Reply reply = appCall("quality", HttpMethod.GET, path, null);
            millis.add((System.nanoTime() - start) / 1e6);
            assertThat(reply.status()).isEqualTo(200);
        }
        Collections.sort(millis);
        return String.format("| %s | %d | %.0f | %.0f |", name, RUNS, millis.get(RUNS / 2), millis.get(RUNS - 1));
    }
}
