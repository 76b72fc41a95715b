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

/**
 * How long the reports take over many closed complaints (ISO 10002 issue target: one million closed complaints,
 * at most one second), through HTTP as staff use them, on PostgreSQL. Prints the figures and writes them to
 * target/benchmarks/reports.md; asserts only that the answers are right, never a time (machines are noisy).
 * Run with {@code ./mvnw verify -Pbench} (size: {@code -Dbench.reports.complaints=1000000}).
 */
class ReportsBenchmark extends PostgresApplicationTestSupport {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final int RUNS = 10;

    @Autowired JdbcTemplate template;

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
            SeededComplaint.insert(template, SeededComplaint.random(part, n, from.atStartOfDay(ZONE).toInstant(),
                    to.plusDays(1).atStartOfDay(ZONE).toInstant(), "CMP-2018-" + (part / 100_000) + "-"), text);
        }
        // as autovacuum would after a day's inserts: statistics and the visibility map for index-only scans
        template.execute("vacuum analyze cmp_complaint");
        double seedSeconds = (System.nanoTime() - seeding) / 1e9;
        long tableBytes = template.queryForObject("select pg_total_relation_size('cmp_complaint')", Long.class);

        // the plans behind the figures, so a slow figure shows its cause in the output
        for (String query : List.of(
                "select count(*), count(closed_at) from cmp_complaint where received_at >= '2018-01-01' and received_at < '2019-01-01'",
                "select percentile_cont(0.5) within group (order by extract(epoch from acknowledged_at) - extract(epoch from received_at)) "
                        + "from cmp_complaint where received_at >= '2018-01-01' and received_at < '2019-01-01' and acknowledged_at is not null")) {
            System.out.println("EXPLAIN " + query);
            template.queryForList("explain (analyze, buffers) " + query, String.class).forEach(System.out::println);
        }
        List<String> rows = new ArrayList<>();
        rows.add(measure("JSON, a year (weekly buckets)", "/api/staff/reports/performance?from=2018-01-01&to=2018-12-31"));
        rows.add(measure("JSON, a month (daily buckets)", "/api/staff/reports/performance?from=2018-06-01&to=2018-06-30"));
        rows.add(measure("reports page, a year", "/staff/reports?from=2018-01-01&to=2018-12-31"));
        rows.add(measure("CSV, a year", "/api/staff/reports/performance.csv?from=2018-01-01&to=2018-12-31"));

        Reply year = appCall("quality", HttpMethod.GET, "/api/staff/reports/performance?from=2018-01-01&to=2018-12-31", null);
        assertThat(year.json().path("totals").path("received").asLong()).isEqualTo(size);

        StringBuilder out = new StringBuilder();
        out.append("## Reports over ").append(String.format("%,d", size)).append(" complaints (PostgreSQL, embedded)\n\n")
                .append("Seeded in ").append(String.format("%.1f", seedSeconds)).append(" s; table with indexes ")
                .append(tableBytes / (1024 * 1024)).append(" MB. ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(", max heap ")
                .append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MB.\n\n")
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
