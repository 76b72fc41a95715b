package org.complaints.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.user.GreenMailUser;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.complaints.PostgresApplicationTestSupport;
import org.complaints.security.StaffGroups;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * How much load the application carries on this machine, beside the bare engine on the same database (issue 7):
 * intake over HTTP, the whole lifecycle through the REST API as the demo staff, a handler's Tasklist filter over
 * many open tasks, SLA timers falling due at once, storage per closed complaint and history clean-up, with the
 * heap capped (bench profile). Prints a Markdown table and writes it to {@code bench/results/}; asserts only that
 * the work was done right, never a time.
 * <p>
 * {@code ./mvnw verify -Pbench -Dbench.size=full} (the sizes) or {@code -Dbench.size=smoke} (seconds, run by
 * .ci/run so the harness cannot rot). Each size can be overridden, e.g. {@code -Dbench.open-complaints=20000}.
 */
@Import(RoundTrips.Counting.class)
@TestPropertySource(
        properties = {
            "complaints.intake.max-submissions-per-minute=100000000",
            // the report roll-up and metrics run as in production; the survey would only add mail
            "complaints.survey.enabled=false",
            // the harness's SMTP server logs a line for each recipient it first meets (a mailbox it creates), in the
            // application's JVM and log; a production mail server is elsewhere
            "logging.level.com.icegreen.greenmail=WARN"
        })
class ComplaintHandlingBenchmark extends PostgresApplicationTestSupport {

    private record Sizes(
            int intake,
            int openLoopSeconds,
            int lifecycle,
            int lifecycleClients,
            int openComplaints,
            int dueAtOnce,
            int tasklistQueries,
            int warmUpSeconds) {

        static Sizes of(String size) {
            Sizes base = size.equals("full")
                    ? new Sizes(3000, 60, 500, 16, 100_000, 5000, 200, 300)
                    : new Sizes(100, 4, 8, 4, 200, 50, 20, 0);
            return new Sizes(
                    Integer.getInteger("bench.intake", base.intake),
                    Integer.getInteger("bench.open-loop-seconds", base.openLoopSeconds),
                    Integer.getInteger("bench.lifecycle", base.lifecycle),
                    Integer.getInteger("bench.lifecycle-clients", base.lifecycleClients),
                    Integer.getInteger("bench.open-complaints", base.openComplaints),
                    Integer.getInteger("bench.due-at-once", base.dueAtOnce),
                    Integer.getInteger("bench.tasklist-queries", base.tasklistQueries),
                    Integer.getInteger("bench.warm-up-max-seconds", base.warmUpSeconds));
        }
    }

    private static final int TASKLIST_WARM_UP = 100;
    /** The intake's warm-up goes on in slices of this many seconds until the compiler works less than this in one. */
    private static final int WARM_SLICE_SECONDS = 10;

    private static final long WARM_COMPILE_MS = 500;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Autowired
    DataSource dataSource;

    @Autowired
    HistoryService history;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcTemplate template;

    private Baseline baseline;
    private StallWatch stalls;

    static {
        // before the application starts: its start-up is part of what the heap must hold
        HeapWatch.start();
    }

    @Test
    void complaintHandlingUnderLoad() throws Exception {
        String size = System.getProperty("bench.size", "smoke");
        Sizes sizes = Sizes.of(size);
        Results results = new Results(
                size,
                template.queryForObject("select version()", String.class).replaceAll(" on .*", "")
                        + " (embedded, same machine), full history");
        // the sizes as run (each can be overridden), so a table says what it measured
        results.note("Sizes: " + sizes
                + (System.getProperty("bench.scenarios", "").isBlank()
                        ? ""
                        : "; scenarios " + System.getProperty("bench.scenarios")));
        ScheduledExecutorService mailboxCleaner = Executors.newSingleThreadScheduledExecutor();
        mailboxCleaner.scheduleWithFixedDelay(ComplaintHandlingBenchmark::emptyMailbox, 5, 5, TimeUnit.SECONDS);
        try (Baseline bare = new Baseline(dataSource);
                StallWatch watch = new StallWatch(template)) {
            baseline = bare;
            stalls = watch;
            warmUp();
            scenarios(sizes, results);
        } finally {
            mailboxCleaner.shutdownNow();
        }
    }

    /**
     * The SMTP server keeps every message and a mailbox per address in this JVM's heap, which the 512 MB cap is
     * for the application: 100,000 acknowledgements would fill it. Nothing here reads the mail, so it goes.
     */
    private static void emptyMailbox() {
        try {
            MAILBOX.purgeEmailFromAllMailboxes();
            for (GreenMailUser user : List.copyOf(MAILBOX.getUserManager().listUser())) {
                MAILBOX.getUserManager().deleteUser(user);
            }
        } catch (Exception e) {
            System.out.println("mailbox not emptied this time: " + e);
        }
    }

    private void scenarios(Sizes sizes, Results results) throws Exception {

        // --- the bare engine, one client: the reference for the one-client figures
        Load.Result base1 = baselineRun(1, sizes.intake());
        results.add(
                "baseline: bare engine, start + complete one user task (Java API), 1 client",
                String.valueOf(sizes.intake()),
                base1,
                null,
                roundTripsOf(() -> baselineRun(1, 20), 20),
                "-");
        double baselineSteps = steps(Baseline.PROCESS);
        double baselineRoundTrips = roundTripsOf(() -> baselineRun(1, 50), 50);

        // --- lifecycle first, on a register still small: its storage and round trips are its own
        if (selected("lifecycle")) {
            lifecycle(sizes, results, baselineSteps, baselineRoundTrips);
        }
        if (selected("intake")) {
            intake(sizes, results, baselineSteps);
        }
        if (selected("tasklist") || selected("timers")) {
            // many open complaints waiting for investigation: Tasklist and SLA timers over them
            results.note(seedOpenComplaints(sizes.openComplaints()));
            // the seeding's acknowledgements and e-mails finish first: the queries are measured on a quiet system
            awaitJobsDone();
            awaitMailSent();
            if (selected("tasklist")) {
                tasklist(sizes, results);
            }
            if (selected("timers")) {
                timers(sizes.dueAtOnce(), results);
            }
        }
        if (selected("cleanup")) {
            cleanUp(results);
        }
        results.note(
                "Transactions open for more than 10 s (sampled every 5 s, reported in the log with their waits and "
                        + "stacks): seen " + stalls.stallsSeen() + " time(s)");
        results.figure(
                "memory: heap of the JVM (application, load generator and SMTP server), read at each of its "
                        + HeapWatch.collections() + " collections",
                "whole run",
                String.format(
                        "at most %d MB used, at most %d MB "
                                + "live after a collection; cap %d MB, every scenario completed under it",
                        HeapWatch.mostUsedMegabytes(),
                        HeapWatch.largestLiveMegabytes(),
                        Runtime.getRuntime().maxMemory() / (1024 * 1024)),
                "heap capped at 512 MB");
        results.note("Written to " + results.write());
    }

    /**
     * -Dbench.scenarios=intake,timers runs only those (lifecycle, intake, tasklist, timers, cleanup); all by default.
     */
    private static boolean selected(String scenario) {
        String only = System.getProperty("bench.scenarios", "");
        return only.isBlank() || List.of(only.split(",")).contains(scenario);
    }

    private void lifecycle(Sizes sizes, Results results, double baselineSteps, double baselineRoundTrips)
            throws Exception {
        // the bare engine's own storage per step, the floor under any process on this engine
        Map<String, Long> baselineTablesBefore = tableBytes();
        int baselineOps = Math.max(500, sizes.lifecycle() * 4);
        baselineRun(1, baselineOps);
        double baselineBytesPerStep =
                (double) retainedGrowth(baselineTablesBefore, tableBytes()) / (baselineOps * baselineSteps);

        long databaseBefore = databaseBytes();
        Map<String, Long> tablesBefore = tableBytes();
        long roundTripsBefore = RoundTrips.now();
        long activitiesBefore = activityInstances();
        Map<String, Long> lifecycleStatements = RoundTrips.byStatement();
        Load.Result lifecycle = Load.closed(sizes.lifecycleClients(), sizes.lifecycle(), i -> lifecycle());
        assertThat(lifecycle.failures()).isZero();
        awaitJobsDone();
        double lifecycleRoundTrips = (double) (RoundTrips.now() - roundTripsBefore) / sizes.lifecycle();
        double allSteps = (double) (activityInstances() - activitiesBefore) / sizes.lifecycle();
        long databaseAfter = databaseBytes();
        results.note(topStatements("Lifecycle", lifecycleStatements, sizes.lifecycle()));
        double complaintSteps = steps("complaint-handling");
        Load.Result baseLifecycle = baselineRun(sizes.lifecycleClients(), sizes.lifecycle() * 4);
        double expected = complaintSteps * baselineRoundTrips / baselineSteps;
        results.add(
                "whole lifecycle: intake to closure, tasks through the REST API as demo staff, "
                        + sizes.lifecycleClients() + " clients",
                String.valueOf(sizes.lifecycle()),
                lifecycle,
                baseLifecycle,
                lifecycleRoundTrips,
                "≥ 40 closed/s; round trips ≤ 1.5 × baseline per step");
        engineCeiling(
                results,
                "whole lifecycle, " + sizes.lifecycleClients() + " clients",
                "closed complaints",
                baseLifecycle,
                baselineSteps,
                allSteps,
                lifecycle);
        results.note(String.format(
                "Lifecycle: %.0f engine steps (activity instances) per closed complaint; the bare "
                        + "engine costs %.1f round trips per step, so the same steps would cost %.0f; measured %.0f "
                        + "(%.2f×, target ≤ 1.5×; includes acknowledgement, decision and closure e-mails, register and "
                        + "audit writes, and the Tasklist-style polling of the clients).",
                complaintSteps,
                baselineRoundTrips / baselineSteps,
                expected,
                lifecycleRoundTrips,
                lifecycleRoundTrips / expected));
        Map<String, Long> tablesAfter = tableBytes();
        StringBuilder largest = new StringBuilder("Storage per closed complaint by table (largest growth): ");
        tablesAfter.entrySet().stream()
                .sorted((a, b) -> Long.compare(
                        b.getValue() - tablesBefore.getOrDefault(b.getKey(), 0L),
                        a.getValue() - tablesBefore.getOrDefault(a.getKey(), 0L)))
                .limit(8)
                .forEach(e -> largest.append(String.format(
                        "%s %.1f KB, ",
                        e.getKey(),
                        (e.getValue() - tablesBefore.getOrDefault(e.getKey(), 0L)) / 1024.0 / sizes.lifecycle())));
        results.note(largest.substring(0, largest.length() - 2) + ".");
        double retained = (double) retainedGrowth(tablesBefore, tablesAfter) / sizes.lifecycle();
        results.figure(
                "storage per closed complaint, history included (history, register, audit; runtime tables "
                        + "excluded: their rows are deleted at closure and the space reused)",
                String.valueOf(sizes.lifecycle()),
                String.format(
                        "%.1f KB (database growth with runtime tables: " + "%.1f KB)",
                        retained / 1024, (databaseAfter - databaseBefore) / 1024.0 / sizes.lifecycle()),
                "≤ 20 KB");
        results.figure(
                "engine floor: the bare engine's own history per step × the steps of one closed complaint",
                String.format("%.0f steps", allSteps),
                String.format(
                        "%.1f KB (%.0f bytes per step; the lifecycle " + "keeps %.2f× that)",
                        baselineBytesPerStep * allSteps / 1024,
                        baselineBytesPerStep,
                        retained / (baselineBytesPerStep * allSteps)),
                "-");
    }

    /** Intake over HTTP, 8 and 32 clients, then an open loop at 50/s. */
    private void intake(Sizes sizes, Results results, double baselineSteps) throws Exception {
        double eightClients = Double.NaN;
        double eightClientsRoundTrips = Double.NaN;
        for (int clients : new int[] {8, 32}) {
            long before = RoundTrips.now();
            long activitiesBefore = activityInstances();
            Map<String, Long> statementsBefore = RoundTrips.byStatement();
            Load.Result intake = Load.closed(clients, sizes.intake(), this::file);
            assertThat(intake.failures()).isZero();
            // the assessment and acknowledgement run after the reply (asynchronous continuation): their steps
            // belong to the intake
            awaitJobsDone();
            double perOp = (double) (RoundTrips.now() - before) / sizes.intake();
            double steps = (double) (activityInstances() - activitiesBefore) / sizes.intake();
            if (clients == 8) {
                results.note(topStatements("Intake", statementsBefore, sizes.intake()));
                eightClients = intake.throughput();
                eightClientsRoundTrips = perOp;
            }
            Load.Result base = baselineRun(clients, sizes.intake());
            results.add(
                    "intake: POST /api/complaints, " + clients + " clients",
                    String.valueOf(sizes.intake()),
                    intake,
                    base,
                    perOp,
                    "≥ 300/s");
            engineCeiling(results, "intake, " + clients + " clients", "complaints", base, baselineSteps, steps, intake);
        }
        results.note("Intake, open loop: " + warmUp(sizes.warmUpSeconds()));
        // the closed-loop runs' e-mails go out first: the open loop carries its own e-mail, not their backlog
        awaitMailSent();
        results.note("Intake, open loop: " + settleDatabase());
        int openOps = 50 * sizes.openLoopSeconds();
        HeapWatch.Pauses pausesBefore = HeapWatch.pauses();
        PgStatements statements = new PgStatements(PostgresApplicationTestSupport::superuserConnection);
        statements.reset();
        CpuMeter.Reading cpuBefore = CpuMeter.read();
        // latency as production has it: without the round-trip counter's proxy on every JDBC call
        Load.Result open = RoundTrips.uncounted(() -> Load.open(50, openOps, 64, this::file));
        String cpu = cpuBefore.since();
        awaitJobsDone();
        statements
                .top("Intake, open loop at 50/s, with its asynchronous steps", 25, openOps)
                .ifPresent(results::note);
        results.note("Intake, open loop at 50/s: " + cpu + "; " + pausesBefore.since() + " (the JVM runs the "
                + "application, the load generator and the SMTP server); " + open.slowSeconds(100));
        assertThat(open.failures()).isZero();
        results.add(
                "intake: POST /api/complaints, open loop at 50/s",
                String.valueOf(openOps),
                open,
                RoundTrips.uncounted(() -> Load.open(50, openOps, 64, i -> baseline.run(i))),
                Double.NaN,
                "p99 < 100 ms");
        // the same arrivals doing only the engine's part of an intake, its asynchronous steps run meanwhile
        baseline.startJobExecutor();
        try {
            statements.reset();
            CpuMeter.Reading engineCpuBefore = CpuMeter.read();
            Load.Result engineOnly = RoundTrips.uncounted(() -> Load.open(50, openOps, 64, i -> baseline.intake(i)));
            results.note("Bare engine doing the intake's engine work, open loop at 50/s: " + engineCpuBefore.since()
                    + "; " + engineOnly.slowSeconds(100));
            assertThat(engineOnly.failures()).isZero();
            awaitJobsDone();
            statements
                    .top("Bare engine doing the intake's engine work, open loop at 50/s", 25, openOps)
                    .ifPresent(results::note);
            results.add(
                    "baseline: bare engine, the intake's engine work (message start with its variables, 3 steps "
                            + "to the asynchronous assessment, then it, 2 steps and the assessment task; 4 event subprocesses), "
                            + "open loop at 50/s",
                    String.valueOf(openOps),
                    engineOnly,
                    null,
                    Double.NaN,
                    "-");
            // the same work as fast as the engine goes, until its asynchronous steps are done too: how much of the
            // two cores 50/s leaves to everything the application does beside the engine
            long started = System.nanoTime();
            long roundTripsBefore = RoundTrips.now();
            Load.Result engineFlat = Load.closed(8, sizes.intake(), i -> baseline.intake(openOps + i));
            assertThat(engineFlat.failures()).isZero();
            awaitJobsDone();
            double engineRate = sizes.intake() / ((System.nanoTime() - started) / 1e9);
            double engineRoundTrips = (double) (RoundTrips.now() - roundTripsBefore) / sizes.intake();
            results.figure(
                    "engine ceiling for intake, measured: the bare engine doing the intake's engine work "
                            + "flat out (8 clients, until its asynchronous steps are done)",
                    String.valueOf(sizes.intake()),
                    String.format(
                            "%.1f complaints/s, %.1f round trips each (50/s is %.0f%% of that rate); the "
                                    + "application's intake at 8 clients %.1f/s, %.1f round trips each (50/s is %.0f%% of "
                                    + "it); the CPU both use at 50/s is in the notes",
                            engineRate,
                            engineRoundTrips,
                            5000 / engineRate,
                            eightClients,
                            eightClientsRoundTrips,
                            5000 / eightClients),
                    "-");
        } finally {
            baseline.stopJobExecutor();
            baseline.deleteIntakes();
        }
    }

    private void tasklist(Sizes sizes, Results results) throws Exception {
        String filter = filterId("Complaint handlers");
        Load.Operation restPage = i -> {
            JsonNode page = JSON.readTree(
                    send("handler", "GET", "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=50", null)
                            .body());
            if (page.size() != 50) {
                throw new IllegalStateException("a page of " + page.size() + " tasks, not 50");
            }
        };
        results.note("Tasklist: " + settleDatabase());
        // no scenario before asks for a filter's page: its code is compiled (JIT) before it is measured, as it
        // would be on a node that has served Tasklist for a while
        Load.closed(1, TASKLIST_WARM_UP, restPage);
        long before = RoundTrips.now();
        Map<String, Long> statementsBefore = RoundTrips.byStatement();
        HeapWatch.Pauses pausesBefore = HeapWatch.pauses();
        Load.Result tasklist = Load.closed(1, sizes.tasklistQueries(), restPage);
        results.note("Tasklist through REST: " + pausesBefore.since());
        double perQuery = (double) (RoundTrips.now() - before) / sizes.tasklistQueries();
        results.note(topStatements("Tasklist", statementsBefore, sizes.tasklistQueries()));
        assertThat(tasklist.failures()).isZero();
        long openTasks = template.queryForObject("select count(*) from act_ru_task", Long.class);
        Load.Result bare = Load.closed(1, sizes.tasklistQueries(), i -> {
            if (baseline.taskPage(StaffGroups.HANDLERS) != 50) {
                throw new IllegalStateException("the bare engine's page is not 50 tasks");
            }
        });
        results.add(
                "baseline: bare engine, the same query (candidate group, page of 50; Java API, no authorization)",
                String.format("%,d open tasks", openTasks),
                bare,
                null,
                Double.NaN,
                "-");
        Load.Result authorized = Load.closed(1, sizes.tasklistQueries(), i -> {
            if (baseline.taskPageAs("handler", List.of(StaffGroups.HANDLERS), StaffGroups.HANDLERS) != 50) {
                throw new IllegalStateException("the bare engine's authorized page is not 50 tasks");
            }
        });
        results.add(
                "baseline: bare engine, the same query with the engine's authorization check as handler (Java "
                        + "API, the application's grants)",
                String.format("%,d open tasks", openTasks),
                authorized,
                bare,
                Double.NaN,
                "-");
        Load.Result counted = Load.closed(1, Math.min(20, sizes.tasklistQueries()), i -> {
            if (baseline.taskCountAs("handler", List.of(StaffGroups.HANDLERS), StaffGroups.HANDLERS) < 50) {
                throw new IllegalStateException("the bare engine counts fewer than 50 tasks");
            }
        });
        results.add(
                "baseline: bare engine, the number of tasks that query finds, with the engine's authorization "
                        + "check as handler, planned as the application plans it (Java API; Tasklist shows it with every "
                        + "page)",
                String.format("%,d open tasks", openTasks),
                counted,
                bare,
                Double.NaN,
                "-");
        results.add(
                "Tasklist: the handler's group filter, page of 50 (REST, as handler)",
                String.format("%,d open tasks", openTasks),
                tasklist,
                bare,
                perQuery,
                "p95 ≤ 20 ms");
        long webappBefore = RoundTrips.now();
        Load.Result webapp = tasklistAsTheWebappAsks(filter, sizes.tasklistQueries());
        results.add(
                "Tasklist: the same page as the Tasklist webapp asks for it (signed in once, HAL with the filter's "
                        + "columns and the count)",
                String.format("%,d open tasks", openTasks),
                webapp,
                bare,
                (double) (RoundTrips.now() - webappBefore) / sizes.tasklistQueries(),
                "p95 ≤ 20 ms");
    }

    /**
     * Tasklist signs in once and then asks through the webapps' API with its session: no password check per
     * request, the user's groups kept in the session; the page comes as HAL with the variables the filter shows as
     * columns and the number of matching tasks.
     */
    private Load.Result tasklistAsTheWebappAsks(String filter, int queries) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        HttpResponse<String> signedIn = signInToTasklist(browser, cookies, "handler");
        if (signedIn.statusCode() != 200) {
            throw new IllegalStateException("Tasklist sign-in: " + signedIn.statusCode() + " " + signedIn.body());
        }
        // signing in starts a new session, with a new CSRF token, which the webapp hands out with its next answer
        HttpResponse<Void> whoAmI = browser.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/camunda/api/admin/auth/user/default"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        String csrf = whoAmI.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        String newestFirst = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
                + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";
        Load.Result pages = Load.closed(1, queries, i -> {
            HttpResponse<String> page = browser.send(
                    HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + port + "/camunda/api/engine/engine/default/filter/"
                                            + filter + "/list?firstResult=0&maxResults=50"))
                            .timeout(Duration.ofSeconds(60))
                            .header("Accept", "application/hal+json")
                            .header("Content-Type", "application/json")
                            .header("X-XSRF-TOKEN", csrf)
                            .POST(HttpRequest.BodyPublishers.ofString(newestFirst))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode hal = JSON.readTree(page.body());
            if (page.statusCode() != 200
                    || hal.path("_embedded").path("task").size() != 50
                    || hal.path("count").asLong() < 50) {
                throw new IllegalStateException("Tasklist's page: " + page.statusCode() + " " + page.body());
            }
        });
        assertThat(pages.failures()).isZero();
        return pages;
    }

    // ------------------------------------------------------------------ scenarios

    private void warmUp() throws Exception {
        Load.closed(4, 40, this::file);
        baselineRun(4, 200);
    }

    private Load.Result baselineRun(int clients, int operations) throws Exception {
        return Load.closed(clients, operations, i -> baseline.run(i));
    }

    /**
     * One complaint, sent as docs/api.md asks clients to: with an Idempotency-Key, and once more with the same key
     * when the connection closed without an answer (a kept-alive connection the server had just closed).
     */
    private void file(int i) throws Exception {
        Map<String, Object> complaint = Map.of(
                "name",
                "Bench Complainant",
                "email",
                "bench" + i + "@example.org",
                "language",
                "en",
                "productOrService",
                "Broadband",
                "description",
                "The connection drops every evening between seven and nine.",
                "consent",
                true);
        String key = UUID.randomUUID().toString();
        HttpResponse<String> reply;
        try {
            reply = send(null, "POST", "/api/complaints", complaint, key);
        } catch (IOException noAnswer) {
            reply = send(null, "POST", "/api/complaints", complaint, key);
        }
        if (reply.statusCode() != 201) {
            throw new IllegalStateException("intake answered " + reply.statusCode() + ": " + reply.body());
        }
    }

    /**
     * Files complaints at the open loop's rate until the JIT compiler has caught up with the code they run, as on a
     * node that has taken complaints for a while. A method run once per intake reaches the optimising compiler's
     * thresholds only after thousands of intakes, and on two cores each compiler tier has one thread and a long
     * queue: right after the closed loops (6,000 intakes) the compiler still took 23 % of the machine during the open
     * loop (`2234`), a cost a node pays once after its start, not at every request.
     */
    private String warmUp(int maxSeconds) throws Exception {
        if (maxSeconds <= 0) {
            return "no warm-up at this size";
        }
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        List<Long> compiledPerSlice = new ArrayList<>();
        List<String> p99PerSlice = new ArrayList<>();
        long started = System.nanoTime();
        int filed = 0;
        long compiled;
        do {
            long compiledBefore = jit.getTotalCompilationTime();
            int first = 1_000_000 + filed;
            Load.Result slice =
                    RoundTrips.uncounted(() -> Load.open(50, 50 * WARM_SLICE_SECONDS, 64, i -> file(first + i)));
            assertThat(slice.failures()).isZero();
            filed += 50 * WARM_SLICE_SECONDS;
            compiled = jit.getTotalCompilationTime() - compiledBefore;
            compiledPerSlice.add(compiled);
            p99PerSlice.add(String.format("%.0f", slice.millis(99)));
        } while (compiled > WARM_COMPILE_MS
                && System.nanoTime() - started < Duration.ofSeconds(maxSeconds).toNanos());
        awaitJobsDone();
        // the slices' latencies are what a node's first minutes after a start look like at this rate
        return String.format(
                "warmed up at 50/s for %.0f s (%d complaints) %s; the compiler's time in each %d s: %s ms; "
                        + "the intake's p99 in each: %s ms",
                (System.nanoTime() - started) / 1e9,
                filed,
                compiled <= WARM_COMPILE_MS
                        ? "until the JIT compiler worked under " + WARM_COMPILE_MS + " ms in " + WARM_SLICE_SECONDS
                                + " s"
                        : "(the limit, " + maxSeconds + " s: the JIT compiler had not settled)",
                WARM_SLICE_SECONDS,
                compiledPerSlice.stream().map(String::valueOf).collect(Collectors.joining(", ")),
                String.join(", ", p99PerSlice));
    }

    /** One complaint from intake to closure, as the complainant and the staff do it. */
    private void lifecycle() throws Exception {
        HttpResponse<String> filed = send(
                null,
                "POST",
                "/api/complaints",
                Map.of(
                        "name",
                        "Bench Complainant",
                        "email",
                        "lifecycle" + System.nanoTime() + "@example.org",
                        "language",
                        "en",
                        "productOrService",
                        "Broadband",
                        "description",
                        "The connection drops every evening between seven and nine.",
                        "consent",
                        true));
        JsonNode complaint = JSON.readTree(filed.body());
        String reference = complaint.path("reference").asText();
        String token = complaint.path("trackingToken").asText();
        completeTask(reference, "Task_ConfirmAssessment", inScopeAssessment());
        completeTask(
                reference,
                "Task_InvestigateComplaint",
                variables(
                        "findings",
                        "The line card at the exchange fails under evening load.",
                        "rootCause",
                        "process-failure",
                        "systemicIssue",
                        false));
        completeTask(
                reference,
                "Task_ProposeResolution",
                variables(
                        "outcome",
                        "not-upheld",
                        "decisionReasons",
                        "The fault lies with the neighbouring network, which we do not run."));
        // the complainant accepts once the decision has gone out (409 until the process waits for it)
        awaitTrue(() -> send(
                                null,
                                "POST",
                                "/api/complaints/" + reference + "/decision-response?token=" + token,
                                Map.of("accepted", true))
                        .statusCode()
                == 200);
        awaitTrue(() -> "CLOSED"
                .equals(template.queryForObject(
                        "select stage from cmp_complaint where reference = ?", String.class, reference)));
    }

    private void completeTask(String reference, String key, Map<String, Object> variables) throws Exception {
        String[] id = new String[1];
        awaitTrue(() -> {
            JsonNode found = JSON.readTree(send(
                            "handler",
                            "GET",
                            "/engine-rest/task?processInstanceBusinessKey=" + reference + "&taskDefinitionKey=" + key,
                            null)
                    .body());
            id[0] = found.isArray() && !found.isEmpty()
                    ? found.get(0).path("id").asText()
                    : null;
            return id[0] != null;
        });
        HttpResponse<String> done =
                send("handler", "POST", "/engine-rest/task/" + id[0] + "/complete", Map.of("variables", variables));
        if (done.statusCode() != 204) {
            throw new IllegalStateException(key + " of " + reference + ": " + done.statusCode() + " " + done.body());
        }
    }

    /** Complaints filed over HTTP and assessed by a handler, so they wait in investigation with their timers. */
    private String seedOpenComplaints(int count) throws Exception {
        long seeding = System.nanoTime();
        // seeding is set-up, not a measurement: a request that fails is reported and its complaint left out
        long filingFailures = Load.closed(16, count, this::file).failures();
        awaitTrue(
                () -> template.queryForObject(
                                "select count(*) from act_ru_task " + "where task_def_key_ = 'Task_ConfirmAssessment'",
                                Long.class)
                        >= count - filingFailures,
                Duration.ofMinutes(60));
        List<String> ids = template.queryForList(
                "select id_ from act_ru_task where task_def_key_ = " + "'Task_ConfirmAssessment'", String.class);
        Map<String, Object> assessment = inScopeAssessment();
        Load.Result assessed = Load.closed(16, ids.size(), i -> {
            HttpResponse<String> done = send(
                    "handler",
                    "POST",
                    "/engine-rest/task/" + ids.get(i) + "/complete",
                    Map.of("variables", assessment));
            if (done.statusCode() != 204) {
                throw new IllegalStateException(done.statusCode() + " " + done.body());
            }
        });
        String seeded = String.format(
                "Seeding: %,d open complaints in investigation in %.0f s; %d filing(s) and %d "
                        + "assessment(s) failed (above in the log; a request failing by timeout had waited 60 s)",
                ids.size() - assessed.failures(),
                (System.nanoTime() - seeding) / 1e9,
                filingFailures,
                assessed.failures());
        System.out.println(seeded);
        return seeded;
    }

    /** So many response deadlines fall due at the same moment; how late does each escalation task appear? */
    private void timers(int count, Results results) throws Exception {
        Instant bareDue = Instant.now().plusSeconds(5 + count / 200);
        Fired bareFired = baselineTimers(count, bareDue);
        Load.Result bare = bareFired.lateness();
        double bareRoundTrips = bareFired.roundTrips() / count;
        double bareSteps = stepsAfter(Baseline.TIMER_PROCESS, bareDue, count);
        results.add(
                "baseline: bare engine, the same number of timers due at once, timer to user task (its own job "
                        + "executor, the application's settings)",
                String.format("%,d due", count),
                bare,
                null,
                bareRoundTrips,
                "-");
        Instant due = Instant.now().plusSeconds(10);
        long roundTripsBefore = RoundTrips.now();
        Map<String, Long> statementsBefore = RoundTrips.byStatement();
        List<String> jobs = template.queryForList(
                "select j.id_ from act_ru_job j join act_ru_jobdef d on "
                        + "d.id_ = j.job_def_id_ where d.act_id_ = 'StartEvent_ResponseDeadlineReached' order by j.id_ limit "
                        + count,
                String.class);
        assertThat(jobs).hasSize(count);
        for (int from = 0; from < jobs.size(); from += 1000) {
            List<String> part = jobs.subList(from, Math.min(jobs.size(), from + 1000));
            template.update(
                    "update act_ru_job set duedate_ = ? where id_ in ("
                            + String.join(",", Collections.nCopies(part.size(), "?")) + ")",
                    concat(Timestamp.from(due), part));
        }
        String supervise = "select count(*) from act_ru_task where task_def_key_ = 'Task_SuperviseOverdueComplaint'";
        long existing = template.queryForObject(supervise, Long.class);
        awaitTrue(() -> template.queryForObject(supervise, Long.class) >= existing + count, Duration.ofMinutes(30));
        double roundTrips = (double) (RoundTrips.now() - roundTripsBefore) / count;
        results.note(topStatements("SLA timers", statementsBefore, count));
        Load.Result fired = lateness("Task_SuperviseOverdueComplaint", due);
        results.add(
                "SLA timers: response deadlines falling due at once, due time to escalation task",
                String.format(
                        "%,d due of %,d open",
                        count,
                        template.queryForObject(
                                "select count(*) from cmp_complaint where closed_at is null", Long.class)),
                fired,
                bare,
                roundTrips,
                "p99 lateness ≤ 5 s; ≥ 400 timers/s");
        // the escalation is modelled as the issue asks: a timer in an event subprocess throws an escalation that a
        // boundary event of the investigation catches, which then offers the supervision task
        engineCeiling(
                results,
                "SLA timers (timer, escalation, boundary event, user task)",
                "timers",
                bare,
                bareSteps,
                stepsAfter("complaint-handling", due, count),
                fired);
        // the same reading by the database work of a firing, which does not count a start event as a user task
        double byRoundTrips = bare.throughput() * bareRoundTrips / Math.max(1, roundTrips);
        results.figure(
                "engine ceiling for SLA timers by round trips: bare engine timers/s × its round trips per "
                        + "firing ÷ the application's",
                String.format("%.1f against %.1f round trips", roundTrips, bareRoundTrips),
                String.format(
                        "%,.1f timers/s; measured %.0f%% of it", byRoundTrips, 100 * fired.throughput() / byRoundTrips),
                "-");
        // the same jobs do not fire twice
        assertThat(template.queryForObject(supervise, Long.class)).isEqualTo(existing + count);
    }

    /**
     * The bare engine's own timers, as many falling due at once, each starting a user task: fired by its own job
     * executor (the application's settings) while the application's is stopped, so neither takes the other's jobs.
     */
    private Fired baselineTimers(int count, Instant due) throws Exception {
        Load.Result started = Load.closed(8, count, i -> baseline.startTimer(i, java.util.Date.from(due)));
        assertThat(started.failures()).isZero();
        JobExecutor application =
                ((ProcessEngineImpl) engine).getProcessEngineConfiguration().getJobExecutor();
        String tasks = "select count(*) from act_ru_task where task_def_key_ = '" + Baseline.TIMER_TASK + "'";
        application.shutdown();
        // the firing only, as for the application's timers (both include the harness's polling)
        long roundTripsBefore = RoundTrips.now();
        long roundTrips;
        try {
            baseline.startJobExecutor();
            awaitTrue(() -> template.queryForObject(tasks, Long.class) >= count, Duration.ofMinutes(30));
        } finally {
            roundTrips = RoundTrips.now() - roundTripsBefore;
            baseline.stopJobExecutor();
            application.start();
        }
        return new Fired(lateness(Baseline.TIMER_TASK, due), roundTrips);
    }

    /** How late the timers fired, and the JDBC round trips of the firing. */
    private record Fired(Load.Result lateness, double roundTrips) {}

    /** How late each task of that kind was created after the due time; throughput = tasks / (last − due). */
    private Load.Result lateness(String taskKey, Instant due) {
        Histogram lateness = new Histogram(3_600_000_000L, 3);
        List<Timestamp> created = template.queryForList(
                "select create_time_ from act_ru_task where task_def_key_ = ? " + "and create_time_ >= ?",
                Timestamp.class,
                taskKey,
                Timestamp.from(due.minusSeconds(1)));
        Instant last = due;
        for (Timestamp t : created) {
            lateness.recordValue(
                    Math.max(1, Duration.between(due, t.toInstant()).toNanos() / 1000));
            last = t.toInstant().isAfter(last) ? t.toInstant() : last;
        }
        double seconds = Math.max(0.001, Duration.between(due, last).toMillis() / 1000.0);
        return new Load.Result(created.size(), 0, seconds, lateness);
    }

    /** The engine's history clean-up over the closed complaints, as if their time to live had passed. */
    private void cleanUp(Results results) throws Exception {
        long finished = template.queryForObject(
                "select count(*) from act_hi_procinst where removal_time_ is not null", Long.class);
        long complaints = template.queryForObject(
                "select count(*) from act_hi_procinst where removal_time_ is not "
                        + "null and proc_def_key_ = 'complaint-handling'",
                Long.class);
        Timestamp yesterday = Timestamp.from(Instant.now().minus(Duration.ofDays(1)));
        for (String table : template.queryForList(
                "select table_name from information_schema.columns where "
                        + "column_name = 'removal_time_' and table_schema = current_schema()",
                String.class)) {
            template.update("update " + table + " set removal_time_ = ? where removal_time_ is not null", yesterday);
        }
        long start = System.nanoTime();
        history.cleanUpHistoryAsync(true);
        awaitTrue(
                () -> template.queryForObject(
                                "select count(*) from act_hi_procinst where removal_time_ is not null", Long.class)
                        == 0,
                Duration.ofMinutes(30));
        double seconds = (System.nanoTime() - start) / 1e9;
        // most instances are the baseline's small ones: the whole time charged to the complaints is an upper bound
        results.figure(
                "history clean-up (removal-time strategy), process instances with all their history",
                String.format("%,d instances, %,d of them closed complaints", finished, complaints),
                String.format(
                        "%,.0f instances/s in %.1f s; 10,000 complaints in at most %.0f s",
                        finished / seconds, seconds, seconds * 10_000 / Math.max(1, complaints)),
                "a day of 10,000 complaints within the nightly window (4 h)");
    }

    // ------------------------------------------------------------------ helpers

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    private double roundTripsOf(Work work, int operations) throws Exception {
        long before = RoundTrips.now();
        work.run();
        return (double) (RoundTrips.now() - before) / operations;
    }

    private double steps(String processKey) {
        Long instances = template.queryForObject(
                "select count(*) from act_hi_procinst where proc_def_key_ = ? " + "and end_time_ is not null",
                Long.class,
                processKey);
        Long activities = template.queryForObject(
                "select count(*) from act_hi_actinst a join act_hi_procinst p on "
                        + "p.id_ = a.proc_inst_id_ where p.proc_def_key_ = ? and p.end_time_ is not null",
                Long.class,
                processKey);
        return instances == 0 ? Double.NaN : (double) activities / instances;
    }

    /**
     * What the engine alone could carry: the bare engine's steps per second at the same clients, divided by the
     * steps (activity instances, all processes) one operation of the scenario runs. A scenario near or above this
     * figure is bound by the engine, not by the application's own work.
     */
    private static void engineCeiling(
            Results results,
            String scenario,
            String unit,
            Load.Result base,
            double baselineSteps,
            double steps,
            Load.Result measured) {
        double ceiling = base.throughput() * baselineSteps / steps;
        results.figure(
                "engine ceiling for " + scenario + ": bare engine steps/s ÷ steps per operation",
                String.format("%.1f steps", steps),
                String.format(
                        "%,.1f %s/s (bare engine %,.0f steps/s); measured " + "%.0f%% of it",
                        ceiling, unit, base.throughput() * baselineSteps, 100 * measured.throughput() / ceiling),
                "-");
    }

    /** Activity instances a firing started or ended (a quiet system: nothing else runs), per timer. */
    private double stepsAfter(String processKey, Instant due, int timers) {
        Timestamp from = Timestamp.from(due.minusSeconds(1));
        return (double) template.queryForObject(
                        "select count(*) from act_hi_actinst where proc_def_key_ = ? and "
                                + "(start_time_ >= ? or end_time_ >= ?)",
                        Long.class,
                        processKey,
                        from,
                        from)
                / timers;
    }

    private long activityInstances() {
        return template.queryForObject("select count(*) from act_hi_actinst", Long.class);
    }

    /** Waits until the mail outbox holds no e-mail that is due. */
    private void awaitMailSent() throws Exception {
        awaitTrue(
                () -> template.queryForObject(
                                "select count(*) from cmp_mail_outbox where status = 'PENDING' "
                                        + "and next_attempt_at <= current_timestamp",
                                Long.class)
                        == 0,
                Duration.ofMinutes(30));
    }

    /**
     * Lets the database settle before a measurement: waits (up to 10 minutes) until no autovacuum worker runs, then
     * analyses the tables. After seeding, or after thousands of intakes at full speed, PostgreSQL vacuums the grown
     * tables for minutes on the same two cores, and until autovacuum's next round (up to a minute) it plans with the
     * statistics of tables it saw nearly empty (at smoke size: a page of 50 tasks by nested loops over all candidate
     * links, 40–100 ms). A system in service has that work spread over its day and current statistics.
     */
    private String settleDatabase() throws Exception {
        long start = System.nanoTime();
        long until = start + Duration.ofMinutes(10).toNanos();
        List<String> running = autovacuumWorkers();
        while (!running.isEmpty() && System.nanoTime() < until) {
            Thread.sleep(1000);
            running = autovacuumWorkers();
        }
        String vacuum = running.isEmpty()
                ? String.format(
                        "waited %.0f s for PostgreSQL's autovacuum to finish", (System.nanoTime() - start) / 1e9)
                : "autovacuum still ran after 10 minutes of waiting (" + running + ")";
        long analyse = System.nanoTime();
        template.execute("analyze");
        return String.format(
                "%s, then analysed the tables in %.1f s, before measuring",
                vacuum, (System.nanoTime() - analyse) / 1e9);
    }

    private List<String> autovacuumWorkers() {
        return template.queryForList(
                "select query from pg_stat_activity where backend_type = 'autovacuum worker'", String.class);
    }

    /** Waits until no active job is due (asynchronous continuations done); timers due later do not count. */
    private void awaitJobsDone() throws Exception {
        awaitTrue(
                () -> template.queryForObject(
                                "select count(*) from act_ru_job where retries_ > 0 and "
                                        + "suspension_state_ = 1 and (duedate_ is null or duedate_ <= current_timestamp)",
                                Long.class)
                        == 0,
                Duration.ofMinutes(10));
    }

    /** Growth of the tables a closed process keeps (all but the engine's runtime tables), in bytes. */
    private static long retainedGrowth(Map<String, Long> before, Map<String, Long> after) {
        return after.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("act_ru_"))
                .mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L))
                .sum();
    }

    private String filterId(String name) throws Exception {
        JsonNode filters = JSON.readTree(send("handler", "GET", "/engine-rest/filter?resourceType=Task", null)
                .body());
        for (JsonNode filter : filters) {
            if (filter.path("name").asText().equals(name)) {
                return filter.path("id").asText();
            }
        }
        throw new IllegalStateException("no filter " + name + " for handler: " + filters);
    }

    private long databaseBytes() {
        return template.queryForObject("select pg_database_size(current_database())", Long.class);
    }

    /** The statements a scenario ran most, per operation. */
    private static String topStatements(String scenario, Map<String, Long> before, int operations) {
        StringBuilder line = new StringBuilder(scenario + ": round trips per operation by statement (most first): ");
        RoundTrips.byStatement().entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .limit(15)
                .forEach(e ->
                        line.append(String.format("`%s` %.1f; ", e.getKey(), (double) e.getValue() / operations)));
        return line.toString();
    }

    /** Every table with its indexes and TOAST, in bytes. */
    private Map<String, Long> tableBytes() {
        Map<String, Long> sizes = new HashMap<>();
        template.query(
                "select relname, pg_total_relation_size(relid) as bytes from pg_stat_user_tables", (ResultSet rs) -> {
                    sizes.put(rs.getString("relname"), rs.getLong("bytes"));
                });
        return sizes;
    }

    private HttpResponse<String> send(String user, String method, String path, Object body) throws Exception {
        return send(user, method, path, body, null);
    }

    private HttpResponse<String> send(String user, String method, String path, Object body, String idempotencyKey)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @FunctionalInterface
    private interface Probe {
        boolean test() throws Exception;
    }

    private static void awaitTrue(Probe probe) throws Exception {
        awaitTrue(probe, Duration.ofMinutes(2));
    }

    private static void awaitTrue(Probe probe, Duration timeout) throws Exception {
        long until = System.nanoTime() + timeout.toNanos();
        while (!probe.test()) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("not reached within " + timeout);
            }
            Thread.sleep(50);
        }
    }

    private static Object[] concat(Object first, List<String> rest) {
        Object[] all = new Object[rest.size() + 1];
        all[0] = first;
        for (int i = 0; i < rest.size(); i++) {
            all[i + 1] = rest.get(i);
        }
        return all;
    }
}
