package org.complaints.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.complaints.PostgresApplicationTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The attacks of the security issue's edge findings, replayed through HTTP as an outsider or a member of staff
 * with an ordinary account would: locking a colleague out with wrong passwords, choosing one's own client address
 * and redirect host through forwarded headers, taking over a task a colleague has claimed, reading private pages
 * from a cache, undeliverable addresses, active content as attachments, and complainants' addresses in the log.
 * Requests that must come from another network address are sent from other loopback addresses (127.0.0.x).
 */
@ExtendWith(OutputCaptureExtension.class)
// room for the complaints these tests file from 127.0.0.1 within one minute; the flood test sends more than twice this
@TestPropertySource(properties = "complaints.intake.max-submissions-per-minute=" + EdgeHardeningPostgresIT.PER_MINUTE)
class EdgeHardeningPostgresIT extends PostgresApplicationTestSupport {

    static final int PER_MINUTE = 20;

    // ---------------------------------------------------------------- sign-in back-off

    @Test
    void wrongPasswordsSlowTheirSourceButNeverLockTheAccountOut() throws Exception {
        String attacker = "127.0.0.3";
        Raw failed =
                raw(attacker, "GET", "/engine-rest/task", Map.of("Authorization", basic("handler", "guess-1")), null);
        assertThat(failed.status()).isEqualTo(401);

        // the attacker's source waits, even with the right password
        Raw throttled =
                raw(attacker, "GET", "/engine-rest/task", Map.of("Authorization", basic("handler", PASSWORD)), null);
        assertThat(throttled.status()).as(throttled.body()).isEqualTo(429);
        assertThat(Integer.parseInt(throttled.header("Retry-After"))).isBetween(1, 60);
        assertThat(throttled.body()).contains("Too many failed sign-ins");

        // the member of staff, from their own address, signs in at once: REST, staff API, webapps
        Reply own = get("handler", "/task");
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(appCall("handler", HttpMethod.GET, "/api/staff/audit/verification", null)
                        .status())
                .isEqualTo(403);
        HttpClient browser =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> login = signInToTasklist(
                browser, (CookieManager) browser.cookieHandler().orElseThrow(), "handler");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    }

    @Test
    void wrongPasswordsAtTheWebappLoginSlowTheirSourceOnly() throws Exception {
        String attacker = "127.0.0.4";
        Raw failed = webappLogin(attacker, "manager", "guess-1");
        assertThat(failed.status()).as(failed.body()).isEqualTo(401);
        Raw throttled = webappLogin(attacker, "manager", PASSWORD);
        assertThat(throttled.status()).as(throttled.body()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isNotNull();

        HttpClient browser =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> login = signInToTasklist(
                browser, (CookieManager) browser.cookieHandler().orElseThrow(), "manager");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(get("manager", "/task").status()).isEqualTo(200);
    }

    // ---------------------------------------------------------------- forwarded headers

    @Test
    void aClientCannotChooseItsAddressForTheIntakeRateLimit() {
        String flooder = "127.0.0.2";
        List<Integer> statuses = new ArrayList<>();
        // more than two minutes' worth: at least one window overflows even if a minute turns meanwhile
        for (int i = 1; i <= 2 * PER_MINUTE + 5; i++) {
            // an empty complaint: refused (400) after it was counted, so nothing is filed
            statuses.add(raw(
                            flooder,
                            "POST",
                            "/api/complaints",
                            Map.of(
                                    "Content-Type",
                                    "application/json",
                                    "X-Forwarded-For",
                                    "198.51.100." + i,
                                    "X-Real-IP",
                                    "198.51.100." + i),
                            "{}")
                    .status());
        }
        assertThat(statuses).as(statuses.toString()).contains(429);
        assertThat(statuses).containsOnly(400, 429);
    }

    @Test
    void forwardedHostAndSchemeFromAClientAreIgnored() {
        Map<String, String> forged = Map.of(
                "X-Forwarded-Host",
                "evil.example",
                "X-Forwarded-Proto",
                "https",
                "X-Forwarded-Port",
                "443",
                "Forwarded",
                "host=evil.example;proto=https");
        List<String> locations = new ArrayList<>();
        List<String> strictTransport = new ArrayList<>();
        for (String path : List.of(
                "/camunda",
                "/camunda/",
                "/camunda/app",
                "/camunda/app/",
                "/camunda/app/tasklist",
                "/camunda/app/tasklist/default",
                "/camunda/app/cockpit",
                "/camunda/app/admin",
                "/staff/reports",
                "/api/staff",
                "/complaints")) {
            Raw answer = raw("127.0.0.1", "GET", path, forged, null);
            if (answer.status() >= 300 && answer.status() < 400) {
                locations.add(path + " -> " + answer.header("Location"));
            }
            if (answer.header("Strict-Transport-Security") != null) {
                strictTransport.add(path);
            }
        }
        assertThat(locations).as("the webapps redirect some of these paths").isNotEmpty();
        assertThat(locations).noneMatch(location -> location.contains("evil.example"));
        assertThat(locations).noneMatch(location -> location.contains("https:"));
        // nor is a plain HTTP request taken for HTTPS
        assertThat(strictTransport).isEmpty();
    }

    // ---------------------------------------------------------------- claimed tasks

    @Test
    void aClaimedTaskIsTheAssigneesUntilAComplaintManagerMovesIt() throws Exception {
        JsonNode filed = fileComplaint(
                "Claire Claimed",
                "claire." + UUID.randomUUID() + "@example.net",
                null,
                "Two handlers of the same group reach for my complaint.");
        String reference = filed.path("reference").asText();
        String instance = processInstanceOf(reference);
        String task = awaitTask(reference, "Task_ConfirmAssessment", instance);
        claim(task, "handler");
        String path = "/task/" + task;

        // another member of the group: refused, with the reason
        for (Reply refused : List.of(
                post("handler2", path + "/complete", assessment()),
                post("handler2", path + "/submit-form", assessment()),
                post("handler2", path + "/unclaim", null),
                post("handler2", path + "/assignee", Map.of("userId", "handler2")),
                post("handler2", path + "/delegate", Map.of("userId", "handler2")),
                post("handler2", path + "/identity-links", Map.of("userId", "handler2", "type", "assignee")),
                post("handler2", path + "/identity-links/delete", Map.of("userId", "handler", "type", "assignee")),
                call("handler2", PASSWORD, HttpMethod.PUT, path, Map.of("name", "Assess", "assignee", "handler2")))) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.json().path("message").asText()).contains("claimed by handler");
        }
        // claiming it is a conflict, not a server error
        Reply conflict = post("handler2", path + "/claim", Map.of("userId", "handler2"));
        assertThat(conflict.status()).as(conflict.body()).isEqualTo(409);
        assertThat(conflict.json().path("message").asText()).contains("already been claimed by handler");
        assertThat(get("demo", path).json().path("assignee").asText()).isEqualTo("handler");
        assertThat(eventCount(reference, "ASSESSED")).isZero();

        // a complaint manager hands it over; then only the new assignee completes it
        Reply handover = post("manager", path + "/assignee", Map.of("userId", "handler2"));
        assertThat(handover.status()).as(handover.body()).isEqualTo(204);
        assertThat(post("handler", path + "/complete", assessment()).status()).isEqualTo(403);
        complete("handler2", task, inScopeAssessment());
        awaitTask(reference, "Task_InvestigateComplaint", instance);
        assertThat(eventCount(reference, "ASSESSED")).isOne();
    }

    @Test
    void theAssigneeMayReleaseAndHandOverTheirOwnTask() throws Exception {
        JsonNode filed = fileComplaint(
                "Rita Release",
                "rita." + UUID.randomUUID() + "@example.net",
                null,
                "The handler who took my complaint goes on leave.");
        String reference = filed.path("reference").asText();
        String instance = processInstanceOf(reference);
        String task = awaitTask(reference, "Task_ConfirmAssessment", instance);
        claim(task, "handler");
        assertThat(post("handler", "/task/" + task + "/unclaim", null).status()).isEqualTo(204);
        claim(task, "handler2");
        assertThat(post("handler2", "/task/" + task + "/assignee", Map.of("userId", "handler"))
                        .status())
                .isEqualTo(204);
        assertThat(get("demo", "/task/" + task).json().path("assignee").asText())
                .isEqualTo("handler");
    }

    private static Map<String, Object> assessment() {
        return Map.of("variables", inScopeAssessment());
    }

    // ---------------------------------------------------------------- caching and sniffing

    @Test
    void privatePagesAreNeverCachedAndRestAnswersAreNotSniffed() throws Exception {
        String email = "nora." + UUID.randomUUID() + "@example.net";
        JsonNode filed = fileComplaint("Nora Nocache", email, null, "My status page must not stay in a shared cache.");
        String reference = filed.path("reference").asText();
        String token = filed.path("trackingToken").asText();

        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("status page", header(null, "/complaints/" + reference + "?token=" + token, "Cache-Control"));
        answers.put("status API", header(null, "/api/complaints/" + reference + "?token=" + token, "Cache-Control"));
        answers.put(
                "subject access",
                header(
                        "manager",
                        "/api/staff/privacy/subject-access?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8),
                        "Cache-Control"));
        answers.put("reports page", header("quality", "/staff/reports", "Cache-Control"));
        answers.put(
                "evidence page", header("quality", "/staff/complaints/" + reference + "/evidence", "Cache-Control"));
        answers.put(
                "staff API",
                header("quality", "/api/staff/reports/summary?from=2026-01-01&to=2026-12-31", "Cache-Control"));
        assertThat(answers)
                .allSatisfy((what, cacheControl) ->
                        assertThat(cacheControl).as(what).isEqualTo("no-store"));

        assertThat(header("handler", "/engine-rest/task", "X-Content-Type-Options"))
                .isEqualTo("nosniff");
        assertThat(header(null, "/engine-rest/task", "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(null, "/engine-rest/engine", "X-Content-Type-Options"))
                .isEqualTo("nosniff");
    }

    @Test
    void theRestApisFileDownloadsAreDownloadsNeverPages() throws Exception {
        JsonNode filed = fileComplaint(
                "Fiona File",
                "fiona." + UUID.randomUUID() + "@example.net",
                null,
                "A page attached to a task must never open as a page.");
        String reference = filed.path("reference").asText();
        String task = awaitTask(reference, "Task_ConfirmAssessment", processInstanceOf(reference));
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("attachment-name", "page.html");
        parts.add("attachment-type", "text/html");
        HttpHeaders declared = new HttpHeaders();
        declared.setContentType(MediaType.TEXT_HTML);
        declared.setContentDispositionFormData("content", "page.html");
        parts.add(
                "content",
                new HttpEntity<>(
                        new ByteArrayResource("<html><script>alert(document.cookie)</script></html>"
                                .getBytes(StandardCharsets.UTF_8)),
                        declared));
        Reply created = rest.post()
                .uri("/task/" + task + "/attachment/create")
                .headers(headers -> headers.setBasicAuth("demo", PASSWORD))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .accept(MediaType.APPLICATION_JSON)
                .body(parts)
                .exchange((req, res) -> new Reply(
                        res.getStatusCode().value(), new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
        assertThat(created.status()).as(created.body()).isEqualTo(200);

        HttpResponse<String> data = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + port + "/engine-rest/task/" + task + "/attachment/"
                                                + created.json().path("id").asText() + "/data"))
                                .header("Authorization", basic("demo", PASSWORD))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(data.statusCode()).isEqualTo(200);
        assertThat(data.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(disposition -> assertThat(disposition).startsWith("attachment"));
        assertThat(data.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(data.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    /** One header of a GET answer (status 200 or 401 expected), optionally as a member of staff. */
    private String header(String user, String path, String name) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET();
        if (user != null) {
            request.header("Authorization", basic(user, PASSWORD));
        }
        HttpResponse<String> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isIn(200, 401);
        return response.headers().firstValue(name).orElse(null);
    }

    // ---------------------------------------------------------------- what the public sends

    @Test
    void anUndeliverableAddressIsRefusedWithAReadableProblem() {
        for (String address : List.of("a@b.c>", "Paula <paula@example.net>", "paula @example.net")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", "Paula Example");
            body.put("email", address);
            body.put("language", "en");
            body.put("productOrService", "Home delivery");
            body.put("description", "The parcel never arrived at my door.");
            body.put("consent", true);
            Reply refused = publicCall(HttpMethod.POST, "/api/complaints", body);
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactly("email");
            assertThat(refused.body()).contains("is not a valid e-mail address");
        }
    }

    @Test
    void activeContentIsRefusedAsAnAttachment() {
        byte[] polyglot = ("%PDF-1.4\n%<html><body><script>fetch('/engine-rest/user')</script></body></html>\n"
                        + "1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(document.cookie)\"></svg>"
                .getBytes(StandardCharsets.UTF_8);
        for (var file : List.of(
                Map.entry("statement.pdf", Map.entry(polyglot, "application/pdf")),
                Map.entry("photo.svg", Map.entry(svg, "image/svg+xml")),
                Map.entry("photo.png", Map.entry(svg, "image/png")),
                Map.entry("notes.txt", Map.entry(svg, "text/plain")))) {
            MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
            parts.add("name", "Ada Attach");
            parts.add("email", "ada." + UUID.randomUUID() + "@example.net");
            parts.add("language", "en");
            parts.add("productOrService", "Home delivery");
            parts.add("description", "My statement is attached to this complaint.");
            parts.add("consent", "true");
            HttpHeaders declared = new HttpHeaders();
            declared.setContentType(MediaType.parseMediaType(file.getValue().getValue()));
            declared.setContentDispositionFormData("attachments", file.getKey());
            parts.add(
                    "attachments",
                    new HttpEntity<>(new ByteArrayResource(file.getValue().getKey()), declared));
            Reply refused = RestClient.builder()
                    .baseUrl("http://127.0.0.1:" + port)
                    .requestFactory(new JdkClientHttpRequestFactory())
                    .build()
                    .post()
                    .uri("/api/complaints")
                    .contentType(MediaType.MULTIPART_FORM_DATA)
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                    .body(parts)
                    .exchange((req, res) -> new Reply(
                            res.getStatusCode().value(),
                            new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
            assertThat(refused.status())
                    .as(file.getKey() + ": " + refused.body())
                    .isEqualTo(400);
            assertThat(refused.json().path("errors").findValuesAsText("field"))
                    .as(file.getKey())
                    .containsExactly("attachments");
        }
    }

    // ---------------------------------------------------------------- the log

    @Test
    void theMailServersLogNamesNoComplainant(CapturedOutput output) throws Exception {
        String email = "lena.log." + UUID.randomUUID() + "@example.net";
        JsonNode filed = fileComplaint("Lena Log", email, null, "My address should appear in no log line.");
        String reference = filed.path("reference").asText();
        awaitMail(messageId("acknowledgement", reference), processInstanceOf(reference));
        assertThat(output.getAll().toLowerCase(Locale.ROOT)).doesNotContain(email.toLowerCase(Locale.ROOT));
    }

    // ---------------------------------------------------------------- HTTP from another address

    record Raw(int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }

        List<String> cookies() {
            return headers.getOrDefault("set-cookie", List.of()).stream()
                    .map(c -> c.split(";", 2)[0])
                    .toList();
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Signs in to Tasklist from {@code from} as a browser there does (CSRF cookie first); the login's answer. */
    private Raw webappLogin(String from, String user, String password) {
        Raw page = raw(from, "GET", "/camunda/app/tasklist/default/", Map.of(), null);
        List<String> cookies = page.cookies();
        String token = cookies.stream()
                .filter(c -> c.startsWith("XSRF-TOKEN="))
                .reduce((a, b) -> b)
                .orElseThrow()
                .substring("XSRF-TOKEN=".length());
        return raw(
                from,
                "POST",
                "/camunda/api/admin/auth/user/default/login/tasklist",
                Map.of(
                        "Content-Type",
                        "application/x-www-form-urlencoded",
                        "X-XSRF-TOKEN",
                        token,
                        "Cookie",
                        String.join("; ", cookies)),
                "username=" + user + "&password=" + password);
    }

    /** One HTTP/1.1 exchange over a socket bound to the local address {@code from}. */
    private Raw raw(String from, String method, String path, Map<String, String> headers, String body) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nConnection: close\r\nAccept: application/json, text/html\r\n");
            headers.forEach((name, value) ->
                    head.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(content.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            byte[] answer = socket.getInputStream().readAllBytes();
            return parse(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Raw parse(byte[] answer) {
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(
                            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(text.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1));
        return new Raw(status, headers, body.toString(StandardCharsets.UTF_8));
    }
}
