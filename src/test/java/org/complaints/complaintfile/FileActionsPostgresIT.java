package org.complaints.complaintfile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.identity.User;
import org.complaints.PostgresApplicationTestSupport;
import org.complaints.intake.email.InboundMail;
import org.complaints.intake.email.InboundMailIntake;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The actions on the complaint file on PostgreSQL, over HTTP as staff call them: a message to the complainant sent
 * once (also when submitted twice) in the complainant's language and answered by e-mail and on the status page
 * onto the same complaint; internal notes that the complainant never sees; contact data corrected with e-mails
 * still waiting readdressed and the replaced values in the audit log only; every refusal (anonymous, no staff
 * group, read-only quality manager, intake, confidential, named staff, closed, anonymised, unknown, bad input);
 * the file page's forms, which post only with the session's token.
 */
class FileActionsPostgresIT extends PostgresApplicationTestSupport {

    @Autowired
    private InboundMailIntake inbound;

    @BeforeEach
    void outsider() {
        if (identityService.createUserQuery().userId("outsider").count() == 0) {
            User user = identityService.newUser("outsider");
            user.setPassword(PASSWORD);
            user.setFirstName("Otto");
            user.setLastName("Outsider");
            identityService.saveUser(user);
        }
    }

    private record Filed(String reference, String token, String email, String instance) {}

    private Filed file(String description) throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String email = "actions." + unique + "@example.org";
        JsonNode filed = fileComplaint("Ferdi " + unique, email, null, description + " " + unique);
        String reference = filed.path("reference").asText();
        String instance = processInstanceOf(reference);
        awaitTask(reference, "Task_ConfirmAssessment", instance);
        return new Filed(reference, filed.path("trackingToken").asText(), email, instance);
    }

    private Reply act(String user, HttpMethod method, String path, Object body, String idempotencyKey) {
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
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((req, res) -> new Reply(
                res.getStatusCode().value(), new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    private Reply message(String user, String reference, Object body, String key) {
        return act(user, HttpMethod.POST, "/api/staff/complaints/" + reference + "/messages", body, key);
    }

    private Reply note(String user, String reference, String text) {
        return act(user, HttpMethod.POST, "/api/staff/complaints/" + reference + "/notes", Map.of("text", text), null);
    }

    private Reply contact(String user, String reference, Map<String, Object> body) {
        return act(user, HttpMethod.PATCH, "/api/staff/complaints/" + reference + "/contact", body, null);
    }

    private JsonNode fileOf(String user, String reference) {
        Reply reply = appCall(user, HttpMethod.GET, "/api/staff/complaints/" + reference, null);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static JsonNode entry(JsonNode timeline, String type) {
        for (JsonNode e : timeline) {
            if (type.equals(e.path("type").asText())) {
                return e;
            }
        }
        throw new AssertionError("no " + type + " in " + timeline);
    }

    private long sentWithId(String messageId) {
        return MAILBOX.getReceivedMessages().length == 0
                ? 0
                : java.util.Arrays.stream(MAILBOX.getReceivedMessages())
                        .filter(m -> {
                            try {
                                return messageId.equals(m.getMessageID());
                            } catch (jakarta.mail.MessagingException e) {
                                throw new IllegalStateException(e);
                            }
                        })
                        .count();
    }

    private void withdraw(Filed c) throws Exception {
        Reply withdrawn = publicCall(
                HttpMethod.POST,
                "/api/complaints/" + c.reference() + "/withdrawal?token=" + c.token(),
                Map.of("reason", "Sorted out by phone"));
        assertThat(withdrawn.status()).as(withdrawn.body()).isIn(200, 202);
        await("closure", c.instance(), () -> complaintRow(c.reference()).get("closed_at"));
    }

    @Test
    void aHandlerWritesToTheComplainantOnceAndTheRepliesLandOnTheComplaint() throws Exception {
        Filed c = file("The technician left the heating switched off.");
        String key = UUID.randomUUID().toString();
        Map<String, String> body = Map.of("subject", "Your heating", "text", "Could you tell us when it stopped?");
        Reply first = message("handler", c.reference(), body, key);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String messageId = first.json().path("messageId").asText();
        assertThat(messageId).isEqualTo(messageId("staff-message-" + key, c.reference()));
        // a double submit is the same message: answered, not sent again
        Reply again = message("handler", c.reference(), body, key);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("queuedNow").asBoolean()).isFalse();

        MimeMessage mail = awaitMail(messageId, c.instance());
        assertThat(recipients(mail)).containsExactly(c.email());
        assertThat(mail.getSubject()).contains("Your heating").contains(c.reference());
        String text = text(mail);
        assertThat(text)
                .contains("Could you tell us when it stopped?")
                .contains("/complaints/" + c.reference() + "?token=")
                .contains(PUBLIC_BASE_URL + "/privacy?lang=en");
        await(
                "outbox sent",
                c.instance(),
                () -> jdbc.sql("select count(*) from cmp_mail_outbox where message_id = ? and status = 'SENT'")
                                        .param(messageId)
                                        .query(Integer.class)
                                        .single()
                                == 1
                        ? true
                        : null);
        assertThat(sentWithId(messageId)).isEqualTo(1);
        // without a key, the same sender, subject and text are one message too
        Reply unkeyed = message("manager", c.reference(), Map.of("text", "We called you today."), null);
        assertThat(unkeyed.status()).as(unkeyed.body()).isEqualTo(201);
        assertThat(message("manager", c.reference(), Map.of("text", "We called you today."), null)
                        .status())
                .isEqualTo(200);

        JsonNode file = fileOf("handler", c.reference());
        JsonNode written = entry(file.path("timeline"), "MESSAGE_TO_COMPLAINANT");
        assertThat(written.path("actor").asText()).isEqualTo("handler");
        assertThat(written.path("text").asText())
                .contains("Your heating")
                .contains("Could you tell us when it stopped?");
        assertThat(eventCount(c.reference(), "MESSAGE_TO_COMPLAINANT")).isEqualTo(2);
        assertThat(file.path("actions").findValuesAsText("name")).contains("message", "note", "contact");

        // the complainant answers by e-mail (In-Reply-To our Message-ID) and on the status page
        InboundMailIntake.Result reply = inbound.take(new InboundMail(
                "<reply-" + key + "@mail.example.org>",
                List.of(messageId),
                "Re: Your heating",
                "Ferdi",
                c.email(),
                "It stopped on Monday morning, right after the visit.",
                List.of()));
        assertThat(reply.outcome()).isEqualTo(InboundMailIntake.Outcome.ADDED_TO_COMPLAINT);
        assertThat(reply.complaint().orElseThrow().reference()).isEqualTo(c.reference());
        Reply added = publicCall(
                HttpMethod.POST,
                "/api/complaints/" + c.reference() + "/messages?token=" + c.token(),
                Map.of("text", "The technician's name was Piet."));
        assertThat(added.status()).as(added.body()).isIn(200, 202);
        JsonNode after = fileOf("handler", c.reference()).path("timeline");
        List<String> information =
                after.findValues("text").stream().map(JsonNode::asText).toList();
        assertThat(information)
                .contains("It stopped on Monday morning, right after the visit.", "The technician's name was Piet.");
    }

    @Test
    void writingToTheComplainantIsRefusedToWhoMayNotAndOnBadInput() throws Exception {
        Filed c = file("The bill counts a month twice.");
        Map<String, String> ok = Map.of("text", "Hello");
        assertThat(message(null, c.reference(), ok, null).status()).isEqualTo(401);
        assertThat(message("outsider", c.reference(), ok, null).status()).isEqualTo(403);
        Reply quality = message("quality", c.reference(), ok, null);
        assertThat(quality.status()).isEqualTo(403);
        assertThat(quality.json().path("type").asText()).isEqualTo("urn:complaints:problem:forbidden");
        assertThat(quality.json().path("detail").asText()).contains("handlers and complaint managers");
        assertThat(message("intake", c.reference(), ok, null).status()).isEqualTo(403);
        assertThat(fileOf("quality", c.reference()).path("actions")).isEmpty();
        assertThat(message("handler", "CMP-2000-999999", ok, null).status()).isEqualTo(404);

        Reply empty = message("handler", c.reference(), Map.of("text", "  "), null);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().path("type").asText()).isEqualTo("urn:complaints:problem:invalid");
        assertThat(empty.json().path("detail").asText()).contains("text");
        assertThat(message("handler", c.reference(), Map.of("text", "x".repeat(4001)), null)
                        .status())
                .isEqualTo(400);
        assertThat(message("handler", c.reference(), Map.of("subject", "two\nlines", "text", "Hello"), null)
                        .status())
                .isEqualTo(400);
        assertThat(message("handler", c.reference(), ok, "not a key!").status()).isEqualTo(400);
        assertThat(act("handler", HttpMethod.POST, "/api/staff/complaints/" + c.reference() + "/messages", "{", null)
                        .status())
                .isEqualTo(400);
        assertThat(eventCount(c.reference(), "MESSAGE_TO_COMPLAINANT")).isZero();

        // confidential: handlers no more; named staff never
        Reply marked = appCall(
                "manager",
                HttpMethod.PUT,
                "/api/staff/complaints/" + c.reference() + "/access",
                Map.of("confidential", true, "namedStaff", List.of("handler2")));
        assertThat(marked.status()).as(marked.body()).isEqualTo(200);
        assertThat(message("handler", c.reference(), ok, null).status()).isEqualTo(403);
        assertThat(note("handler", c.reference(), "A note").status()).isEqualTo(403);
        assertThat(contact("handler", c.reference(), Map.of("name", "X", "reason", "typo"))
                        .status())
                .isEqualTo(403);
        Reply named = message("handler2", c.reference(), ok, null);
        assertThat(named.status()).isEqualTo(403);
        assertThat(named.json().path("detail").asText()).contains("names you");
        assertThat(message("manager", c.reference(), ok, null).status()).isEqualTo(201);

        // closed: a reply would start a new complaint, so nothing is sent from the file
        Filed closed = file("Withdrawn after a phone call.");
        withdraw(closed);
        Reply refused = message("handler", closed.reference(), ok, null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("type").asText()).isEqualTo("urn:complaints:problem:conflict");
        assertThat(fileOf("handler", closed.reference()).path("actions").findValuesAsText("name"))
                .doesNotContain("message")
                .contains("note", "contact");
    }

    @Test
    void internalNotesAreForStaffOnly() throws Exception {
        Filed c = file("The refund never arrived.");
        Reply added = note("handler", c.reference(), "Called the bank: refund bounced on an old IBAN.");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().path("author").asText()).isEqualTo("handler");
        JsonNode file = fileOf("manager", c.reference());
        assertThat(file.path("notes").get(0).path("text").asText())
                .isEqualTo("Called the bank: refund bounced on an old IBAN.");
        assertThat(entry(file.path("timeline"), "NOTE_ADDED").path("actor").asText())
                .isEqualTo("handler");
        assertThat(fileOf("quality", c.reference()).path("notes")).hasSize(1);
        assertThat(jdbc.sql("""
                        select count(*) from cmp_audit a join cmp_complaint c on c.id = a.complaint_id
                        where c.reference = ? and a.actor = 'handler' and a.action = 'complaint.NOTE_ADDED'""").param(c.reference()).query(Integer.class).single())
                .isEqualTo(1);

        // never on the complainant's status page, as JSON or HTML, nor in an e-mail
        Reply status = publicCall(HttpMethod.GET, "/api/complaints/" + c.reference() + "?token=" + c.token(), null);
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.body()).doesNotContain("old IBAN");
        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/complaints/" + c.reference()
                                        + "?token=" + c.token()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("old IBAN");
        assertThat(jdbc.sql("select count(*) from cmp_mail where body like '%old IBAN%'")
                        .query(Integer.class)
                        .single())
                .isZero();

        assertThat(note("quality", c.reference(), "Looks fine").status()).isEqualTo(403);
        assertThat(note(null, c.reference(), "Anonymous").status()).isEqualTo(401);
        assertThat(note("outsider", c.reference(), "Stranger").status()).isEqualTo(403);
        assertThat(note("handler", c.reference(), "").status()).isEqualTo(400);
        assertThat(note("handler", c.reference(), "bell\u0007").status()).isEqualTo(400);
        assertThat(note("handler", "CMP-2000-999999", "Lost").status()).isEqualTo(404);

        // a closed complaint still takes notes; an anonymised one nothing
        withdraw(c);
        assertThat(note("handler", c.reference(), "Withdrawn after our call.").status())
                .isEqualTo(201);
        Reply erased = appCall(
                "manager",
                HttpMethod.POST,
                "/api/staff/privacy/erasures",
                Map.of("email", c.email(), "reason", "Asked to be forgotten"));
        assertThat(erased.status()).as(erased.body()).isIn(200, 202);
        Reply refused = note("manager", c.reference(), "After erasure");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(contact("manager", c.reference(), Map.of("name", "Someone", "reason", "typo"))
                        .status())
                .isEqualTo(409);
        assertThat(fileOf("manager", c.reference()).toString()).doesNotContain("old IBAN");
    }

    @Test
    void correctedContactDataReachQueuedMailAndTheOldValuesStayInTheAuditLogOnly() throws Exception {
        Filed c = file("The parcel went to the wrong street.");
        long complaintId = ((Number) complaintRow(c.reference()).get("id")).longValue();
        // an e-mail the outbox gave up on (the mistyped address bounced), and a staff notice about the complaint
        jdbc.sql("""
                insert into cmp_mail_outbox (complaint_id, reference, dedup_key, template, language, recipients,
                    subject, body, message_id, status, attempts, queued_at, next_attempt_at)
                values (?, ?, 'it-waiting', 'status-update', 'en', ?, 'Status', 'Body', ?, 'FAILED', 5, now(), now())""")
                .params(complaintId, c.reference(), c.email(), messageId("it-waiting", c.reference()))
                .update();
        jdbc.sql("""
                insert into cmp_mail_outbox (complaint_id, reference, dedup_key, template, language, recipients,
                    subject, body, message_id, status, attempts, queued_at, next_attempt_at)
                values (?, ?, 'it-staff', 'task-overdue', 'en', 'manager@example.org', 'Overdue', 'Body', ?, 'FAILED',
                    5, now(), now())""")
                .params(complaintId, c.reference(), messageId("it-staff", c.reference()))
                .update();

        String corrected = "corrected." + c.email();
        Reply reply = contact(
                "handler",
                c.reference(),
                Map.of("email", corrected, "preferredLanguage", "nl", "phone", "+31 6 5555 1234", "reason", "Typo"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("changed").toString())
                .contains("email", "phone", "preferredLanguage")
                .doesNotContain("name");
        // the given-up e-mail, and the acknowledgement if the outbox had not sent it yet
        assertThat(reply.json().path("queuedMailsReaddressed").asInt()).isBetween(1, 2);
        assertThat(jdbc.sql("""
                        select count(*) from cmp_mail_outbox where complaint_id = ? and status in ('PENDING', 'FAILED')
                        and lower(recipients) = lower(?)""")
                        .params(complaintId, c.email())
                        .query(Integer.class)
                        .single())
                .isZero();
        Map<String, Object> row = complaintRow(c.reference());
        assertThat(row.get("complainant_email")).isEqualTo(corrected);
        assertThat(row.get("language")).isEqualTo("nl");
        assertThat(jdbc.sql("select recipients from cmp_mail_outbox where reference = ? and dedup_key = ?")
                        .params(c.reference(), "it-waiting")
                        .query(String.class)
                        .single())
                .isEqualTo(corrected);
        assertThat(jdbc.sql("select recipients from cmp_mail_outbox where reference = ? and dedup_key = ?")
                        .params(c.reference(), "it-staff")
                        .query(String.class)
                        .single())
                .isEqualTo("manager@example.org");
        // the given-up rows were only for this check: left behind, they would turn the shared database's outbox
        // health to FAILED for the tests that run after this one
        jdbc.sql("delete from cmp_mail_outbox where reference = ? and dedup_key in ('it-waiting', 'it-staff')")
                .param(c.reference())
                .update();

        // the old address: in the audit log, nowhere in the timeline or the register
        String payload = jdbc.sql("""
                        select payload from cmp_audit where complaint_id = ? and action = 'complaintfile.CONTACT_CORRECTED'""").param(complaintId).query(String.class).single();
        assertThat(payload).contains(c.email()).contains(corrected).contains("Typo");
        JsonNode file = fileOf("handler", c.reference());
        JsonNode event = entry(file.path("timeline"), "CONTACT_CORRECTED");
        assertThat(event.path("actor").asText()).isEqualTo("handler");
        assertThat(event.path("summary").asText()).contains("email");
        // (earlier entries keep what happened then, e.g. the acknowledgement sent to the old address)
        assertThat(event.toString()).doesNotContain(c.email());
        assertThat(jdbc.sql("""
                        select count(*) from cmp_event where complaint_id = ? and event_type = 'CONTACT_CORRECTED'
                        and (summary like ? or detail like ?)""")
                        .params(complaintId, "%" + c.email() + "%", "%" + c.email() + "%")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(file.path("contact").path("email").asText()).isEqualTo(corrected);

        // the next e-mail goes to the corrected address, in the corrected language
        Reply sent = message("handler", c.reference(), Map.of("text", "We found your parcel."), null);
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(sent.json().path("language").asText()).isEqualTo("nl");
        MimeMessage mail = awaitMail(sent.json().path("messageId").asText(), c.instance());
        assertThat(recipients(mail)).containsExactly(corrected);
        assertThat(text(mail)).contains("Beste").contains("/privacy?lang=nl");

        // repeated: nothing changes, nothing is recorded
        Reply repeated = contact(
                "handler", c.reference(), Map.of("email", corrected, "preferredLanguage", "nl", "reason", "Typo"));
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.json().path("changed")).isEmpty();
        assertThat(eventCount(c.reference(), "CONTACT_CORRECTED")).isEqualTo(1);

        // checked like the public form; refused to who may not
        Reply bad = contact("handler", c.reference(), Map.of("email", "not an address", "reason", "Typo"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("detail").asText()).contains("email");
        assertThat(contact("handler", c.reference(), Map.of("preferredLanguage", "de", "reason", "x"))
                        .status())
                .isEqualTo(400);
        assertThat(contact("handler", c.reference(), Map.of("phone", "call me", "reason", "x"))
                        .status())
                .isEqualTo(400);
        Reply noReason = contact("handler", c.reference(), Map.of("name", "Ferdi Jansen"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().path("detail").asText()).contains("reason");
        assertThat(complaintRow(c.reference()).get("complainant_name").toString())
                .startsWith("Ferdi ");
        assertThat(contact("quality", c.reference(), Map.of("name", "Q", "reason", "x"))
                        .status())
                .isEqualTo(403);
        assertThat(contact(null, c.reference(), Map.of("name", "Q", "reason", "x"))
                        .status())
                .isEqualTo(401);
        assertThat(contact("handler", "CMP-2000-999999", Map.of("name", "Q", "reason", "x"))
                        .status())
                .isEqualTo(404);

        // a closed complaint can still be corrected (the right to rectification)
        withdraw(c);
        assertThat(contact("handler", c.reference(), Map.of("name", "Ferdi Jansen", "reason", "Spelling"))
                        .status())
                .isEqualTo(200);
        assertThat(complaintRow(c.reference()).get("complainant_name")).isEqualTo("Ferdi Jansen");
    }

    @Test
    void theFilePageFormsPostOnlyWithTheSessionsToken() throws Exception {
        Filed c = file("The shop refused my warranty.");
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        assertThat(signInToTasklist(browser, cookies, "handler").statusCode()).isEqualTo(200);
        String filePath = "http://127.0.0.1:" + port + "/staff/complaints/" + c.reference();
        HttpResponse<String> page = browser.send(
                HttpRequest.newBuilder(URI.create(filePath + "?embedded=true")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"message-form\"", "id=\"note-form\"", "id=\"contact-form\"");
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).isTrue();

        HttpResponse<String> posted = browser.send(
                form(
                        filePath + "/notes",
                        "_csrf=" + token.group(1) + "&embedded=true&text=" + enc("Seen in the shop.")),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").orElseThrow())
                .endsWith("/staff/complaints/" + c.reference() + "?embedded=true#actions");
        HttpResponse<String> shown = browser.send(
                HttpRequest.newBuilder(URI.create(filePath + "?embedded=true")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(shown.body()).contains("Seen in the shop.").contains("role=\"status\"");

        // bad input comes back as a readable message with what was typed
        HttpResponse<String> invalid = browser.send(
                form(
                        filePath + "/contact",
                        "_csrf=" + token.group(1) + "&name=Ferdi&email=nope&preferredLanguage=en&reason=x"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(invalid.statusCode()).isEqualTo(302);
        String again = browser.send(
                        HttpRequest.newBuilder(URI.create(filePath)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(again).contains("role=\"alert\"").contains("nope");

        // without the token: neither the session (401) nor HTTP Basic (403) posts a form
        HttpResponse<String> forged =
                browser.send(form(filePath + "/notes", "text=" + enc("Forged")), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(401);
        HttpResponse<String> basic = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(filePath + "/notes"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + java.util.Base64.getEncoder()
                                                        .encodeToString(("handler:" + PASSWORD)
                                                                .getBytes(StandardCharsets.UTF_8)))
                                .POST(HttpRequest.BodyPublishers.ofString("text=" + enc("Forged")))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(basic.statusCode()).isEqualTo(403);
        assertThat(fileOf("handler", c.reference()).path("notes")).hasSize(1);
    }

    private static HttpRequest form(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
