package org.complaints.intake.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.complaints.PostgresApplicationTestSupport;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/** The complainant's JSON API over HTTP on PostgreSQL: every operation, every error, the idempotent retry. */
@TestPropertySource(properties = "complaints.intake.max-submissions-per-minute=80")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicApiIT extends PostgresApplicationTestSupport {

    record Answer(int status, HttpHeaders headers, String body) {
        JsonNode json() {
            try {
                return body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
            } catch (Exception e) {
                throw new IllegalStateException("Not JSON: " + body, e);
            }
        }

        List<String> fields() {
            List<String> fields = new ArrayList<>();
            json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
            return fields;
        }
    }

    private RestClient api() {
        return RestClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .requestFactory(new JdkClientHttpRequestFactory())
                .build();
    }

    private Answer send(HttpMethod method, String path, Object body, MediaType type, Map<String, String> headers) {
        RestClient.RequestBodySpec request = api().method(method).uri(path);
        headers.forEach(request::header);
        if (body != null) {
            request.contentType(type).body(body);
        }
        return request.exchange((req, res) -> new Answer(
                res.getStatusCode().value(),
                res.getHeaders(),
                new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    private Answer postJson(String path, Object body, Map<String, String> headers) {
        return send(HttpMethod.POST, path, body, MediaType.APPLICATION_JSON, headers);
    }

    private static Map<String, Object> complaint(String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Sanne Bakker");
        body.put("email", email);
        body.put("language", "en");
        body.put("productOrService", "Mobile subscription");
        body.put("description", "I was charged twice for November and nobody answers the phone.");
        body.put("incidentDate", "2026-11-02");
        body.put("remedySought", "Refund the second charge");
        body.put("consent", true);
        return body;
    }

    private static String email() {
        return "api." + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
    }

    private long complaintsOf(String email) {
        return jdbc.sql("select count(*) from cmp_complaint where complainant_email = ?")
                .param(email)
                .query(Long.class)
                .single();
    }

    private Answer file(String email) {
        Answer filed = postJson("/api/complaints", complaint(email), Map.of());
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return filed;
    }

    @Test
    @Order(1)
    void aComplaintIsFiledAndAcknowledgedWithItsStatusLink() throws Exception {
        String email = email();
        Answer filed = file(email);
        String reference = filed.json().path("reference").asText();
        String token = filed.json().path("trackingToken").asText();
        assertThat(reference).matches("CMP-\\d{4}-\\d{6}");
        assertThat(filed.headers().getLocation()).hasToString("/api/complaints/" + reference);
        assertThat(filed.json().path("statusUrl").asText())
                .isEqualTo(PUBLIC_BASE_URL + "/complaints/" + reference + "?token=" + token);
        Map<String, Object> row = jdbc.sql("select * from cmp_complaint where reference = ?")
                .param(reference)
                .query()
                .singleRow();
        assertThat(row.get("channel")).as("the JSON API is its own channel").isEqualTo("api");
        assertThat(row.get("complainant_email")).isEqualTo(email);

        MimeMessage ack = awaitMail(messageId("acknowledgement", reference), (String) row.get("process_instance_id"));
        assertThat((String) ack.getContent())
                .contains(filed.json().path("statusUrl").asText());
    }

    @Test
    @Order(2)
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstComplaint() {
        String email = email();
        String key = UUID.randomUUID().toString();
        Answer first = postJson("/api/complaints", complaint(email), Map.of("Idempotency-Key", key));
        Answer retry = postJson("/api/complaints", complaint(email), Map.of("Idempotency-Key", key));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.json().path("reference").asText())
                .isEqualTo(first.json().path("reference").asText());
        assertThat(retry.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(complaintsOf(email)).isOne();

        Map<String, Object> other = complaint(email);
        other.put("description", "A different complaint sent with the same key by mistake.");
        Answer reused = postJson("/api/complaints", other, Map.of("Idempotency-Key", key));
        assertThat(reused.status()).as(reused.body()).isEqualTo(422);
        assertThat(complaintsOf(email)).isOne();
    }

    @Test
    @Order(3)
    void concurrentRetriesCreateOneComplaint() throws Exception {
        String email = email();
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit((Callable<Answer>)
                        () -> postJson("/api/complaints", complaint(email), Map.of("Idempotency-Key", key))));
            }
            List<String> references = new ArrayList<>();
            for (Future<Answer> answer : answers) {
                assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(201);
                references.add(answer.get().json().path("reference").asText());
            }
            assertThat(references).containsOnly(references.get(0));
        } finally {
            pool.shutdown();
        }
        assertThat(complaintsOf(email)).isOne();
    }

    @Test
    @Order(4)
    void invalidInputIsRefusedFieldByFieldInTheRequestedLanguageAndNothingIsStored() {
        Map<String, Object> body = complaint("not-an-address");
        body.remove("name");
        body.put("description", "short");
        body.put("consent", false);
        body.put("incidentDate", "2999-01-01");
        Answer refused = postJson("/api/complaints", body, Map.of("Accept-Language", "nl"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().getContentType()).hasToString("application/problem+json");
        assertThat(refused.fields()).contains("name", "email", "description", "consent", "incidentDate");
        assertThat(refused.json().path("title").asText()).isEqualTo("Er ontbreekt informatie of iets is niet geldig");
        assertThat(refused.body()).contains("Uw naam is verplicht.");
        assertThat(complaintsOf("not-an-address")).isZero();
    }

    @Test
    @Order(5)
    void headerInjectionAndDirectionOverridesAreRefusedAndTextIsStoredNfc() {
        String email = email();
        Map<String, Object> body = complaint(email);
        body.put("name", "Eve\r\nBcc: victim@example.org");
        body.put("productOrService", "Invoice \u202Efdp.exe");
        Answer refused = postJson("/api/complaints", body, Map.of());
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.fields()).contains("name", "productOrService");
        assertThat(complaintsOf(email)).isZero();

        Map<String, Object> decomposed = complaint(email);
        decomposed.put("name", "Zoe\u0308 <b>Smit</b>");
        Answer filed = postJson("/api/complaints", decomposed, Map.of());
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        assertThat(jdbc.sql("select complainant_name from cmp_complaint where complainant_email = ?")
                        .param(email)
                        .query(String.class)
                        .single())
                .isEqualTo("Zo\u00eb <b>Smit</b>");
    }

    @Test
    @Order(6)
    void unreadableBodiesAndBotsAreAnswered() {
        Answer malformed =
                send(HttpMethod.POST, "/api/complaints", "{\"name\": ", MediaType.APPLICATION_JSON, Map.of());
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("type").asText()).isEqualTo("urn:complaints:problem:unreadable");
        byte[] invalidUtf8 = "{\"name\":\"\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(send(HttpMethod.POST, "/api/complaints", invalidUtf8, MediaType.APPLICATION_JSON, Map.of())
                        .status())
                .isEqualTo(400);

        String email = email();
        Map<String, Object> bot = complaint(email);
        bot.put("website", "http://spam.example");
        assertThat(postJson("/api/complaints", bot, Map.of()).status()).isEqualTo(202);
        assertThat(complaintsOf(email)).isZero();
    }

    private Answer multipart(String email, Map<String, byte[]> files) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        complaint(email).forEach((k, v) -> parts.add(k, String.valueOf(v)));
        files.forEach((name, content) -> parts.add("attachments", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        }));
        return send(HttpMethod.POST, "/api/complaints", parts, MediaType.MULTIPART_FORM_DATA, Map.of());
    }

    @Test
    @Order(7)
    void attachmentsAreCheckedByContentCountAndSize() {
        String email = email();
        Map<String, byte[]> good = new java.util.LinkedHashMap<>();
        good.put("receipt.pdf", "%PDF-1.7 receipt".getBytes());
        good.put("photo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2});
        good.put("notes.txt", "Called twice on Monday.".getBytes(StandardCharsets.UTF_8));
        Answer filed = multipart(email, good);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        assertThat(jdbc.sql("""
                select a.content_type from cmp_attachment a join cmp_complaint c on c.id = a.complaint_id
                where c.complainant_email = ? order by a.id""").param(email).query(String.class).list())
                .containsExactly("application/pdf", "image/png", "text/plain");

        String other = email();
        Answer disguised = multipart(other, Map.of("invoice.pdf", new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0}));
        assertThat(disguised.status()).as(disguised.body()).isEqualTo(400);
        assertThat(disguised.fields()).containsOnly("attachments");

        Map<String, byte[]> six = new java.util.LinkedHashMap<>();
        for (int i = 1; i <= 6; i++) {
            six.put("note" + i + ".txt", ("note " + i).getBytes());
        }
        assertThat(multipart(other, six).status()).isEqualTo(400);

        Answer tooLarge =
                multipart(other, Map.of("a.txt", new byte[6 * 1024 * 1024], "b.txt", new byte[5 * 1024 * 1024]));
        assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(413);
        assertThat(tooLarge.headers().getContentType().toString()).startsWith("application/problem+json");
        assertThat(complaintsOf(other)).isZero();

        Map<String, Object> huge = complaint(other);
        huge.put("description", "x".repeat(12 * 1024 * 1024));
        Answer hugeJson = postJson("/api/complaints", huge, Map.of("Accept-Language", "nl"));
        assertThat(hugeJson.status()).isEqualTo(413);
        assertThat(hugeJson.json().path("title").asText()).isEqualTo("Te groot");
        assertThat(complaintsOf(other)).isZero();
    }

    @Test
    @Order(8)
    void theStatusNeedsTheTrackingTokenAndShowsNoInternals() throws Exception {
        String email = email();
        Answer filed = file(email);
        String reference = filed.json().path("reference").asText();
        String token = filed.json().path("trackingToken").asText();

        Answer byHeader =
                send(HttpMethod.GET, "/api/complaints/" + reference, null, null, Map.of("X-Tracking-Token", token));
        assertThat(byHeader.status()).as(byHeader.body()).isEqualTo(200);
        // the token must not leak through a Referer, and nothing of ours may be framed or sniffed
        Answer page = send(HttpMethod.GET, "/complaints/" + reference + "?token=" + token, null, null, Map.of());
        assertThat(page.status()).isEqualTo(200);
        for (Answer answer : List.of(byHeader, page)) {
            assertThat(answer.headers().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(answer.headers().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.headers().getFirst("X-Frame-Options")).isEqualTo("DENY");
            assertThat(answer.headers().getFirst("Content-Security-Policy"))
                    .contains("default-src 'self'")
                    .contains("frame-ancestors 'none'");
        }
        assertThat(byHeader.json().path("reference").asText()).isEqualTo(reference);
        assertThat(byHeader.json().path("open").asBoolean()).isTrue();
        assertThat(byHeader.json().has("nextStep")).isTrue();
        assertThat(send(HttpMethod.GET, "/api/complaints/" + reference + "?token=" + token, null, null, Map.of())
                        .status())
                .isEqualTo(200);

        Answer wrong =
                send(HttpMethod.GET, "/api/complaints/" + reference, null, null, Map.of("X-Tracking-Token", "guess"));
        Answer missing = send(HttpMethod.GET, "/api/complaints/" + reference, null, null, Map.of());
        Answer unknown =
                send(HttpMethod.GET, "/api/complaints/CMP-2099-999999", null, null, Map.of("X-Tracking-Token", token));
        for (Answer notFound : List.of(wrong, missing, unknown)) {
            assertThat(notFound.status()).isEqualTo(404);
            assertThat(notFound.json().path("detail").asText())
                    .isEqualTo(wrong.json().path("detail").asText());
            assertThat(notFound.json().path("title").asText())
                    .isEqualTo(wrong.json().path("title").asText());
        }
    }

    @Test
    @Order(9)
    void informationCanBeAddedAndTheDecisionAnsweredOnlyWhenOneWaits() throws Exception {
        Answer filed = file(email());
        String reference = filed.json().path("reference").asText();
        Map<String, String> token =
                Map.of("X-Tracking-Token", filed.json().path("trackingToken").asText());
        String processInstanceId =
                (String) jdbc.sql("select process_instance_id from cmp_complaint where reference = ?")
                        .param(reference)
                        .query()
                        .singleRow()
                        .get("process_instance_id");

        awaitMail(messageId("acknowledgement", reference), processInstanceId);
        Answer added = postJson(
                "/api/complaints/" + reference + "/messages", Map.of("text", "My account number is 12345."), token);
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        awaitTask(reference, "Task_ReviewAddedInformation", processInstanceId);
        assertThat(postJson("/api/complaints/" + reference + "/messages", Map.of("text", " "), token)
                        .status())
                .isEqualTo(400);
        assertThat(postJson(
                                "/api/complaints/" + reference + "/messages",
                                Map.of("text", "x"),
                                Map.of("X-Tracking-Token", "wrong"))
                        .status())
                .isEqualTo(404);

        Answer early = postJson("/api/complaints/" + reference + "/decision-response", Map.of("accepted", true), token);
        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(early.headers().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
        assertThat(postJson("/api/complaints/" + reference + "/decision-response", Map.of("comment", "?"), token)
                        .status())
                .isEqualTo(400);

        // staff decide through the engine's REST API
        decideNotUpheld(
                reference,
                processInstanceId,
                "INTERNAL-FINDING: the billing run was executed twice.",
                "The second charge was for December, paid in advance.");
        awaitMail(messageId("decision-1", reference), processInstanceId);

        Answer status = send(HttpMethod.GET, "/api/complaints/" + reference, null, null, token);
        assertThat(status.json().path("awaitingDecisionResponse").asBoolean()).isTrue();
        assertThat(status.json().path("decision").path("outcome").asText()).isEqualTo("not-upheld");
        assertThat(status.body())
                .doesNotContain("INTERNAL-FINDING")
                .doesNotContain("handler")
                .doesNotContain("intake");

        Answer rejected = postJson(
                "/api/complaints/" + reference + "/decision-response",
                Map.of("accepted", false, "comment", "I paid December separately."),
                token);
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        awaitTask(reference, "Task_ReviewComplaint", processInstanceId);

        Answer inReview = send(HttpMethod.GET, "/api/complaints/" + reference, null, null, token);
        assertThat(inReview.json().path("stage").asText()).isEqualTo("INTERNAL_REVIEW");
        assertThat(inReview.json().path("awaitingDecisionResponse").asBoolean()).isFalse();
        assertThat(inReview.json().path("nextCommittedDate").isNull()).isFalse();

        Answer again = postJson(
                "/api/complaints/" + reference + "/decision-response",
                Map.of("accepted", true),
                Map.of("X-Tracking-Token", token.get("X-Tracking-Token"), "Accept-Language", "nl"));
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.headers().getFirst(HttpHeaders.RETRY_AFTER)).isNull();
        assertThat(again.json().path("type").asText()).isEqualTo("urn:complaints:problem:already-answered");
        assertThat(again.json().path("title").asText()).isEqualTo("Besluit al beantwoord");
        Answer page = send(
                HttpMethod.POST,
                "/complaints/" + reference + "/decision-response",
                "token=" + token.get("X-Tracking-Token") + "&accepted=true",
                MediaType.APPLICATION_FORM_URLENCODED,
                Map.of("Accept-Language", "nl"));
        assertThat(page.status()).as(page.body()).isEqualTo(409);
        assertThat(page.headers().getFirst(HttpHeaders.RETRY_AFTER)).isNull();
        assertThat(page.body()).contains("Besluit al beantwoord").doesNotContain("Probeer het over een minuut");
        String review = awaitTask(reference, "Task_ReviewComplaint", processInstanceId);

        // the ISO 10003 question is not open during the review: 409 to try later; an answer needs referring
        Answer notAsked =
                postJson("/api/complaints/" + reference + "/external-referral", Map.of("referring", false), token);
        assertThat(notAsked.status()).as(notAsked.body()).isEqualTo(409);
        assertThat(notAsked.headers().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
        assertThat(postJson("/api/complaints/" + reference + "/external-referral", Map.of("comment", "?"), token)
                        .status())
                .isEqualTo(400);
        assertThat(complaintRow(reference).get("closure_reason")).isNull();

        // independence at the edge: a manager assigning the review to the one who proposed is told why not
        Reply refused = post("manager", "/task/" + review + "/assignee", Map.of("userId", "handler"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("handler handled this complaint before (assessed, investigated, proposed");
        assertThat(eventCount(reference, "REVIEWER_EXCLUDED")).isOne();

        // rejected after the review: asked about external dispute resolution, answered "no" on the page
        complete(
                "manager",
                review,
                variables(
                        "reviewOutcome",
                        "not-upheld",
                        "reviewReasons",
                        "The second charge was for December, paid in advance, as the statement shows."));
        awaitMail(messageId("decision-2", reference), processInstanceId);
        Answer rejectedAgain =
                postJson("/api/complaints/" + reference + "/decision-response", Map.of("accepted", false), token);
        assertThat(rejectedAgain.status()).as(rejectedAgain.body()).isEqualTo(200);
        awaitMail(messageId("external-referral-offer", reference), processInstanceId);
        Answer asked = send(HttpMethod.GET, "/api/complaints/" + reference, null, null, token);
        assertThat(asked.json().path("stage").asText()).isEqualTo("REFERRAL_DECISION");
        assertThat(asked.json().path("awaitingExternalReferralAnswer").asBoolean())
                .isTrue();
        assertThat(asked.json().path("nextCommittedDate").isNull()).isFalse();
        String statusPage = "/complaints/" + reference + "?token=" + token.get("X-Tracking-Token");
        Answer shown = send(HttpMethod.GET, statusPage, null, null, Map.of("Accept-Language", "nl"));
        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        assertThat(shown.body()).contains("/external-referral").contains("Nee, sluit mijn klacht af");
        Answer declined = send(
                HttpMethod.POST,
                "/complaints/" + reference + "/external-referral",
                "token=" + token.get("X-Tracking-Token") + "&referring=false",
                MediaType.APPLICATION_FORM_URLENCODED,
                Map.of());
        assertThat(declined.status()).as(declined.body()).isEqualTo(302);
        await(
                "closed as not referred",
                processInstanceId,
                () -> complaintRow(reference).get("closure_reason"));
        assertThat(complaintRow(reference).get("closure_reason")).isEqualTo("NOT_REFERRED");
        Answer afterwards =
                postJson("/api/complaints/" + reference + "/external-referral", Map.of("referring", true), token);
        assertThat(afterwards.status()).as(afterwards.body()).isEqualTo(409);
    }

    @Test
    @Order(10)
    void aWithdrawnComplaintIsClosedAndTakesNothingMore() throws Exception {
        Answer filed = file(email());
        String reference = filed.json().path("reference").asText();
        Map<String, String> token =
                Map.of("X-Tracking-Token", filed.json().path("trackingToken").asText());
        Answer withdrawn = postJson(
                "/api/complaints/" + reference + "/withdrawal", Map.of("reason", "Solved in the shop."), token);
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        Map<String, Object> row = jdbc.sql("select stage, closure_reason from cmp_complaint where reference = ?")
                .param(reference)
                .query()
                .singleRow();
        assertThat(row).containsEntry("stage", "CLOSED").containsEntry("closure_reason", "WITHDRAWN");

        Answer again = postJson("/api/complaints/" + reference + "/withdrawal", Map.of(), token);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.headers().getFirst(HttpHeaders.RETRY_AFTER)).isNull();
        assertThat(postJson("/api/complaints/" + reference + "/messages", Map.of("text", "one more thing"), token)
                        .status())
                .isEqualTo(409);
    }

    @Test
    @Order(11)
    void theApiAndTheFormTakeACategoryWhichTheDecisionTableUsesAndRefuseAnUnknownCode() throws Exception {
        String email = email();
        Map<String, Object> body = complaint(email);
        body.put("category", "staff-conduct");
        Answer filed = postJson("/api/complaints", body, Map.of());
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String reference = filed.json().path("reference").asText();
        String processInstanceId = jdbc.sql("select process_instance_id from cmp_complaint where reference = ?")
                .param(reference)
                .query(String.class)
                .single();
        awaitMail(messageId("acknowledgement", reference), processInstanceId);
        Map<String, Object> row = jdbc.sql("select category, handling_group from cmp_complaint where reference = ?")
                .param(reference)
                .query()
                .singleRow();
        assertThat(row.get("category")).isEqualTo("staff-conduct");
        // the decision table's staff-conduct row, not the default row
        assertThat(row.get("handling_group")).isEqualTo("complaint-managers");

        String other = email();
        Map<String, Object> unknown = complaint(other);
        unknown.put("category", "weather");
        Answer refused = postJson("/api/complaints", unknown, Map.of("Accept-Language", "nl"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().getContentType()).hasToString("application/problem+json");
        assertThat(refused.json().path("type").asText()).startsWith("urn:complaints:problem:");
        assertThat(refused.fields()).containsExactly("category");
        assertThat(complaintsOf(other)).isZero();

        String formEmail = email();
        String form = "name=Sanne+Bakker&email=" + formEmail + "&language=tr&productOrService=Mobile+subscription"
                + "&description=The+shop+assistant+shouted+at+me+in+front+of+other+customers.&consent=true"
                + "&category=billing";
        Answer page = send(
                HttpMethod.POST,
                "/complaints",
                form,
                MediaType.APPLICATION_FORM_URLENCODED,
                Map.of("Accept-Language", "tr"));
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(jdbc.sql("select category from cmp_complaint where complainant_email = ?")
                        .param(formEmail)
                        .query(String.class)
                        .single())
                .isEqualTo("billing");
        Answer badForm = send(
                HttpMethod.POST,
                "/complaints",
                form.replace("category=billing", "category=weather").replace(formEmail, other),
                MediaType.APPLICATION_FORM_URLENCODED,
                Map.of("Accept-Language", "tr"));
        assertThat(badForm.status()).isEqualTo(400);
        assertThat(badForm.body()).contains("id=\"category-error\"");
        assertThat(complaintsOf(other)).isZero();
        Answer blank = send(HttpMethod.GET, "/?lang=nl", null, MediaType.TEXT_HTML, Map.of());
        assertThat(blank.body()).contains("Waarover gaat uw klacht?").contains("Gedrag van onze medewerkers");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void floodsFromOneAddressAreSlowedDown() {
        Answer last = null;
        for (int i = 0; i < 200; i++) {
            Map<String, Object> bot = complaint(email());
            bot.put("website", "filled by a bot");
            last = postJson("/api/complaints", bot, Map.of());
            if (last.status() == 429) {
                break;
            }
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(Integer.parseInt(last.headers().getFirst(HttpHeaders.RETRY_AFTER)))
                .isBetween(1, 60);
        assertThat(last.json().path("type").asText()).isEqualTo("urn:complaints:problem:too-many");
    }
}
