package org.complaints.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.util.FileSystemUtils;

/**
 * Issue 6, reliability: two application nodes (the executable jar, each in its own JVM) on one PostgreSQL, a real
 * SMTP server, complainants on the public JSON API. A node started while another runs joins; the database is
 * killed hard under load and started again; 500 complaints are filed while one node is killed hard. Checked only
 * through what an operator or a complainant can see: HTTP answers, the e-mails received (by Message-ID), the
 * register's tables and the engine's job and history tables.
 *
 * <p>No Spring context in this JVM (the nodes are child processes), hence neither
 * {@code PostgresApplicationTestSupport} nor {@code @DirtiesContext}. Runs with {@code ./mvnw verify -Preliability}
 * after {@code package} has built the jar; figures in {@code target/reliability/report.md}, node and database
 * logs next to it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesReliabilityIT {

    private static final Path OUT = Path.of("target", "reliability");
    private static final String MESSAGE_ID_DOMAIN = "reliability.example.org";
    private static final String ADMIN = "reladmin";
    private static final String ADMIN_PASSWORD = "reliability-admin-2026";
    private static final String HANDLER = "relhandler";
    private static final String HANDLER_PASSWORD = "reliability-handler-2026";

    /** The issue's number of complaints filed across both nodes while one is killed. */
    private static final int COMPLAINTS = 500;
    /** Of these, the first ones are taken into investigation, so their SLA timers exist. */
    private static final int SLA_COMPLAINTS = 100;
    /** When this many are filed, node A is killed. */
    private static final int KILL_AT = 300;
    /** The jobs of the timers brought forward and of the steps they start. */
    private static final Set<String> TIMER_WORK = Set.of(
            "StartEvent_StatusUpdateDue",
            "Task_SendStatusUpdate",
            "Boundary_ReminderDue",
            "StartEvent_ResponseDeadlineReached");
    /** Short, so the test sees the dead node's jobs taken over; production keeps the default (60 s). */
    private static final Duration LOCK_TIME = Duration.ofSeconds(15);

    private static final Duration OUTAGE = Duration.ofSeconds(3);

    private static final Predicate<String> ACKNOWLEDGEMENT = "acknowledgement"::equals;
    private static final Predicate<String> STATUS_UPDATE = key -> key.startsWith("status-update-");
    private static final Predicate<String> DEADLINE_REMINDER = "deadline-reminder"::equals;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private ReliabilityReport report;
    private CrashablePostgres postgres;
    private ObservedTables tables;
    private Inbox inbox;
    private ApplicationNode nodeA;
    private ApplicationNode nodeB;
    private final Complainants complainants = new Complainants();
    private String lockOwnerOfKilledA;
    /** The 500 complaints of step 3, and the first 100 of them, which are being investigated. */
    private List<String> complaints;

    private List<String> slaComplaints;
    /** Complaints answered 201 around the database restart, checked again at the end. */
    private final List<Complainants.Filed> restartRun = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    void infrastructure() throws Exception {
        Files.createDirectories(OUT);
        for (String log : List.of("node-a.log", "node-b.log", "postgres.log")) {
            Files.deleteIfExists(OUT.resolve(log));
        }
        report = new ReliabilityReport(
                OUT.resolve("report.md"),
                List.of(
                        "Written by `TwoNodesReliabilityIT` (`./mvnw verify -Preliability`). Two nodes: the executable jar, "
                                + "each in its own JVM (-Xmx512m), `postgres` profile; embedded PostgreSQL 16 "
                                + "(synchronous commit on); GreenMail SMTP in the test JVM.",
                        "Job lock time " + ReliabilityReport.seconds(LOCK_TIME)
                                + " (production default 60 s). Node and "
                                + "database logs: `node-a.log`, `node-b.log`, `postgres.log` next to this file."));
        postgres = CrashablePostgres.startEmpty(
                OUT.resolve("postgres-data"), OUT.resolve("postgres.log"), ApplicationNode.freePort());
        tables = new ObservedTables(postgres.jdbc());
        int smtpPort = ApplicationNode.freePort();
        inbox = new Inbox(smtpPort);

        Map<String, String> environment = new HashMap<>();
        environment.put("SPRING_PROFILES_ACTIVE", "postgres");
        environment.put("COMPLAINTS_DB_URL", postgres.jdbcUrl());
        environment.put("COMPLAINTS_DB_USER", CrashablePostgres.USER);
        environment.put("COMPLAINTS_DB_PASSWORD", CrashablePostgres.PASSWORD);
        environment.put("COMPLAINTS_SMTP_HOST", "127.0.0.1");
        environment.put("COMPLAINTS_SMTP_PORT", String.valueOf(smtpPort));
        environment.put("COMPLAINTS_SMTP_AUTH", "false");
        environment.put("COMPLAINTS_SMTP_STARTTLS", "false");
        environment.put("COMPLAINTS_MAIL_FROM", "complaints@" + MESSAGE_ID_DOMAIN);
        environment.put("COMPLAINTS_ORGANISATION", "Reliability Test Organisation");
        environment.put("COMPLAINTS_MESSAGE_ID_DOMAIN", MESSAGE_ID_DOMAIN);
        environment.put("COMPLAINTS_EXTERNAL_BODY", "Reliability Dispute Board");
        environment.put("COMPLAINTS_EXTERNAL_BODY_URL", "https://adr.reliability.example.org");
        environment.put("COMPLAINTS_PUBLIC_BASE_URL", "https://complaints.reliability.example.org");
        environment.put("COMPLAINTS_ADMIN_USER", ADMIN);
        environment.put("COMPLAINTS_ADMIN_PASSWORD", ADMIN_PASSWORD);
        List<String> arguments = List.of(
                "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME.toMillis(),
                // all complainants of the test come from 127.0.0.1
                "--complaints.intake.max-submissions-per-minute=100000");
        Path jar = executableJar();
        nodeA = new ApplicationNode("node A", jar, OUT.resolve("node-a.log"), environment, arguments);
        nodeB = new ApplicationNode("node B", jar, OUT.resolve("node-b.log"), environment, arguments);
    }

    @AfterAll
    void stopEverything() throws Exception {
        for (ApplicationNode node : new ApplicationNode[] {nodeA, nodeB}) {
            if (node != null) {
                node.stop();
            }
        }
        if (inbox != null) {
            inbox.close();
        }
        if (postgres != null) {
            postgres.close();
            // a few hundred MB of data and WAL; the logs and the report stay
            FileSystemUtils.deleteRecursively(OUT.resolve("postgres-data"));
        }
    }

    // ------------------------------------------------------------------------------------------------ the phases

    @Test
    @Order(1)
    void aNodeStartedWhileAnotherRunsJoinsWithoutTouchingTheSchema() throws Exception {
        String section = "1. A second node joins";
        nodeA.start();
        report.figure(section, "node A ready on an empty database after", nodeA.awaitReady(Duration.ofMinutes(3)));
        ObservedTables.Schema before = tables.schema();
        long migrationFiles = 0;
        for (Path folder : List.of(
                Path.of("src", "main", "resources", "db", "migration"),
                Path.of("src", "main", "resources", "db", "vendor", "postgresql"))) {
            try (var files = Files.list(folder)) {
                migrationFiles +=
                        files.filter(f -> f.toString().endsWith(".sql")).count();
            }
        }
        assertThat(before.migrations()).as("Flyway applied every migration").isEqualTo(migrationFiles);
        assertThat(before.failedMigrations()).isZero();
        assertThat(before.processDefinitions())
                .as("process and decision definitions deployed")
                .isPositive();

        nodeB.start();
        report.figure(section, "node B ready (joining) after", nodeB.awaitReady(Duration.ofMinutes(3)));
        assertThat(tables.schema())
                .as("the joining node changed neither schema nor deployments")
                .isEqualTo(before);
        assertThat(nodeA.health("/actuator/health").path("status").asText()).isEqualTo("UP");
        assertThat(nodeB.health("/actuator/health").path("status").asText()).isEqualTo("UP");
        assertThat(nodeB.lockOwner())
                .as("each node's job executor locks jobs under its own name")
                .isNotEqualTo(nodeA.lockOwner());
        report.figure(section, "Flyway migrations (all successful, none re-run)", before.migrations());
        report.figure(
                section,
                "engine schema log entries before / after the join",
                before.engineSchemaLog() + " / " + tables.schema().engineSchemaLog());
        report.figure(
                section,
                "deployments / definitions before / after the join",
                before.deployments() + " / " + before.processDefinitions() + " and "
                        + tables.schema().deployments() + " / "
                        + tables.schema().processDefinitions());
    }

    @Test
    @Order(2)
    void databaseKilledUnderLoadLosesNoAnsweredComplaintAndTheNodesRecover() throws Exception {
        String section = "2. PostgreSQL killed hard under load";
        AtomicBoolean load = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(6);
        for (int thread = 0; thread < 6; thread++) {
            // three complainants per node, each retrying on its own node: every node has to recover by itself
            ApplicationNode node = thread % 2 == 0 ? nodeA : nodeB;
            String prefix = "DB" + thread + "-";
            clients.submit(() -> {
                for (int n = 0; load.get(); n++) {
                    complainants
                            .file(prefix + n, List.of(node), Duration.ofMinutes(3), load::get)
                            .ifPresent(restartRun::add);
                }
                return null;
            });
        }
        await("60 complaints before the crash", Duration.ofMinutes(1), () -> restartRun.size() >= 60);
        long killedAt = System.nanoTime();
        postgres.killHard();
        int answeredBeforeKill = restartRun.size();
        Thread.sleep(OUTAGE.toMillis());
        postgres.startAgain();
        long restartedAt = System.nanoTime();
        report.figure(section, "complaints answered 201 before the kill", answeredBeforeKill);
        report.figure(
                section, "database down (kill to accepting connections)", Duration.ofNanos(restartedAt - killedAt));

        // each node accepts new complaints again, without being restarted
        Map<ApplicationNode, Duration> recovery = new LinkedHashMap<>();
        await("both nodes answering 201 again after the restart", Duration.ofMinutes(2), () -> {
            for (ApplicationNode node : List.of(nodeA, nodeB)) {
                List<Long> after = answeredAfter(node, restartedAt);
                if (after.size() >= 10) {
                    recovery.putIfAbsent(node, Duration.ofNanos(Collections.min(after) - restartedAt));
                }
            }
            return recovery.size() == 2;
        });
        load.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(2, TimeUnit.MINUTES))
                .as("complainants finished")
                .isTrue();
        recovery.forEach((node, time) -> report.figure(section, node + ": first 201 after the restart", time));

        List<String> answered = references(restartRun);
        assertThat(new HashSet<>(answered)).as("one reference per complaint").hasSize(answered.size());
        Set<String> stored = tables.stored(answered);
        assertThat(answered)
                .as("every complaint answered 201 is in the register after the crash")
                .allMatch(stored::contains);
        report.figure(
                section,
                "complaints answered 201 in all (node A / node B)",
                answered.size() + " (" + count(restartRun, nodeA) + " / " + count(restartRun, nodeB) + ")");
        report.figure(section, "of them missing from the register after the crash", answered.size() - stored.size());
        report.figure(
                section, "requests that got no answer or a 5xx and were sent again", complainants.failedAttempts());

        // the job executors work again: the complaints filed after the restart are acknowledged
        List<String> filedAfterRestart = restartRun.stream()
                .filter(f -> f.answeredAt() > restartedAt)
                .map(Complainants.Filed::reference)
                .toList();
        Duration acknowledged = await(
                "acknowledgements of the complaints filed after the restart",
                Duration.ofMinutes(2),
                () -> missing(ACKNOWLEDGEMENT, filedAfterRestart).isEmpty());
        report.figure(
                section,
                "complaints filed after the restart, all acknowledged within",
                filedAfterRestart.size() + ", " + ReliabilityReport.seconds(acknowledged));
        for (ApplicationNode node : List.of(nodeA, nodeB)) {
            assertThat(node.health("/actuator/health")
                            .at("/components/db/status")
                            .asText())
                    .as(node + " database health after the restart")
                    .isEqualTo("UP");
        }
    }

    @Test
    @Order(3)
    void fiveHundredComplaintsWhileNodeAIsKilledAreFiledAndAcknowledgedOnce() throws Exception {
        String section = "3. " + COMPLAINTS + " complaints, node A killed hard";
        String ownerA = nodeA.lockOwner();
        lockOwnerOfKilledA = ownerA;
        Map<Integer, Complainants.Filed> filed = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(8);

        // the first 200; the first 100 of them taken into investigation, so their SLA timers exist (step 4)
        waitFor(fileRange(clients, filed, 0, 200));
        slaComplaints = referencesOf(filed, 0, SLA_COMPLAINTS);
        createHandler();
        startInvestigation(slaComplaints);

        // the other 300; node A dies at 300, as soon as it holds acknowledgements (to strand them) if it does soon
        List<Future<?>> rest = fileRange(clients, filed, 200, COMPLAINTS);
        await(KILL_AT + " complaints filed", Duration.ofMinutes(2), () -> filed.size() >= KILL_AT);
        awaitQuietly(
                Duration.ofSeconds(10),
                Duration.ofMillis(20),
                () -> tables.lockedBy(ownerA).stream()
                        .anyMatch(job -> job.activity().equals("Task_AssessPriority")));
        nodeA.killHard();
        long killedAt = System.nanoTime();
        List<ObservedTables.LockedJob> stranded = tables.lockedBy(ownerA);
        report.figure(section, "complaints answered 201 when node A was killed", filed.size());
        report.figure(section, "jobs locked by node A when it died", describe(stranded));
        waitFor(rest);
        clients.shutdown();
        complaints = referencesOf(filed, 0, COMPLAINTS);

        await(
                "node A's locks taken over",
                LOCK_TIME.multipliedBy(4),
                () -> tables.lockedBy(ownerA).isEmpty());
        report.figure(
                section,
                "kill to the last of node A's jobs taken over by node B",
                Duration.ofNanos(System.nanoTime() - killedAt));
        await(
                "every acknowledgement",
                Duration.ofMinutes(4),
                () -> missing(ACKNOWLEDGEMENT, complaints).isEmpty());
        report.figure(section, "kill to every complaint acknowledged", Duration.ofNanos(System.nanoTime() - killedAt));

        // filing: every complaint once, whichever node answered
        assertThat(new HashSet<>(complaints))
                .as("500 complaints, 500 references")
                .hasSize(COMPLAINTS);
        report.figure(
                section,
                "complaints answered 201 by node A / node B",
                count(filed.values(), nodeA) + " / " + count(filed.values(), nodeB));
        report.figure(
                section,
                "complaints that needed a retry (same Idempotency-Key) / answered as a replay",
                filed.values().stream().filter(f -> f.attempts() > 1).count() + " / "
                        + filed.values().stream()
                                .filter(Complainants.Filed::replayed)
                                .count());

        List<Inbox.Received> acknowledgements = inbox.received(ACKNOWLEDGEMENT, complaints);
        report.figure(
                section,
                "acknowledgements received (distinct Message-IDs / copies)",
                acknowledgements.size() + " / " + copies(acknowledgements));
        report.figure(section, "copies sent, by node (SMTP HELO name)", bySender(acknowledgements));
        report.figure(
                section,
                "duplicate copies (same Message-ID, one copy sent by node A before it died, one by node B)",
                duplicates(acknowledgements));
        assertOncePerComplaint("acknowledgement", acknowledgements, complaints, nodeA, nodeB);
        assertThat(tables.events("ACKNOWLEDGED", complaints))
                .as("ACKNOWLEDGED in the event log, once per complaint")
                .allSatisfy(
                        (reference, count) -> assertThat(count).as(reference).isEqualTo(1))
                .hasSize(COMPLAINTS);
        assertNoJobLocked(ownerA);
        report.figure(
                section,
                "jobs left locked by node A / incidents",
                tables.lockedBy(ownerA).size() + " / " + tables.incidents());
    }

    @Test
    @Order(4)
    void nodeAStartedAgainRejoinsAndWhenNodeBIsKilledEveryTimerStillFiresOnce() throws Exception {
        String section = "4. Node A started again; node B killed hard while the timers fire";
        nodeA.start();
        report.figure(section, "node A ready after", nodeA.awaitReady(Duration.ofMinutes(3)));
        assertThat(nodeA.lockOwner())
                .as("a new lock owner: nothing of the dead process is taken for alive")
                .isNotEqualTo(lockOwnerOfKilledA);
        List<Complainants.Filed> rejoined = new ArrayList<>();
        for (int n = 0; n < 10; n++) {
            rejoined.add(complainants
                    .file("RJ" + n, List.of(nodeA), Duration.ofMinutes(1), () -> true)
                    .orElseThrow(() -> new AssertionError("node A did not accept a complaint after its restart")));
        }
        Duration acknowledged = await(
                "acknowledgements of the complaints filed on the restarted node",
                Duration.ofMinutes(1),
                () -> missing(ACKNOWLEDGEMENT, references(rejoined)).isEmpty());
        report.figure(
                section,
                "complaints filed on node A after its restart, all acknowledged within",
                rejoined.size() + ", " + ReliabilityReport.seconds(acknowledged));

        // the timers of the 500 fall due: a status update each, reminder and escalation for the investigated 100
        String ownerB = nodeB.lockOwner();
        assertThat(tables.moveTimersToNow(tables.processInstances(complaints), "StartEvent_StatusUpdateDue"))
                .as("status-update timers brought forward")
                .isEqualTo(COMPLAINTS);
        assertThat(tables.moveTimersToNow(
                        tables.processInstances(slaComplaints),
                        "Boundary_ReminderDue",
                        "StartEvent_ResponseDeadlineReached"))
                .as("reminder and response-deadline timers brought forward")
                .isEqualTo(2 * SLA_COMPLAINTS);
        awaitQuietly(
                Duration.ofSeconds(10),
                Duration.ofMillis(20),
                () -> tables.lockedBy(ownerB).stream().anyMatch(job -> TIMER_WORK.contains(job.activity())));
        nodeB.killHard();
        long killedAt = System.nanoTime();
        List<ObservedTables.LockedJob> stranded = tables.lockedBy(ownerB);
        report.figure(section, "jobs locked by node B when it died", describe(stranded));

        await(
                "node B's locks taken over",
                LOCK_TIME.multipliedBy(4),
                () -> tables.lockedBy(ownerB).isEmpty());
        report.figure(
                section,
                "kill to the last of node B's jobs taken over by node A",
                Duration.ofNanos(System.nanoTime() - killedAt));
        await(
                "every status update, reminder and escalation",
                Duration.ofMinutes(4),
                () -> missing(STATUS_UPDATE, complaints).isEmpty()
                        && missing(DEADLINE_REMINDER, slaComplaints).isEmpty()
                        && tables.tasks("Task_SuperviseOverdueComplaint", slaComplaints) >= SLA_COMPLAINTS);
        report.figure(section, "kill to every timer's work done", Duration.ofNanos(System.nanoTime() - killedAt));

        List<Inbox.Received> statusUpdates = inbox.received(STATUS_UPDATE, complaints);
        List<Inbox.Received> reminders = inbox.received(DEADLINE_REMINDER, slaComplaints);
        report.figure(
                section,
                "status updates received (distinct Message-IDs / copies)",
                statusUpdates.size() + " / " + copies(statusUpdates));
        report.figure(
                section,
                "deadline reminders received (distinct Message-IDs / copies)",
                reminders.size() + " / " + copies(reminders));
        report.figure(
                section,
                "status update and reminder copies sent, by node (SMTP HELO name)",
                bySender(Stream.concat(statusUpdates.stream(), reminders.stream())
                        .toList()));
        report.figure(
                section,
                "duplicate copies (same Message-ID, one copy sent by node B before it died, one by node A)",
                duplicates(statusUpdates) + duplicates(reminders));
        assertOncePerComplaint("status update", statusUpdates, complaints, nodeB, nodeA);
        assertOncePerComplaint("deadline reminder", reminders, slaComplaints, nodeB, nodeA);

        // every timer fired once: one activity instance per timer, one supervision task, the next status cycle
        assertThat(tables.firings("StartEvent_StatusUpdateDue", complaints))
                .allSatisfy((reference, count) -> assertThat(count)
                        .as("status-update timer of %s fired", reference)
                        .isEqualTo(1))
                .hasSize(COMPLAINTS);
        assertThat(tables.firings("Boundary_ReminderDue", slaComplaints))
                .allSatisfy((reference, count) -> assertThat(count)
                        .as("reminder timer of %s fired", reference)
                        .isEqualTo(1))
                .hasSize(SLA_COMPLAINTS);
        assertThat(tables.firings("StartEvent_ResponseDeadlineReached", slaComplaints))
                .allSatisfy((reference, count) -> assertThat(count)
                        .as("response-deadline timer of %s fired", reference)
                        .isEqualTo(1))
                .hasSize(SLA_COMPLAINTS);
        assertThat(tables.tasks("Task_SuperviseOverdueComplaint", slaComplaints))
                .as("one supervision task each")
                .isEqualTo(SLA_COMPLAINTS);
        assertThat(tables.timerJobs("StartEvent_StatusUpdateDue", complaints, Duration.ofDays(6)))
                .as("each complaint's status cycle waits for its next turn, days ahead")
                .isEqualTo(COMPLAINTS);
        assertThat(tables.timerJobs("Boundary_ReminderDue", slaComplaints, Duration.ZERO)
                        + tables.timerJobs("StartEvent_ResponseDeadlineReached", slaComplaints, Duration.ZERO))
                .as("no SLA timer left to fire")
                .isZero();
        assertNoJobLocked(ownerB);
        report.figure(
                section,
                "jobs left locked by node B / incidents",
                tables.lockedBy(ownerB).size() + " / " + tables.incidents());
    }

    @Test
    @Order(5)
    void inTheEndEveryComplaintIsAcknowledgedAndTheAuditChainIsIntact() throws Exception {
        String section = "5. In the end";
        // a step that failed while the database was down is retried after its retry interval (R5/PT2M)
        List<String> references = references(restartRun);
        await(
                "acknowledgements of every complaint answered 201 around the database restart",
                Duration.ofMinutes(3),
                () -> missing(ACKNOWLEDGEMENT, references).isEmpty());
        List<Inbox.Received> acknowledgements = inbox.received(ACKNOWLEDGEMENT, references);
        assertThat(acknowledgements).as("one Message-ID per complaint").hasSize(references.size());
        report.figure(
                section,
                "complaints of step 2: acknowledgements (distinct Message-IDs / copies)",
                acknowledgements.size() + " / " + copies(acknowledgements));
        report.figure(
                section,
                "of them duplicate copies (same Message-ID: SMTP accepted, database gone before the " + "record)",
                duplicates(acknowledgements));
        assertThat(tables.incidents()).as("incidents").isZero();

        // both nodes sealed the audit chain concurrently, through a database crash and two nodes killed mid-work
        JsonNode verification =
                JSON.readTree(staffCall(nodeA, ADMIN, ADMIN_PASSWORD, "/api/staff/audit/verification", null, "GET"));
        report.figure(
                section,
                "audit chain: rows checked, intact",
                verification.path("rowsChecked").asLong() + ", "
                        + verification.path("intact").asBoolean());
        assertThat(verification.path("intact").asBoolean())
                .as("audit chain: %s", verification.path("problems"))
                .isTrue();
        report.figure(
                section,
                "complaints in the register / e-mails received",
                tables.single("select count(*) from cmp_complaint") + " / " + inbox.total());
    }

    // ------------------------------------------------------------------------------------------------ filing

    private List<Future<?>> fileRange(
            ExecutorService clients, Map<Integer, Complainants.Filed> filed, int from, int to) {
        List<Future<?>> futures = new ArrayList<>();
        for (int i = from; i < to; i++) {
            int number = i;
            // alternate between the nodes; when the first does not answer, the other gets the same request
            List<ApplicationNode> order = number % 2 == 0 ? List.of(nodeA, nodeB) : List.of(nodeB, nodeA);
            futures.add(clients.submit(() -> {
                Complainants.Filed complaint = complainants
                        .file("K" + number, order, Duration.ofMinutes(2), () -> true)
                        .orElseThrow(() -> new AssertionError("complaint K" + number + " never answered 201"));
                filed.put(number, complaint);
                return null;
            }));
        }
        return futures;
    }

    private static void waitFor(List<Future<?>> futures) throws Exception {
        for (Future<?> future : futures) {
            future.get(5, TimeUnit.MINUTES);
        }
    }

    private static List<String> referencesOf(Map<Integer, Complainants.Filed> filed, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> filed.get(i).reference()).toList();
    }

    private static List<String> references(Collection<Complainants.Filed> filed) {
        synchronized (filed) {
            return filed.stream().map(Complainants.Filed::reference).toList();
        }
    }

    private List<Long> answeredAfter(ApplicationNode node, long since) {
        synchronized (restartRun) {
            return restartRun.stream()
                    .filter(f -> f.node() == node && f.answeredAt() > since)
                    .map(Complainants.Filed::answeredAt)
                    .toList();
        }
    }

    private static long count(Collection<Complainants.Filed> filed, ApplicationNode node) {
        synchronized (filed) {
            return filed.stream().filter(f -> f.node() == node).count();
        }
    }

    // ------------------------------------------------------------------------------------------------ staff

    /** A handler with an e-mail address, made by the administrator through the REST API as in Admin. */
    private void createHandler() throws Exception {
        staffCall(
                nodeB,
                ADMIN,
                ADMIN_PASSWORD,
                "/engine-rest/user/create",
                Map.of(
                        "profile",
                                Map.of(
                                        "id",
                                        HANDLER,
                                        "firstName",
                                        "Reliability",
                                        "lastName",
                                        "Handler",
                                        "email",
                                        "handler@staff." + MESSAGE_ID_DOMAIN),
                        "credentials", Map.of("password", HANDLER_PASSWORD)),
                "POST");
        staffCall(
                nodeB, ADMIN, ADMIN_PASSWORD, "/engine-rest/group/complaint-handlers/members/" + HANDLER, null, "PUT");
    }

    /** The handler confirms the assessment (in scope) of each complaint, alternately on both nodes. */
    private void startInvestigation(List<String> references) throws Exception {
        List<String> processes = tables.processInstances(references);
        await(
                "assessment tasks of the first " + references.size() + " complaints",
                Duration.ofMinutes(2),
                () -> tables.taskIds("Task_ConfirmAssessment", processes).size() == references.size());
        List<String> taskIds = tables.taskIds("Task_ConfirmAssessment", processes);
        Map<String, Object> variables = new LinkedHashMap<>();
        for (Object[] variable : new Object[][] {
            {"scopeDecision", "in-scope"},
            {"severity", "medium"},
            {"impact", "individual"},
            {"category", "other"},
            {"safetyRelevant", false},
            {"overrideAssessment", false}
        }) {
            variables.put(
                    (String) variable[0],
                    Map.of("value", variable[1], "type", variable[1] instanceof Boolean ? "Boolean" : "String"));
        }
        ExecutorService staff = Executors.newFixedThreadPool(4);
        List<Future<?>> completions = new ArrayList<>();
        for (int i = 0; i < taskIds.size(); i++) {
            ApplicationNode node = i % 2 == 0 ? nodeA : nodeB;
            String taskId = taskIds.get(i);
            completions.add(staff.submit(() -> staffCall(
                    node,
                    HANDLER,
                    HANDLER_PASSWORD,
                    "/engine-rest/task/" + taskId + "/complete",
                    Map.of("variables", variables),
                    "POST")));
        }
        waitFor(completions);
        staff.shutdown();
    }

    /** A member of staff's call to a node (Basic authentication), which must succeed; returns the body. */
    private String staffCall(
            ApplicationNode node, String user, String password, String path, Object body, String method)
            throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(node.uri(path))
                        .timeout(Duration.ofSeconds(60))
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(
                                                        (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("%s %s on %s: %s", method, path, node, response.body())
                .isBetween(200, 204);
        return response.body();
    }

    // ------------------------------------------------------------------------------------------------ database checks

    private void assertNoJobLocked(String deadOwner) {
        assertThat(tables.lockedBy(deadOwner))
                .as("jobs still locked by the dead node")
                .isEmpty();
        assertThat(tables.expiredLocks()).as("jobs with an expired lock").isZero();
        assertThat(tables.incidents()).as("incidents").isZero();
    }

    private static String describe(List<ObservedTables.LockedJob> jobs) {
        return jobs.size() + " "
                + jobs.stream()
                        .collect(Collectors.groupingBy(ObservedTables.LockedJob::activity, Collectors.counting()));
    }

    // ------------------------------------------------------------------------------------------------ mail

    private List<String> missing(Predicate<String> kind, List<String> references) {
        Set<String> received = inbox.received(kind, references).stream()
                .map(Inbox.Received::reference)
                .collect(Collectors.toSet());
        return references.stream().filter(r -> !received.contains(r)).toList();
    }

    /**
     * One Message-ID per complaint; a second copy of it only in the window that cannot be closed: the dead node had
     * its message accepted by the SMTP server and died before recording that, and the node that took its work over
     * sent it again. So a repeated message has exactly two copies, one from each node (told apart by the HELO name
     * each copy arrived with, not by when: an outbox row lock ends when the dead node's connection drops, so the
     * survivor may resend within the second, and on a slow machine the dead node's copy may arrive late).
     * Independent of how a node sends mail (job, outbox sender).
     */
    private static void assertOncePerComplaint(
            String what,
            List<Inbox.Received> received,
            List<String> references,
            ApplicationNode died,
            ApplicationNode survivor) {
        Map<String, List<Inbox.Received>> byReference =
                received.stream().collect(Collectors.groupingBy(Inbox.Received::reference));
        assertThat(byReference.keySet())
                .as("every complaint got its %s", what)
                .containsExactlyInAnyOrderElementsOf(references);
        byReference.forEach((reference, messages) -> {
            assertThat(messages)
                    .as("%s of %s: one Message-ID (a second one means the step ran twice)", what, reference)
                    .hasSize(1);
            Inbox.Received message = messages.get(0);
            assertThat(message.senders())
                    .as("senders of %s", message.messageId())
                    .isSubsetOf(died.heloName(), survivor.heloName());
            if (message.copies() > 1) {
                assertThat(message.senders())
                        .as(
                                "%s repeated: one copy from the node that died, one from the node that took over",
                                message.messageId())
                        .containsExactlyInAnyOrder(died.heloName(), survivor.heloName());
            }
        });
    }

    /** How many copies each node sent, e.g. {@code node-a.reliability.test 212, node-b.reliability.test 288}. */
    private static String bySender(List<Inbox.Received> received) {
        return received.stream()
                .flatMap(r -> r.senders().stream())
                .collect(Collectors.groupingBy(sender -> sender, TreeMap::new, Collectors.counting()))
                .entrySet()
                .stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static int copies(List<Inbox.Received> received) {
        return received.stream().mapToInt(Inbox.Received::copies).sum();
    }

    private static int duplicates(List<Inbox.Received> received) {
        return copies(received) - received.size();
    }

    // ------------------------------------------------------------------------------------------------ waiting

    /** Polls until {@code condition} holds; returns how long that took, or fails with the state of the jobs. */
    private Duration await(String what, Duration timeout, Callable<Boolean> condition) throws Exception {
        long started = System.nanoTime();
        if (awaitQuietly(timeout, Duration.ofMillis(250), condition)) {
            return Duration.ofNanos(System.nanoTime() - started);
        }
        throw new AssertionError("Waited " + timeout.toSeconds() + " s for " + what + ". " + diagnostics());
    }

    private static boolean awaitQuietly(Duration timeout, Duration interval, Callable<Boolean> condition)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (Boolean.TRUE.equals(condition.call())) {
                    return true;
                }
            } catch (RuntimeException databaseDown) {
                // e.g. the database restarting: ask again
            }
            Thread.sleep(interval.toMillis());
        }
        return false;
    }

    private String diagnostics() {
        StringBuilder text = new StringBuilder("Jobs by activity and lock owner: ");
        try {
            tables.dueJobs().forEach(line -> text.append("\n  ").append(line));
            text.append("\nIncidents: ").append(tables.incidents());
        } catch (RuntimeException e) {
            text.append("(database not reachable: ").append(e.getMessage()).append(')');
        }
        text.append("\nMessages received: ")
                .append(inbox.total())
                .append("\nNode logs: ")
                .append(OUT.toAbsolutePath());
        return text.toString();
    }

    private static Path executableJar() throws IOException {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("complaint-handling-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "No target/complaint-handling-*.jar: the reliability test runs the executable jar that "
                                    + "'package' builds (./mvnw verify -Preliability)"));
        }
    }
}
