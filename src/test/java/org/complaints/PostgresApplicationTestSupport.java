package org.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.complaints.demo.DemoUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The application as production runs it, for integration tests: the postgres profile on a real PostgreSQL
 * (embedded, started here, one per test JVM), e-mail through a real SMTP server ({@link SmtpTestServer}), the job
 * executor running asynchronous steps, the mail outbox (every second) and the survey sender sending by themselves,
 * and staff working through the engine's REST API with HTTP Basic.
 *
 * <p>Every subclass that adds nothing to the configuration (no properties, beans, profiles or
 * {@code @DirtiesContext}) runs on one application, started once for all of them ({@link ApplicationsInTurn}); a
 * subclass with settings of its own starts its own. The classes share the database, the engine, the mail outbox and
 * the in-memory sign-in back-off: a test makes its own complaints and users' data with fresh references, counts
 * differences, puts back the engine clock it moved, and leaves no given-up e-mail behind.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // survey invitations go out within seconds, not at the next full minute
        properties = {
            "camunda.bpm.job-execution.enabled=true",
            "complaints.survey.schedule=*/2 * * * * *",
            "complaints.survey.delay=PT0S",
            "complaints.mail.outbox.schedule=* * * * * *"
        })
@ActiveProfiles("postgres")
// every test complainant comes from 127.0.0.1 and the test classes share one application: the per-address limit
// of production would refuse them; a class that tests the limit sets its own (it wins over this one)
@TestPropertySource(properties = "complaints.intake.max-submissions-per-minute=1000")
// Spring Boot tests switch metrics export off unless asked; production exports them (EndToEndPostgresIT reads them)
@AutoConfigureObservability(tracing = false)
public abstract class PostgresApplicationTestSupport {

    protected static final String MAIL_FROM = "complaints@it.example.org";
    protected static final String ORGANISATION = "IT Example Organisation";
    protected static final String MESSAGE_ID_DOMAIN = "complaints.it.example.org";
    protected static final String PUBLIC_BASE_URL = "https://complaints.it.example.org";
    protected static final String PASSWORD = DemoUsers.PASSWORD;
    protected static final Duration TIMEOUT = Duration.ofSeconds(60);
    protected static final ObjectMapper JSON = new ObjectMapper();

    /** Stopped when the test JVM ends, after every test class has closed its application context. */
    private static final EmbeddedPostgres POSTGRES = startPostgres();
    // chosen after PostgreSQL has its port: chosen before, the server could take the same free port first
    private static final int SMTP_PORT = freePortBut(POSTGRES.getPort());

    @RegisterExtension
    protected static final SmtpTestServer MAILBOX =
            new SmtpTestServer(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void productionEnvironment(DynamicPropertyRegistry registry) {
        // the placeholders of application-postgres.yaml, as an operator would set them in the environment
        registry.add("COMPLAINTS_DB_URL", () -> "jdbc:postgresql://localhost:" + POSTGRES.getPort() + "/complaints");
        registry.add("COMPLAINTS_DB_USER", () -> "complaints");
        registry.add("COMPLAINTS_DB_PASSWORD", () -> "complaints-secret");
        registry.add("COMPLAINTS_SMTP_HOST", () -> "127.0.0.1");
        registry.add("COMPLAINTS_SMTP_PORT", () -> SMTP_PORT);
        registry.add("COMPLAINTS_SMTP_AUTH", () -> "false");
        registry.add("COMPLAINTS_SMTP_STARTTLS", () -> "false");
        registry.add("COMPLAINTS_MAIL_FROM", () -> MAIL_FROM);
        registry.add("COMPLAINTS_ORGANISATION", () -> ORGANISATION);
        registry.add("COMPLAINTS_MESSAGE_ID_DOMAIN", () -> MESSAGE_ID_DOMAIN);
        registry.add("COMPLAINTS_EXTERNAL_BODY", () -> "IT Dispute Resolution Board");
        registry.add("COMPLAINTS_EXTERNAL_BODY_URL", () -> "https://adr.it.example.org");
        registry.add("COMPLAINTS_PUBLIC_BASE_URL", () -> PUBLIC_BASE_URL);
        registry.add("COMPLAINTS_ADMIN_USER", () -> "itadmin");
        registry.add("COMPLAINTS_ADMIN_PASSWORD", () -> "it-admin-password-2026");
        registry.add("COMPLAINTS_MANAGEMENT_PORT", () -> 0);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected IdentityService identityService;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected MessageSource messageSource;

    protected RestClient rest;

    @BeforeEach
    void staffAndClient() {
        // demo mode is off with the postgres profile: create the staff accounts as an administrator would
        DemoUsers.seed(identityService);
        // one database for all test classes: sign-in back-off from an earlier class must not leak into this one
        DemoUsers.USERS.forEach(user -> identityService.unlockUser(user.id()));
        rest = RestClient.builder()
                .baseUrl("http://127.0.0.1:" + port + "/engine-rest")
                .requestFactory(new JdkClientHttpRequestFactory())
                .build();
    }

    // ---------------------------------------------------------------- REST as a person uses it

    public record Reply(int status, String body) {
        public JsonNode json() {
            try {
                return body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }
    }

    /** The engine ids in a 200 reply (of every object in it, nested ones included). */
    protected static List<String> ids(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().findValuesAsText("id").stream()
                .filter(id -> id.length() > 10)
                .distinct()
                .toList();
    }

    protected Reply get(String user, String path) {
        return call(user, PASSWORD, HttpMethod.GET, path, null);
    }

    protected Reply post(String user, String path, Object body) {
        return call(user, PASSWORD, HttpMethod.POST, path, body);
    }

    protected Reply call(String user, String password, HttpMethod method, String path, Object body) {
        RestClient.RequestBodySpec request = rest.method(method).uri(path).accept(MediaType.APPLICATION_JSON);
        if (user != null) {
            request.headers(headers -> headers.setBasicAuth(user, password));
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((req, res) -> new Reply(
                res.getStatusCode().value(), new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    protected void claim(String taskId, String user) {
        Reply reply = post(user, "/task/" + taskId + "/claim", Map.of("userId", user));
        assertThat(reply.status()).as("claim %s: %s", taskId, reply.body()).isEqualTo(204);
    }

    protected void complete(String user, String taskId, Map<String, Object> variables) {
        Reply reply = post(user, "/task/" + taskId + "/complete", Map.of("variables", variables));
        assertThat(reply.status()).as("complete %s: %s", taskId, reply.body()).isEqualTo(204);
    }

    protected String awaitTask(String reference, String taskDefinitionKey, String processInstanceId) throws Exception {
        JsonNode tasks = await("task " + taskDefinitionKey, processInstanceId, () -> {
            // an administrator sees every task (authorization checks are on; a proposer does not see the approval)
            JsonNode found = get(
                            "demo",
                            "/task?processInstanceBusinessKey=" + reference + "&taskDefinitionKey=" + taskDefinitionKey)
                    .json();
            return found.isArray() && !found.isEmpty() ? found : null;
        });
        assertThat(tasks).hasSize(1);
        return tasks.get(0).path("id").asText();
    }

    /** A handler assesses (in scope), investigates and decides "not upheld" through the REST API, as in Tasklist. */
    protected void decideNotUpheld(String reference, String processInstanceId, String findings, String reasons)
            throws Exception {
        complete("handler", awaitTask(reference, "Task_ConfirmAssessment", processInstanceId), inScopeAssessment());
        complete(
                "handler",
                awaitTask(reference, "Task_InvestigateComplaint", processInstanceId),
                variables("findings", findings, "rootCause", "process-failure", "systemicIssue", false));
        complete(
                "handler",
                awaitTask(reference, "Task_ProposeResolution", processInstanceId),
                variables("outcome", "not-upheld", "decisionReasons", reasons));
    }

    /** The assessment form's answers for an ordinary complaint, in scope and as the rules classified it. */
    protected static Map<String, Object> inScopeAssessment() {
        return variables(
                "scopeDecision",
                "in-scope",
                "severity",
                "medium",
                "impact",
                "individual",
                "category",
                "other",
                "safetyRelevant",
                false,
                "overrideAssessment",
                false);
    }

    /** Camunda REST variables: {"name": {"value": ..., "type": ...}}. */
    protected static Map<String, Object> variables(Object... namesAndValues) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            String type = value instanceof Boolean
                    ? "Boolean"
                    : value instanceof Long ? "Long" : value instanceof Integer ? "Integer" : "String";
            variables.put((String) namesAndValues[i], Map.of("value", value, "type", type));
        }
        return variables;
    }

    /** Files a complaint through the public JSON API, as a complainant does; returns reference and tracking token. */
    protected JsonNode fileComplaint(String name, String email, String phone, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("email", email);
        body.put("phone", phone);
        body.put("language", "en");
        body.put("productOrService", "Home delivery");
        body.put("description", description);
        body.put("remedySought", "A refund for " + name);
        body.put("consent", true);
        Reply reply = publicCall(HttpMethod.POST, "/api/complaints", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    /** A call to the application outside /engine-rest (public or staff API), optionally as a member of staff. */
    protected Reply appCall(String user, HttpMethod method, String path, Object body) {
        RestClient.RequestBodySpec request = RestClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .requestFactory(new JdkClientHttpRequestFactory())
                .build()
                .method(method)
                .uri(path)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
        if (user != null) {
            request.headers(headers -> headers.setBasicAuth(user, PASSWORD));
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((req, res) -> new Reply(
                res.getStatusCode().value(), new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    protected Reply publicCall(HttpMethod method, String path, Object body) {
        return appCall(null, method, path, body);
    }

    protected String processInstanceOf(String reference) throws Exception {
        return await("process instance of " + reference, null, () -> {
            Object id = complaintRow(reference).get("process_instance_id");
            return id == null ? null : id.toString();
        });
    }

    // ---------------------------------------------------------------- register and mailbox

    protected Map<String, Object> complaintRow(String reference) {
        return jdbc.sql("select * from cmp_complaint where reference = ?")
                .param(reference)
                .query()
                .singleRow();
    }

    protected int eventCount(String reference, String type) {
        return jdbc.sql("""
                select count(*) from cmp_event e join cmp_complaint c on c.id = e.complaint_id
                where c.reference = ? and e.event_type = ?""").params(reference, type).query(Integer.class).single();
    }

    protected static String messageId(String dedupKey, String reference) {
        return "<" + dedupKey + "." + reference + "@" + MESSAGE_ID_DOMAIN + ">";
    }

    /**
     * Signs in to Tasklist as a browser does: the first page hands out the CSRF token (a cookie), the login form
     * echoes it in a header. The client must keep its cookies in {@code cookies}. Returns the login's reply.
     */
    protected HttpResponse<String> signInToTasklist(HttpClient browser, CookieManager cookies, String user)
            throws Exception {
        browser.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/camunda/app/tasklist/default/"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        String token = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN"))
                .reduce((first, second) -> second)
                .orElseThrow()
                .getValue();
        return browser.send(
                HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + port + "/camunda/api/admin/auth/user/default/login/tasklist"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-XSRF-TOKEN", token)
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + PASSWORD))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    protected MimeMessage awaitMail(String messageId, String processInstanceId) throws Exception {
        return await("e-mail " + messageId, processInstanceId, () -> {
            for (MimeMessage message : MAILBOX.getReceivedMessages()) {
                if (messageId.equals(message.getMessageID())) {
                    return message;
                }
            }
            return null;
        });
    }

    protected static List<String> recipients(MimeMessage message) throws MessagingException {
        Address[] all = message.getAllRecipients();
        return all == null
                ? List.of()
                : Arrays.stream(all).map(Address::toString).toList();
    }

    protected static String text(MimeMessage message) throws Exception {
        Object content = message.getContent();
        assertThat(content).as("plain-text body").isInstanceOf(String.class);
        return (String) content;
    }

    // ---------------------------------------------------------------- waiting without fixed sleeps

    /** Polls {@code probe} until it returns non-null; on timeout fails with the process's failed jobs and incidents. */
    protected <T> T await(String what, String processInstanceId, Callable<T> probe) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                T value = probe.call();
                if (value != null) {
                    return value;
                }
            } catch (Exception | AssertionError e) {
                last = e instanceof Exception ex ? ex : new Exception(e);
            }
            Thread.sleep(200);
        }
        AssertionError failure = new AssertionError(
                "Waited " + TIMEOUT.toSeconds() + " s for " + what + "; " + diagnostics(processInstanceId));
        if (last != null) {
            failure.addSuppressed(last);
        }
        throw failure;
    }

    protected String diagnostics(String processInstanceId) {
        if (processInstanceId == null) {
            return "no process instance";
        }
        List<String> lines = new ArrayList<>();
        JsonNode jobs =
                get("demo", "/job?processInstanceId=" + processInstanceId).json();
        jobs.forEach(job -> lines.add("job " + job.path("id").asText() + " retries="
                + job.path("retries").asText() + " exception="
                + job.path("exceptionMessage").asText()));
        JsonNode incidents =
                get("demo", "/incident?processInstanceId=" + processInstanceId).json();
        incidents.forEach(incident ->
                lines.add("incident at " + incident.path("activityId").asText() + ": "
                        + incident.path("incidentMessage").asText()));
        JsonNode activities = get(
                        "demo",
                        "/history/activity-instance?processInstanceId=" + processInstanceId
                                + "&sortBy=startTime&sortOrder=asc")
                .json();
        lines.add("activities: "
                + activities.findValuesAsText("activityId").stream().collect(Collectors.joining(", ")));
        lines.add("mails received: "
                + Arrays.stream(MAILBOX.getReceivedMessages())
                        .map(m -> {
                            try {
                                return m.getMessageID();
                            } catch (MessagingException e) {
                                return "?";
                            }
                        })
                        .toList());
        return String.join("\n", lines);
    }

    // ---------------------------------------------------------------- infrastructure started before Spring

    private static int freePortBut(int taken) {
        int port = freePort();
        while (port == taken) {
            port = freePort();
        }
        return port;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A connection to the application's database as PostgreSQL's superuser: for diagnosis in the benchmark. */
    protected static Connection superuserConnection() throws java.sql.SQLException {
        return POSTGRES.getDatabase("postgres", "complaints").getConnection();
    }

    /** PostgreSQL 16 with an application role that owns its database, as a DBA would set it up. */
    private static EmbeddedPostgres startPostgres() {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            Integer explainAfter = Integer.getInteger("bench.auto-explain-ms");
            if (explainAfter != null) {
                // diagnosis: the server logs the plan (with actual rows and times) of every statement this slow
                builder.setServerConfig("shared_preload_libraries", "auto_explain")
                        .setServerConfig("auto_explain.log_min_duration", explainAfter + "ms")
                        .setServerConfig("auto_explain.log_analyze", "on")
                        .setServerConfig("auto_explain.log_buffers", "on")
                        .setServerConfig("auto_explain.log_nested_statements", "on")
                        .setServerConfig("logging_collector", "on")
                        .setServerConfig(
                                "log_directory",
                                Path.of("target", "postgres-log")
                                        .toAbsolutePath()
                                        .toString());
            }
            // e.g. -Dbench.postgres.synchronous_commit=on: the embedded server's defaults include it off
            System.getProperties().stringPropertyNames().stream()
                    .filter(name -> name.startsWith("bench.postgres."))
                    .forEach(name -> builder.setServerConfig(
                            name.substring("bench.postgres.".length()), System.getProperty(name)));
            EmbeddedPostgres postgres = builder.start();
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("create role complaints login password 'complaints-secret'");
                statement.execute("create database complaints owner complaints");
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    // the JVM is ending anyway
                }
            }));
            return postgres;
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL", e);
        }
    }
}
