package org.complaints.complaintfile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.identity.User;
import org.complaints.PostgresApplicationTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * The staff complaint file, its attachments and the search on PostgreSQL, as staff call them with HTTP Basic:
 * what each role sees, every refusal (anonymous, no staff group, intake scope, confidential, named staff, read
 * only, bad input, unknown), that reading contact details and attachments is audited, that closed complaints are
 * found and anonymised personal data is not, and that the search's text conditions use their indexes.
 */
class ComplaintFilePostgresIT extends PostgresApplicationTestSupport {

    private static final byte[] PDF =
            "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);

    @Autowired
    private DataSource dataSource;

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

    private record Filed(String reference, String token, String email, String phone, String instance) {}

    private Filed file(String description) throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String email = "file." + unique + "@example.org";
        String phone = "+31 6 " + (10000000 + Math.abs(unique.hashCode() % 89999999));
        JsonNode filed = fileComplaint("Fenna " + unique, email, phone, description + " " + unique);
        String reference = filed.path("reference").asText();
        String instance = processInstanceOf(reference);
        // handlers see a complaint once its first task is offered to their group
        awaitTask(reference, "Task_ConfirmAssessment", instance);
        return new Filed(reference, filed.path("trackingToken").asText(), email, phone, instance);
    }

    private Reply staff(String user, String path) {
        return appCall(user, HttpMethod.GET, path, null);
    }

    private int audited(String reference, String actor, String action) {
        return jdbc.sql("""
                select count(*) from cmp_audit a join cmp_complaint c on c.id = a.complaint_id
                where c.reference = ? and a.actor = ? and a.action = ?""")
                .params(reference, actor, action)
                .query(Integer.class)
                .single();
    }

    private List<String> found(String user, String query) {
        Reply reply = staff(user, "/api/staff/complaints?" + query);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<String> references = new ArrayList<>();
        reply.json()
                .path("items")
                .forEach(item -> references.add(item.path("reference").asText()));
        return references;
    }

    /** A multipart upload as staff send it, with HTTP Basic. */
    private HttpResponse<String> upload(String user, String reference, String fileName, byte[] content)
            throws Exception {
        String boundary = "----complaint-file-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\""
                        + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/staff/complaints/" + reference + "/attachments"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aHandlerReadsTheWholeFileAndTheReadingIsAudited() throws Exception {
        Filed c = file("The courier left my parcel in the rain and the books inside are ruined.");
        complete("handler", awaitTask(c.reference(), "Task_ConfirmAssessment", c.instance()), inScopeAssessment());
        awaitTask(c.reference(), "Task_InvestigateComplaint", c.instance());
        Reply added = publicCall(
                HttpMethod.POST,
                "/api/complaints/" + c.reference() + "/messages?token=" + c.token(),
                Map.of("text", "A photo of the wet box is on its way."));
        assertThat(added.status()).as(added.body()).isIn(200, 202);
        awaitMail(messageId("acknowledgement", c.reference()), c.instance());
        await(
                "the acknowledgement in the register",
                c.instance(),
                () -> jdbc.sql("select count(*) from cmp_mail m join cmp_complaint c on c.id = m.complaint_id"
                                                + " where c.reference = ?")
                                        .param(c.reference())
                                        .query(Integer.class)
                                        .single()
                                > 0
                        ? true
                        : null);

        Reply reply = staff("handler", "/api/staff/complaints/" + c.reference().toLowerCase());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode file = reply.json();
        assertThat(file.path("reference").asText()).isEqualTo(c.reference());
        assertThat(file.path("stage").asText()).isEqualTo("INVESTIGATION");
        assertThat(file.path("contact").path("email").asText()).isEqualTo(c.email());
        assertThat(file.path("contact").path("phone").asText()).isEqualTo(c.phone());
        assertThat(file.path("contactWithheld").asBoolean()).isFalse();
        assertThat(file.path("subject").path("description").asText()).contains("books inside are ruined");
        assertThat(file.path("assessment").path("priority").asText()).isNotBlank();
        JsonNode task = file.path("openTasks").get(0);
        assertThat(task.path("taskDefinitionKey").asText()).isEqualTo("Task_InvestigateComplaint");
        assertThat(task.path("candidateGroups").toString()).contains("complaint-handlers");
        // the same committed date as the complainant's status page shows
        JsonNode status = publicCall(HttpMethod.GET, "/api/complaints/" + c.reference() + "?token=" + c.token(), null)
                .json();
        assertThat(file.path("dates").path("nextCommittedDate").asText())
                .isNotBlank()
                .isEqualTo(status.path("nextCommittedDate").asText());
        List<String> types = new ArrayList<>();
        file.path("timeline").forEach(entry -> types.add(entry.path("type").asText()));
        assertThat(types).contains("RECEIVED", "TASK_ENDED", "MAIL_OUT", "INFORMATION_ADDED");
        JsonNode completed = find(file.path("timeline"), "TASK_ENDED");
        assertThat(completed.path("summary").asText()).contains("completed");
        assertThat(completed.path("actor").asText()).isEqualTo("handler");
        assertThat(find(file.path("timeline"), "INFORMATION_ADDED").path("text").asText())
                .isEqualTo("A photo of the wet box is on its way.");
        assertThat(find(file.path("timeline"), "MAIL_OUT").path("text").asText())
                .contains(c.reference());
        assertThat(file.path("actions").isArray()).isTrue();
        assertThat(file.path("notes").isArray()).isTrue();
        assertThat(audited(c.reference(), "handler", "complaintfile.CONTACT_READ"))
                .isEqualTo(1);

        // quality managers read the file without contact details, and nothing of theirs is a contact reading
        Reply quality = staff("quality", "/api/staff/complaints/" + c.reference());
        assertThat(quality.status()).as(quality.body()).isEqualTo(200);
        assertThat(quality.json().path("contact").isNull()).isTrue();
        assertThat(quality.json().path("contactWithheld").asBoolean()).isTrue();
        assertThat(quality.body()).doesNotContain(c.email());
        assertThat(audited(c.reference(), "quality", "complaintfile.CONTACT_READ"))
                .isZero();
    }

    private static JsonNode find(JsonNode timeline, String type) {
        for (JsonNode entry : timeline) {
            if (type.equals(entry.path("type").asText())) {
                return entry;
            }
        }
        throw new AssertionError("no " + type + " in " + timeline);
    }

    @Test
    void everyoneWhoMayNotSeeAComplaintIsRefused() throws Exception {
        Filed c = file("The meter reading on my bill is twice what the meter shows.");
        String path = "/api/staff/complaints/" + c.reference();
        for (String p : List.of(path, "/api/staff/complaints?q=" + c.reference(), path + "/attachments/1")) {
            assertThat(staff(null, p).status()).as(p).isEqualTo(401);
            assertThat(staff("outsider", p).status()).as(p).isEqualTo(403);
        }
        assertThat(upload(null, c.reference(), "letter.pdf", PDF).statusCode()).isEqualTo(401);
        // intake reads only the complaints its member registered with the start form
        assertThat(staff("intake", path).status()).isEqualTo(403);
        assertThat(found("intake", "q=" + c.reference())).isEmpty();
        assertThat(staff("handler", "/api/staff/complaints/CMP-2000-999999").status())
                .isEqualTo(404);
        assertThat(staff("handler", "/api/staff/complaints?size=0").status()).isEqualTo(400);
        assertThat(staff("handler", "/api/staff/complaints?stage=SOMEWHERE").status())
                .isEqualTo(400);
        assertThat(staff("handler", "/api/staff/complaints?receivedFrom=yesterday")
                        .status())
                .isEqualTo(400);
        assertThat(staff("handler", "/api/staff/complaints?sort=colour").status())
                .isEqualTo(400);
        Reply reversed = staff("handler", "/api/staff/complaints?receivedFrom=2026-05-02&receivedTo=2026-05-01");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.json().path("detail").asText()).contains("receivedTo");

        // confidential: only complaint managers (and the people they assign)
        assertThat(staff("handler", path).status()).isEqualTo(200);
        Reply marked = appCall(
                "manager",
                HttpMethod.PUT,
                path + "/access",
                Map.of("confidential", true, "namedStaff", List.of("quality")));
        assertThat(marked.status()).as(marked.body()).isEqualTo(200);
        assertThat(staff("handler", path).status()).isEqualTo(403);
        assertThat(found("handler", "q=" + c.email())).isEmpty();
        assertThat(staff("manager", path).status()).isEqualTo(200);
        assertThat(found("manager", "q=" + c.email())).containsExactly(c.reference());
        // named staff: never, whatever else they may read
        Reply named = staff("quality", path);
        assertThat(named.status()).isEqualTo(403);
        assertThat(named.json().path("detail").asText()).contains("names you");
        assertThat(found("quality", "q=" + c.reference())).isEmpty();
        assertThat(upload("quality", c.reference(), "letter.pdf", PDF).statusCode())
                .isEqualTo(403);
    }

    @Test
    void staffAddAScannedLetterAndDownloadItAsAFile() throws Exception {
        Filed c = file("The repair was invoiced but never carried out.");
        HttpResponse<String> added = upload("handler", c.reference(), "scanned letter.pdf", PDF);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        JsonNode attachment = JSON.readTree(added.body()).get(0);
        assertThat(attachment.path("fileName").asText()).isEqualTo("scanned letter.pdf");
        assertThat(attachment.path("contentType").asText()).isEqualTo("application/pdf");
        assertThat(attachment.path("addedBy").asText()).isEqualTo("handler");
        long id = attachment.path("id").asLong();

        HttpResponse<byte[]> download = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/staff/complaints/"
                                        + c.reference() + "/attachments/" + id))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString(("quality:" + PASSWORD)
                                                                .getBytes(StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PDF);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment;")
                .contains("scanned");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(audited(c.reference(), "quality", "complaintfile.ATTACHMENT_READ"))
                .isEqualTo(1);

        JsonNode file =
                staff("handler", "/api/staff/complaints/" + c.reference()).json();
        assertThat(file.path("attachments").get(0).path("sizeBytes").asInt()).isEqualTo(PDF.length);
        assertThat(find(file.path("timeline"), "ATTACHMENT_ADDED").path("actor").asText())
                .isEqualTo("handler");

        // the public form's checks: a web page is no attachment, nothing is no upload, a stranger's id is unknown
        HttpResponse<String> page =
                upload("handler", c.reference(), "letter.pdf", "<html><script>alert(1)</script></html>".getBytes());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(400);
        assertThat(upload("handler", c.reference(), "", new byte[0]).statusCode())
                .isEqualTo(400);
        assertThat(staff("handler", "/api/staff/complaints/" + c.reference() + "/attachments/" + (id + 100000))
                        .status())
                .isEqualTo(404);
        assertThat(upload("handler", "CMP-2000-999999", "letter.pdf", PDF).statusCode())
                .isEqualTo(404);
    }

    @Test
    void theSearchFindsOpenAndClosedComplaintsButNoAnonymisedPersonalData() throws Exception {
        Filed open = file("Zeppelinfoam packaging arrived crushed and the vase inside was broken.");
        assertThat(found("handler", "q=" + open.reference())).containsExactly(open.reference());
        assertThat(found("handler", "q=" + open.email().toUpperCase())).containsExactly(open.reference());
        assertThat(found("handler", "q=" + open.phone().replaceAll("[^0-9]", "")))
                .containsExactly(open.reference());
        assertThat(found("handler", "q=zeppelinfoam+vase")).contains(open.reference());
        assertThat(found("handler", "q=zeppelinfoam+teapot")).doesNotContain(open.reference());
        JsonNode page = staff("handler", "/api/staff/complaints?q=zeppelinfoam&size=1&sort=reference")
                .json();
        assertThat(page.path("size").asInt()).isEqualTo(1);
        assertThat(page.has("total")).isTrue();

        // closed (withdrawn) complaints are found, here by a quality manager by e-mail address
        Filed closed = file("Withdrawn later: the invoice was corrected by phone.");
        Reply withdrawn = publicCall(
                HttpMethod.POST,
                "/api/complaints/" + closed.reference() + "/withdrawal?token=" + closed.token(),
                Map.of("reason", "Sorted out by phone"));
        assertThat(withdrawn.status()).as(withdrawn.body()).isIn(200, 202);
        await(
                "closure",
                closed.instance(),
                () -> complaintRow(closed.reference()).get("closed_at"));
        assertThat(found("quality", "q=" + closed.email())).containsExactly(closed.reference());
        assertThat(found("quality", "q=" + closed.email() + "&stage=CLOSED")).containsExactly(closed.reference());
        assertThat(found("quality", "q=" + closed.email() + "&overdue=true")).isEmpty();
        JsonNode item = staff("quality", "/api/staff/complaints?q=" + closed.email())
                .json()
                .path("items")
                .get(0);
        assertThat(item.path("open").asBoolean()).isFalse();
        assertThat(item.path("complainantName").isNull()).isTrue();

        // erased: its reference is still found, its e-mail, phone and words no more
        Reply erased = appCall(
                "manager",
                HttpMethod.POST,
                "/api/staff/privacy/erasures",
                Map.of("email", open.email(), "reason", "Asked to be forgotten"));
        assertThat(erased.status()).as(erased.body()).isIn(200, 202);
        assertThat(found("manager", "q=" + open.email())).isEmpty();
        assertThat(found("manager", "q=zeppelinfoam")).isEmpty();
        assertThat(found("manager", "q=" + open.phone().replaceAll("[^0-9]", "")))
                .isEmpty();
        assertThat(found("manager", "q=" + open.reference())).containsExactly(open.reference());
        assertThat(staff("manager", "/api/staff/complaints/" + open.reference()).body())
                .doesNotContain(open.email());
    }

    private HttpResponse<String> page(String user, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString((user + ":" + PASSWORD)
                                                                .getBytes(StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void onlyTheSearchAndFilePagesMayBeFramedByTheWebapps() throws Exception {
        Filed c = file("The heating engineer came a week late.");
        for (String path :
                List.of("/staff/complaints?embedded=true", "/staff/complaints/" + c.reference() + "?embedded=true")) {
            HttpResponse<String> framed = page("manager", path);
            assertThat(framed.statusCode()).as(path).isEqualTo(200);
            assertThat(framed.headers().firstValue("X-Frame-Options")).as(path).hasValue("SAMEORIGIN");
            assertThat(framed.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("frame-ancestors 'self'")
                    .doesNotContain("frame-ancestors 'none'");
            assertThat(framed.body()).doesNotContain("class=\"bar\"");
        }
        for (String path :
                List.of("/staff/complaints/" + c.reference() + "/evidence", "/api/staff/complaints/" + c.reference())) {
            HttpResponse<String> unframed = page("manager", path);
            assertThat(unframed.statusCode()).as(path).isEqualTo(200);
            assertThat(unframed.headers().firstValue("X-Frame-Options"))
                    .as(path)
                    .hasValue("DENY");
        }
        // in the staff member's language, with the header when not framed
        HttpResponse<String> dutch = page("handler", "/staff/complaints/" + c.reference() + "?lang=nl");
        assertThat(dutch.body()).contains("Klacht " + c.reference(), "Tijdlijn", "class=\"bar\"");
        assertThat(page("intake", "/staff/complaints/" + c.reference()).statusCode())
                .isEqualTo(403);
        assertThat(page("handler", "/staff/complaints/CMP-2000-999999").statusCode())
                .isEqualTo(404);
        assertThat(page("handler", "/staff/complaints?size=500").statusCode()).isEqualTo(400);
    }

    /**
     * The call task's Complaint tab frames the file: it shows the open call (whom to call, the number, what to say,
     * read from cmp_call and the register) to whoever sees contact details, and nothing once the call has its outcome.
     */
    @Test
    void theFileShowsTheCallToMakeToWhoSeesContactDetails() throws Exception {
        Filed c = file("Nobody at the shop answered the phone for a week.");
        long complaintId = ((Number) complaintRow(c.reference()).get("id")).longValue();
        jdbc.sql("""
                insert into cmp_call (complaint_id, reference, kind, language, dedup_key, subject, script, created_at)
                values (?, ?, 'status-update', 'en', ?, 'Where your complaint stands',
                    'Your complaint is being investigated by our service team.', now())""")
                .params(complaintId, c.reference(), "status-update-" + UUID.randomUUID())
                .update();
        String path = "/staff/complaints/" + c.reference() + "?embedded=true&lang=nl";

        HttpResponse<String> handler = page("handler", path);
        assertThat(handler.statusCode()).isEqualTo(200);
        assertThat(handler.body())
                .contains("id=\"calls-to-make\"", "Te voeren telefoongesprek", "Wat u zegt")
                .contains("tel:" + c.phone(), "Where your complaint stands")
                .contains("Your complaint is being investigated by our service team.");
        // quality managers do not see contact details, so not the call either
        HttpResponse<String> quality = page("quality", path);
        assertThat(quality.statusCode()).isEqualTo(200);
        assertThat(quality.body()).doesNotContain("id=\"calls-to-make\"").doesNotContain(c.phone());

        jdbc.sql("update cmp_call set outcome = 'reached', outcome_at = now(), outcome_by = 'handler'"
                        + " where complaint_id = ?")
                .param(complaintId)
                .update();
        assertThat(page("handler", path).body()).doesNotContain("id=\"calls-to-make\"");
    }

    /**
     * With 30,000 complaints in the register, PostgreSQL answers an e-mail address, a phone number and words of
     * the text through the indexes of V23 (rolled back afterwards, statistics included).
     */
    @Test
    void theTextConditionsUseTheirIndexes() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                sql.execute("""
                        insert into cmp_complaint (reference, stage, channel, received_at, complainant_name,
                            complainant_email, complainant_phone, language, product_or_service, description)
                        select 'CMP-1999-' || lpad(n::text, 6, '0'), 'CLOSED', 'web', now() - (n || ' minutes')::interval,
                            'Person ' || n, 'person' || n || '@example.org', '+31 6 ' || (10000000 + n), 'en',
                            'Product ' || (n % 50), 'Words number ' || n || ' about delivery ' || md5(n::text)
                        from generate_series(1, 30000) n""");
                sql.execute("analyze cmp_complaint");
                assertThat(plan(sql, "lower(c.complainant_email) = 'person77@example.org'"))
                        .contains("cmp_complaint_email_lower_idx");
                assertThat(plan(sql, "regexp_replace(c.complainant_phone, '[^0-9]', '', 'g') = '3161000077'"))
                        .contains("cmp_complaint_phone_digits_idx");
                assertThat(plan(
                                sql,
                                "to_tsvector('simple', coalesce(c.complainant_name, '') || ' ' "
                                        + "|| coalesce(c.product_or_service, '') || ' ' || coalesce(c.description, '')) "
                                        + "@@ plainto_tsquery('simple', 'c4ca4238a0b923820dcc509a6f75849b')"))
                        .contains("cmp_complaint_words_idx");
            } finally {
                connection.rollback();
            }
        }
    }

    private static String plan(Statement sql, String condition) throws Exception {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rows = sql.executeQuery("explain select c.reference from cmp_complaint c where "
                + "c.anonymised_at is null and " + condition)) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}
