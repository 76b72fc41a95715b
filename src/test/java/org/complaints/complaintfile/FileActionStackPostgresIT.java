package org.complaints.complaintfile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.complaints.PostgresApplicationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The one action stack of the complaint file on PostgreSQL, over HTTP: a note sent twice with the same key (API
 * header or the page's one-time key) is added once with one audit row; a refusal on the page is told in the staff
 * member's language (en, tr, nl, et) while the API keeps its problem detail; the contact correction takes postal
 * address, preferred way, accessibility needs and the representative with the intake's rules (never the database
 * constraints refusing), re-lays out a waiting letter for the corrected address and names the representative in the
 * message hint; survey answers received on paper are recorded once, refused when no survey was sent, and counted in
 * the satisfaction results.
 */
class FileActionStackPostgresIT extends PostgresApplicationTestSupport {

    private record Filed(String reference, String instance) {}

    private Filed file(String description) throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        JsonNode filed =
                fileComplaint("Stella " + unique, "stack." + unique + "@example.org", null, description + " " + unique);
        String reference = filed.path("reference").asText();
        String instance = processInstanceOf(reference);
        awaitTask(reference, "Task_ConfirmAssessment", instance);
        return new Filed(reference, instance);
    }

    private Reply keyed(String user, HttpMethod method, String path, Object body, String key) {
        RestClient.RequestBodySpec request = RestClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .requestFactory(new JdkClientHttpRequestFactory())
                .build()
                .method(method)
                .uri(path)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .headers(headers -> headers.setBasicAuth(user, PASSWORD));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        request.contentType(MediaType.APPLICATION_JSON).body(body);
        return request.exchange((req, res) -> new Reply(
                res.getStatusCode().value(), new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    private int noteAudits(String reference) {
        return jdbc.sql("""
                        select count(*) from cmp_audit a join cmp_complaint c on c.id = a.complaint_id
                        where c.reference = ? and a.action = 'complaint.NOTE_ADDED'""").param(reference).query(Integer.class).single();
    }

    private record Browser(HttpClient client, String filePage) {}

    private Browser signedIn(String user, String reference) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
        assertThat(signInToTasklist(client, cookies, user).statusCode()).isEqualTo(200);
        return new Browser(client, "http://127.0.0.1:" + port + "/staff/complaints/" + reference);
    }

    private static String page(Browser browser, String language) throws Exception {
        HttpResponse<String> page = browser.client()
                .send(
                        HttpRequest.newBuilder(URI.create(browser.filePage()))
                                .header("Accept-Language", language)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return page.body();
    }

    private static String hidden(String page, String name, String endingWith) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*" + Pattern.quote(endingWith) + ")\"")
                .matcher(page);
        assertThat(m.find()).as(name + " in " + page).isTrue();
        return m.group(1);
    }

    private static HttpResponse<String> post(Browser browser, String action, String language, String body)
            throws Exception {
        return browser.client()
                .send(
                        HttpRequest.newBuilder(URI.create(browser.filePage() + "/" + action))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Accept-Language", language)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void aNoteSentTwiceWithTheSameKeyIsAddedOnceByTheApiAndByThePage() throws Exception {
        Filed c = file("The courier left the parcel at the wrong house.");
        String path = "/api/staff/complaints/" + c.reference() + "/notes";
        String key = UUID.randomUUID().toString();
        Map<String, String> body = Map.of("text", "Asked the neighbours; nobody has it.");

        Reply first = keyed("handler", HttpMethod.POST, path, body, key);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        Reply again = keyed("handler", HttpMethod.POST, path, body, key);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("at").asText())
                .isEqualTo(first.json().path("at").asText());
        assertThat(again.json().path("text").asText()).isEqualTo("Asked the neighbours; nobody has it.");
        assertThat(eventCount(c.reference(), "NOTE_ADDED")).isEqualTo(1);
        assertThat(noteAudits(c.reference())).isEqualTo(1);
        // the same key for another complaint is not the same request
        Filed other = file("Another parcel, another house.");
        Reply reused =
                keyed("handler", HttpMethod.POST, "/api/staff/complaints/" + other.reference() + "/notes", body, key);
        assertThat(reused.status()).as(reused.body()).isEqualTo(409);
        assertThat(reused.json().path("type").asText()).isEqualTo("urn:complaints:problem:conflict");
        assertThat(eventCount(other.reference(), "NOTE_ADDED")).isZero();
        // a key of another member of staff is theirs: a new note
        assertThat(keyed("manager", HttpMethod.POST, path, body, key).status()).isEqualTo(201);
        assertThat(keyed("handler", HttpMethod.POST, path, body, "not a key!").status())
                .isEqualTo(400);
        // without a key every request is a note, as before
        assertThat(keyed("handler", HttpMethod.POST, path, body, null).status()).isEqualTo(201);
        assertThat(eventCount(c.reference(), "NOTE_ADDED")).isEqualTo(3);

        // the page: the form's one-time key makes a double click one note, answered alike both times
        Browser browser = signedIn("handler", c.reference());
        String form = page(browser, "en");
        String token = hidden(form, "_csrf", "");
        String formKey = hidden(form, "idempotencyKey", ".note");
        String posted = "_csrf=" + token + "&idempotencyKey=" + formKey + "&text=" + enc("Double-clicked note.");
        assertThat(post(browser, "notes", "en", posted).statusCode()).isEqualTo(302);
        assertThat(post(browser, "notes", "en", posted).statusCode()).isEqualTo(302);
        String shown = page(browser, "en");
        assertThat(shown).contains("The note was added.");
        assertThat(eventCount(c.reference(), "NOTE_ADDED")).isEqualTo(4);
        assertThat(noteAudits(c.reference())).isEqualTo(4);
        // a new rendering writes a new key
        assertThat(hidden(shown, "idempotencyKey", ".note")).isNotEqualTo(formKey);
    }

    @Test
    void aRefusalOnThePageIsToldInTheStaffMembersLanguageAndTheApiKeepsItsProblemDetail() throws Exception {
        Filed c = file("The warranty repair took three months.");
        Reply refused = appCall(
                "manager",
                HttpMethod.POST,
                "/api/staff/complaints/" + c.reference() + "/reopening",
                Map.of("reason", "The complainant asked us to look again."));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("type").asText()).isEqualTo("urn:complaints:problem:conflict");
        assertThat(refused.json().path("detail").asText()).contains("only a closed complaint can be reopened");

        // a 409 (the reopening of an open complaint) and a 400 (no valid reference) in each language
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("en", List.of("Not done:", "only a closed complaint can be reopened", "cannot be a duplicate"));
        expected.put(
                "tr",
                List.of("Yapılmadı:", "yalnızca kapanmış bir şikâyet yeniden açılabilir", "kendisinin mükerreri"));
        expected.put(
                "nl",
                List.of(
                        "Niet uitgevoerd:",
                        "alleen een afgesloten klacht kan worden heropend",
                        "geen dubbele van zichzelf"));
        expected.put(
                "et", List.of("Tegemata:", "uuesti saab avada ainult suletud kaebuse", "ei saa olla iseenda kordus"));
        Browser browser = signedIn("manager", c.reference());
        for (Map.Entry<String, List<String>> language : expected.entrySet()) {
            String lang = language.getKey();
            String form = page(browser, lang);
            String token = hidden(form, "_csrf", "");
            // the open complaint offers no reopening form; its route still refuses a forged or stale post
            HttpResponse<String> reopen = post(
                    browser,
                    "reopening",
                    lang,
                    "_csrf=" + token + "&reason=" + enc("The complainant asked us to look again."));
            assertThat(reopen.statusCode()).isEqualTo(302);
            assertThat(reopen.headers().firstValue("Location").orElseThrow()).endsWith("#file-actions");
            String shown = page(browser, lang);
            assertThat(shown)
                    .as(lang)
                    .contains("role=\"alert\"")
                    .contains(language.getValue().get(0), language.getValue().get(1));
            assertThat(shown).as(lang).doesNotContain("is open (stage");

            HttpResponse<String> self =
                    post(browser, "duplicate-of", lang, "_csrf=" + token + "&reference=" + c.reference());
            assertThat(self.statusCode()).isEqualTo(302);
            assertThat(page(browser, lang))
                    .as(lang)
                    .contains(language.getValue().get(2));
        }
        assertThat(eventCount(c.reference(), "REOPENED")).isZero();
        assertThat(complaintRow(c.reference()).get("closed_at")).isNull();

        // a 403 in Dutch: a handler's stale or forged reopening form (only complaint managers reopen)
        Browser handler = signedIn("handler", c.reference());
        String token = hidden(page(handler, "nl"), "_csrf", "");
        assertThat(post(handler, "reopening", "nl", "_csrf=" + token + "&reason=" + enc("Graag opnieuw bekijken"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(page(handler, "nl")).contains("Niet uitgevoerd: Alleen klachtmanagers heropenen klachten.");
        assertThat(eventCount(c.reference(), "REOPENED")).isZero();
    }

    private static Map<String, Object> byPost(String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Aaltje Jansen");
        body.put("language", "nl");
        body.put("productOrService", "Home delivery");
        body.put("description", description + " " + UUID.randomUUID());
        body.put("consent", true);
        body.put("postalAddress", "Dorpsstraat 12\n1234 AB Ergens");
        body.put("preferredContact", "post");
        return body;
    }

    private Reply correct(String reference, Map<String, Object> correction) {
        return appCall("handler", HttpMethod.PATCH, "/api/staff/complaints/" + reference + "/contact", correction);
    }

    private String waitingLetterText(String reference) throws Exception {
        byte[] pdf = jdbc.sql(
                        "select pdf from cmp_letter where reference = ? and posted_at is null order by id limit 1")
                .param(reference)
                .query(byte[].class)
                .single();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void theContactCorrectionTakesEveryWayToReachTheComplainantWithTheIntakesRules() throws Exception {
        Reply filed = publicCall(HttpMethod.POST, "/api/complaints", byPost("The parcel was left in the rain."));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String reference = filed.json().path("reference").asText();
        String instance = processInstanceOf(reference);
        awaitTask(reference, "Task_ConfirmAssessment", instance);
        // the acknowledgement waits as a letter in the print queue
        await(
                "the acknowledgement letter",
                instance,
                () -> jdbc.sql("select count(*) from cmp_letter where reference = ? and posted_at is null")
                                        .param(reference)
                                        .query(Integer.class)
                                        .single()
                                > 0
                        ? true
                        : null);
        assertThat(waitingLetterText(reference)).contains("Dorpsstraat 12");

        // refused by the intake's rules, never by the database: 400 naming the field
        Map<String, Object> nobody = new LinkedHashMap<>(Map.of("postalAddress", " ", "reason", "Moved away"));
        Reply unreachable = correct(reference, nobody);
        assertThat(unreachable.status()).as(unreachable.body()).isEqualTo(400);
        assertThat(unreachable.json().path("type").asText()).isEqualTo("urn:complaints:problem:invalid");
        assertThat(unreachable.json().path("detail").asText()).contains("email:", "preferredContact:");
        Reply byPhone = correct(reference, Map.of("preferredContact", "phone", "reason", "Prefers a call"));
        assertThat(byPhone.status()).as(byPhone.body()).isEqualTo(400);
        assertThat(byPhone.json().path("detail").asText()).contains("preferredContact");
        assertThat(correct(reference, Map.of("preferredContact", "fax", "reason", "x"))
                        .status())
                .isEqualTo(400);
        assertThat(correct(reference, Map.of("accessibilityNeeds", "huge", "reason", "x"))
                        .status())
                .isEqualTo(400);
        Reply noConsent = correct(
                reference,
                Map.of(
                        "representativeName",
                        "Piet Jansen",
                        "representativeEmail",
                        "piet@example.org",
                        "reason",
                        "Son"));
        assertThat(noConsent.status()).as(noConsent.body()).isEqualTo(400);
        assertThat(noConsent.json().path("detail").asText()).contains("representativeConsent");
        Reply noWay = correct(
                reference, Map.of("representativeName", "Piet Jansen", "representativeConsent", true, "reason", "Son"));
        assertThat(noWay.status()).isEqualTo(400);
        assertThat(noWay.json().path("detail").asText()).contains("representativeEmail");
        assertThat(eventCount(reference, "CONTACT_CORRECTED")).isZero();

        // a new address: the waiting letter is laid out again for it
        Reply moved = correct(
                reference,
                Map.of(
                        "postalAddress", "Kerkweg 3\n4321 CD Elders",
                        "accessibilityNeeds", "large-print",
                        "accessibilityNote", "16 pt at least",
                        "phone", "+31 20 555 0199",
                        "reason", "Moved house, asked for large print"));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().path("changed").toString())
                .contains("postalAddress", "accessibilityNeeds", "accessibilityNote", "phone");
        assertThat(moved.json().path("lettersReproduced").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(waitingLetterText(reference)).contains("Kerkweg 3").doesNotContain("Dorpsstraat");
        Map<String, Object> row = complaintRow(reference);
        assertThat(row.get("postal_address")).isEqualTo("Kerkweg 3\n4321 CD Elders");
        assertThat(row.get("accessibility_needs")).isEqualTo("large-print");
        assertThat(jdbc.sql("select bool_and(large_print) from cmp_letter where reference = ? and posted_at is null")
                        .param(reference)
                        .query(Boolean.class)
                        .single())
                .isTrue();

        // a representative, then the preferred way by phone: the file and the message hint follow
        Reply represented = correct(
                reference,
                Map.of(
                        "representativeName", "Piet Jansen",
                        "representativeEmail", "piet.jansen@example.org",
                        "representativeRelation", "son",
                        "representativeConsent", true,
                        "reason", "Her son handles it now"));
        assertThat(represented.status()).as(represented.body()).isEqualTo(200);
        assertThat(represented.json().path("changed").toString()).contains("representative");
        JsonNode json = appCall("handler", HttpMethod.GET, "/api/staff/complaints/" + reference, null)
                .json();
        assertThat(json.at("/communication/represented").asBoolean()).isTrue();
        assertThat(json.at("/communication/preferredContact").asText()).isEqualTo("email");
        assertThat(json.at("/contact/representative/relation").asText()).isEqualTo("son");
        String hint = appCall("handler", HttpMethod.GET, "/staff/complaints/" + reference, null)
                .body();
        assertThat(hint)
                .contains(
                        "Sent by e-mail to Piet Jansen &lt;piet.jansen@example.org&gt; (representative of Aaltje Jansen)");
        Reply nl = appCall("handler", HttpMethod.GET, "/staff/complaints/" + reference + "?lang=nl", null);
        assertThat(nl.body()).contains("(vertegenwoordiger van Aaltje Jansen)");

        Reply removed = correct(
                reference,
                Map.of("removeRepresentative", true, "preferredContact", "phone", "reason", "Son no longer involved"));
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(removed.json().path("changed").toString()).contains("representative", "preferredContact");
        row = complaintRow(reference);
        assertThat(row.get("representative_name")).isNull();
        assertThat(row.get("preferred_contact")).isEqualTo("phone");
        assertThat(removed.json().path("changed").toString()).doesNotContain("postalAddress");

        // old values in the audit row only
        String payloads = String.join(
                "\n", jdbc.sql("""
                                select a.payload from cmp_audit a join cmp_complaint c on c.id = a.complaint_id
                                where c.reference = ? and a.action = 'complaintfile.CONTACT_CORRECTED'""").param(reference).query(String.class).list());
        assertThat(payloads).contains("Dorpsstraat 12", "Piet Jansen");
        String timeline = jdbc.sql("""
                        select string_agg(coalesce(e.summary, '') || ' ' || coalesce(e.detail, ''), ' ')
                        from cmp_event e join cmp_complaint c on c.id = e.complaint_id
                        where c.reference = ? and e.event_type = 'CONTACT_CORRECTED'""").param(reference).query(String.class).single();
        assertThat(timeline).doesNotContain("Dorpsstraat").doesNotContain("piet.jansen@example.org");
        assertThat(eventCount(reference, "CONTACT_CORRECTED")).isEqualTo(3);
    }

    /** A survey sent on a day of its own (2003), so the period's figures are this test's alone. */
    private LocalDate surveySent(String reference) {
        LocalDate day =
                LocalDate.of(2003, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(360));
        long id = ((Number) complaintRow(reference).get("id")).longValue();
        jdbc.sql("""
                insert into cmp_survey (complaint_id, language, invited_at, status, next_attempt_at, sent_at,
                    expires_at)
                values (?, 'en', ?, 'SENT', ?, ?, ?)""")
                .params(
                        id,
                        day.atTime(9, 0).atOffset(ZoneOffset.UTC),
                        day.atTime(9, 0).atOffset(ZoneOffset.UTC),
                        day.atTime(9, 1).atOffset(ZoneOffset.UTC),
                        day.plusDays(14).atTime(9, 0).atOffset(ZoneOffset.UTC))
                .update();
        return day;
    }

    private long answered(LocalDate day) {
        Reply report =
                appCall("quality", HttpMethod.GET, "/api/staff/reports/satisfaction?from=" + day + "&to=" + day, null);
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        return report.json().path("answered").asLong();
    }

    @Test
    void surveyAnswersReceivedOnPaperAreRecordedOnceAndCounted() throws Exception {
        Filed c = file("The replacement kettle leaks as well.");
        String path = "/api/staff/complaints/" + c.reference() + "/survey-answers";
        Map<String, Object> answers = Map.of(
                "handlingScore",
                4,
                "outcomeScore",
                2,
                "easeScore",
                5,
                "comment",
                "Slow but kind.",
                "receivedBy",
                "letter");

        // no survey was sent: nothing to record
        Reply notSent = appCall("handler", HttpMethod.POST, path, answers);
        assertThat(notSent.status()).as(notSent.body()).isEqualTo(409);
        assertThat(notSent.json().path("type").asText()).isEqualTo("urn:complaints:problem:conflict");

        LocalDate day = surveySent(c.reference());
        long before = answered(day);
        assertThat(appCall("quality", HttpMethod.POST, path, answers).status()).isEqualTo(403);
        assertThat(appCall(null, HttpMethod.POST, path, answers).status()).isEqualTo(401);
        Map<String, Object> bad = new LinkedHashMap<>(answers);
        bad.put("outcomeScore", 6);
        bad.put("receivedBy", "pigeon");
        Reply invalid = appCall("handler", HttpMethod.POST, path, bad);
        assertThat(invalid.status()).as(invalid.body()).isEqualTo(400);
        assertThat(invalid.json().path("detail").asText()).contains("outcomeScore", "receivedBy");
        assertThat(appCall("handler", HttpMethod.POST, path, Map.of("receivedBy", "phone"))
                        .status())
                .isEqualTo(400);
        assertThat(answered(day)).isEqualTo(before);
        JsonNode offered = appCall("handler", HttpMethod.GET, "/api/staff/complaints/" + c.reference(), null)
                .json();
        assertThat(offered.path("actions").findValuesAsText("name")).contains("survey-answers");

        Reply recorded = appCall("handler", HttpMethod.POST, path, answers);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(204);
        Map<String, Object> survey = jdbc.sql("select * from cmp_survey s join cmp_complaint c on c.id = s.complaint_id"
                        + " where c.reference = ?")
                .param(c.reference())
                .query()
                .singleRow();
        assertThat(survey.get("answered_by")).isEqualTo("handler");
        assertThat(survey.get("answer_channel")).isEqualTo("letter");
        assertThat(survey.get("outcome_score")).isEqualTo(2);
        assertThat(survey.get("comment")).isEqualTo("Slow but kind.");
        assertThat(answered(day)).isEqualTo(before + 1);
        assertThat(eventCount(c.reference(), "SURVEY_ANSWERED")).isEqualTo(1);
        assertThat(jdbc.sql("""
                        select count(*) from cmp_audit a join cmp_complaint c on c.id = a.complaint_id
                        where c.reference = ? and a.actor = 'handler' and a.action = ?""")
                        .params(c.reference(), "complaintfile.SURVEY_ANSWERS_RECORDED")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        // answered: the first answers stay, the form is no longer offered
        Reply again = appCall(
                "manager",
                HttpMethod.POST,
                path,
                Map.of("handlingScore", 1, "outcomeScore", 1, "easeScore", 1, "receivedBy", "phone"));
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(jdbc.sql("select outcome_score from cmp_survey s join cmp_complaint c on c.id = s.complaint_id"
                                + " where c.reference = ?")
                        .param(c.reference())
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        JsonNode after = appCall("handler", HttpMethod.GET, "/api/staff/complaints/" + c.reference(), null)
                .json();
        assertThat(after.path("actions").findValuesAsText("name")).doesNotContain("survey-answers");

        // the page's form, in Turkish: a second survey answer is refused in the staff member's language
        Browser browser = signedIn("handler", c.reference());
        String token = hidden(page(browser, "tr"), "_csrf", "");
        post(
                browser,
                "survey-answers",
                "tr",
                "_csrf=" + token + "&handlingScore=3&outcomeScore=3&easeScore=3&receivedBy=letter");
        assertThat(page(browser, "tr")).contains("memnuniyet anketi zaten yanıtlandı");
    }

    @Test
    void thePaperSurveyFormRecordsTheAnswersOnce() throws Exception {
        Filed c = file("The boiler service was booked twice.");
        LocalDate day = surveySent(c.reference());
        Browser browser = signedIn("handler", c.reference());
        String form = page(browser, "en");
        assertThat(form).contains("id=\"survey-answers-form\"");
        String token = hidden(form, "_csrf", "");
        String key = hidden(form, "idempotencyKey", ".survey-answers");
        String body = "_csrf=" + token + "&idempotencyKey=" + key
                + "&handlingScore=5&outcomeScore=4&easeScore=3&comment=" + enc("Fine.") + "&receivedBy=phone";
        assertThat(post(browser, "survey-answers", "en", body).statusCode()).isEqualTo(302);
        assertThat(post(browser, "survey-answers", "en", body).statusCode()).isEqualTo(302);
        // the resent form answers as the first one did, not with "answered already"
        assertThat(page(browser, "en"))
                .contains("The survey answers are recorded.")
                .doesNotContain("role=\"alert\"");
        assertThat(answered(day)).isGreaterThanOrEqualTo(1);
        assertThat(eventCount(c.reference(), "SURVEY_ANSWERED")).isEqualTo(1);
    }
}
