package org.complaints.complaintfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.complaints.PostgresApplicationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How fast the staff search answers over many complaints (issue target at 1,000,000: p95 under 200 ms for a
 * reference or an e-mail address, under 1 s for words of the description; totals counted up to
 * {@link ComplaintSearch#TOTAL_CAP}), through HTTP as staff call it, on
 * PostgreSQL, for a complaint manager (every complaint) and a handler (the engine's grants decide). Prints the
 * figures and writes them to target/benchmarks/search.md; asserts only that the answers are right, never a time.
 * Run with {@code ./mvnw verify -Pbench} (size: {@code -Dbench.search.complaints=1000000}).
 */
class ComplaintSearchBenchmark extends PostgresApplicationTestSupport {

    private static final int RUNS = 40;

    @Autowired
    JdbcTemplate template;

    @Test
    void searchOverManyComplaints() throws Exception {
        int size = Integer.getInteger("bench.search.complaints", 1_000_000);
        long seeding = System.nanoTime();
        // closed and open complaints of distinct people, each description with a few rare words (md5 pieces) in
        // a realistic width of common ones
        for (int part = 0; part < size; part += 100_000) {
            int n = Math.min(100_000, size - part);
            template.update("""
                    insert into cmp_complaint (reference, stage, channel, received_at, complainant_name,
                        complainant_email, complainant_phone, language, product_or_service, description, priority,
                        handling_group, response_deadline, closed_at)
                    select 'CMP-' || (2010 + n / 1000000) || '-' || lpad((n % 1000000)::text, 6, '0'),
                        case when n % 10 = 0 then 'INVESTIGATION' else 'CLOSED' end,
                        'web', timestamp with time zone '2019-01-01 00:00+00' + (n || ' minutes')::interval,
                        'Person' || n || ' Surname' || (n % 5000), 'person' || n || '@bench.example.org',
                        '+31 6 ' || (10000000 + n), 'en', 'Product ' || (n % 60),
                        'The engineer did not come on the agreed day and nobody called to say so. '
                            || substr(md5(n::text), 1, 8) || ' ' || substr(md5((n + 1)::text), 1, 8)
                            || ' the parcel was late the invoice was wrong the service was poor.',
                        case n % 3 when 0 then 'high' when 1 then 'medium' else 'low' end,
                        'complaint-handlers',
                        timestamp with time zone '2019-02-01 00:00+00' + (n || ' minutes')::interval,
                        case when n % 10 = 0 then null
                             else timestamp with time zone '2019-01-20 00:00+00' + (n || ' minutes')::interval end
                    from generate_series(?::int, ?::int) n""", part + 1, part + n);
        }
        template.execute("analyze cmp_complaint");
        double seedSeconds = (System.nanoTime() - seeding) / 1e9;
        long tableBytes = template.queryForObject("select pg_total_relation_size('cmp_complaint')", Long.class);
        int probe = Math.max(1, size / 2 + 7);
        String reference = String.format("CMP-%d-%06d", 2010 + probe / 1_000_000, probe % 1_000_000);
        String word = template.queryForObject("select substr(md5(?::text), 1, 8)", String.class, String.valueOf(probe));

        List<String> rows = new ArrayList<>();
        for (String user : List.of("manager", "handler")) {
            rows.add(measure(user, "reference", "q=" + reference, 1));
            rows.add(measure(user, "start of a reference", "q=" + reference.substring(0, reference.length() - 2), -1));
            rows.add(measure(user, "e-mail", "q=PERSON" + probe + "@bench.example.org", 1));
            rows.add(measure(user, "phone", "q=316" + (10000000 + probe), 1));
            rows.add(measure(user, "a rare word of the description", "q=" + word, -1));
            rows.add(measure(user, "common words of the description, first page", "q=invoice+wrong", -1));
            rows.add(measure(user, "open and overdue, first page", "overdue=true&sort=deadline", -1));
        }

        StringBuilder out = new StringBuilder();
        out.append("## Staff search over ")
                .append(String.format("%,d", size))
                .append(" complaints (PostgreSQL, embedded)\n\n")
                .append(String.format("Seeded in %.1f s; table with indexes %d MB. ", seedSeconds, tableBytes >> 20))
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ")
                .append(System.getProperty("java.version"))
                .append(".\n\n| who | search | runs | p50 ms | p95 ms | found |\n|---|---|---|---|---|---|\n");
        rows.forEach(row -> out.append(row).append('\n'));
        System.out.println(out);
        Path file = Path.of("target", "benchmarks", "search.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
    }

    /** One warm-up call, then {@link #RUNS} timed calls; {@code expected} total, or -1 for "at least one". */
    private String measure(String user, String name, String query, long expected) {
        String path = "/api/staff/complaints?" + query;
        Reply warmUp = appCall(user, HttpMethod.GET, path, null);
        assertThat(warmUp.status()).as(warmUp.body()).isEqualTo(200);
        long total = warmUp.json().path("total").asLong();
        boolean capped = warmUp.json().path("totalCapped").asBoolean();
        if ("manager".equals(user)) {
            if (expected >= 0) {
                assertThat(total).as(name).isEqualTo(expected);
            } else {
                assertThat(total).as(name).isPositive();
            }
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            Reply reply = appCall(user, HttpMethod.GET, path, null);
            millis.add((System.nanoTime() - start) / 1e6);
            assertThat(reply.status()).isEqualTo(200);
        }
        Collections.sort(millis);
        return String.format(
                "| %s | %s | %d | %.0f | %.0f | %s%,d |",
                user,
                name,
                RUNS,
                millis.get(RUNS / 2),
                millis.get((int) Math.ceil(RUNS * 0.95) - 1),
                capped ? "more than " : "",
                total);
    }
}
