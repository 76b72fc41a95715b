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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.complaints.PostgresApplicationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * Reopening and linking as duplicate through the staff API and the complaint file's forms, on PostgreSQL: each
 * operation as the roles may use it, and every refusal (anonymous, role, confidential, named staff, open or closed
 * complaint, bad input, unknown or invisible other complaint) with its problem detail and nothing changed.
 */
class ComplaintFileActionsPostgresIT extends PostgresApplicationTestSupport {

    private record Filed(String reference, String token, String email, String instance) {}

    private Filed file(String email, String description) throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String phone = "+31 6 " + (10000000 + Math.abs(unique.hashCode() % 89999999));
        JsonNode filed = fileComplaint("Fenna " + unique, email, phone, description + " " + unique);
        String reference = filed.path("reference").asText();
        String instance = processInstanceOf(reference);
        awaitTask(reference, "Task_ConfirmAssessment", instance);
        return new Filed(reference, filed.path("trackingToken").asText(), email, instance);
    }

    private static String anEmail() {
        return "actions." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** Withdrawn by the complainant, its withdrawal confirmed and its process instance ended. */
    private void withdrawn(Filed c) throws Exception {
        Reply withdrawn = publicCall(
                HttpMethod.POST,
                "/api/complaints/" + c.reference() + "/withdrawal?token=" + c.token(),
                Map.of("reason", "Sorted out by phone"));
        assertThat(withdrawn.status()).as(withdrawn.body()).isIn(200, 202);
        awaitMail(messageId("withdrawal-confirmation", c.reference()), c.instance());
        await(
                "the end of " + c.instance(),
                c.instance(),
                () -> jdbc.sql("select count(*) from act_ru_execution where proc_inst_id_ = ?")
                                        .param(c.instance())
                                        .query(Integer.class)
                                        .single()
                                == 0
                        ? true
                        : null);
    }

    private Reply reopen(String user, String reference, Object body) {
        return appCall(user, HttpMethod.POST, "/api/staff/complaints/" + reference + "/reopening", body);
    }

    private Reply duplicateOf(String user, String reference, String other) {
        return appCall(
                user,
                HttpMethod.POST,
                "/api/staff/complaints/" + reference + "/duplicate-of",
                Map.of("reference", other));
    }

    private static void refused(Reply reply, int status, String detail) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.json().path("type").asText()).startsWith("urn:complaints:problem:");
        assertThat(reply.json().path("detail").asText()).contains(detail);
    }

    @Test
    void aComplaintManagerReopensAWithdrawnComplaintAndEveryoneElseIsRefused() throws Exception {
        Filed c = file(anEmail(), "The heater stopped working after two days.");
        Map<String, Object> reason = Map.of("reason", "The complainant called: the withdrawal was a mistake.");

        // open: nothing to reopen
        refused(reopen("manager", c.reference(), reason), 409, "only a closed complaint");
        withdrawn(c);

        assertThat(reopen(null, c.reference(), reason).status()).isEqualTo(401);
        refused(reopen("handler", c.reference(), reason), 403, "Only complaint managers");
        refused(reopen("quality", c.reference(), reason), 403, "Only complaint managers");
        refused(reopen("intake", c.reference(), reason), 403, "Only complaint managers");
        refused(reopen("manager", c.reference(), Map.of("reason", "too short")), 400, "reason");
        refused(reopen("manager", c.reference(), Map.of()), 400, "reason");
        refused(reopen("manager", "CMP-2020-999999", reason), 404, "CMP-2020-999999");
        assertThat(eventCount(c.reference(), "REOPENED")).isZero();
        assertThat(complaintRow(c.reference()).get("closure_reason")).isEqualTo("WITHDRAWN");

        Reply reopened = reopen("manager", c.reference().toLowerCase(), reason);
        assertThat(reopened.status()).as(reopened.body()).isEqualTo(200);
        String instance = reopened.json().path("processInstanceId").asText();
        assertThat(instance).isNotEqualTo(c.instance());
        assertThat(reopened.json().path("responseDeadline").asText()).isNotBlank();
        awaitTask(c.reference(), "Task_ConfirmAssessment", instance);
        Map<String, Object> row = complaintRow(c.reference());
        assertThat(row.get("stage")).isEqualTo("ASSESSMENT");
        assertThat(row.get("closed_at")).isNull();
        assertThat(row.get("process_instance_id")).isEqualTo(instance);
        assertThat(eventCount(c.reference(), "REOPENED")).isEqualTo(1);
        assertThat(jdbc.sql("""
                        select count(*) from cmp_audit a join cmp_complaint c on c.id = a.complaint_id
                        where c.reference = ? and a.actor = 'manager' and a.action = 'complaint.REOPENED'""").param(c.reference()).query(Integer.class).single())
                .isEqualTo(1);
        long reopeningId = jdbc.sql("select r.id from cmp_reopening r join cmp_complaint c on c.id = r.complaint_id"
                        + " where c.reference = ?")
                .param(c.reference())
                .query(Long.class)
                .single();
        assertThat(text(awaitMail(messageId("reopened-" + reopeningId, c.reference()), instance)))
                .contains("reopened your complaint " + c.reference());

        // the file shows the open stage again, the handlers' task and the history of both instances' closure
        JsonNode file = appCall("handler", HttpMethod.GET, "/api/staff/complaints/" + c.reference(), null)
                .json();
        assertThat(file.path("open").asBoolean()).isTrue();
        assertThat(file.path("stage").asText()).isEqualTo("ASSESSMENT");
        List<String> types = file.path("timeline").findValuesAsText("type");
        assertThat(types).contains("CLOSED", "REOPENED");
        // the first instance's assessment task, ended by the withdrawal, stays in the timeline
        assertThat(types).contains("TASK_ENDED");
        // the complainant's status page shows the open stage
        Reply status = publicCall(HttpMethod.GET, "/api/complaints/" + c.reference() + "?token=" + c.token(), null);
        assertThat(status.status()).as(status.body()).isEqualTo(200);
        assertThat(status.body()).contains("ASSESSMENT");
        // a reopened complaint is open: a second reopening is refused
        refused(reopen("manager", c.reference(), reason), 409, "only a closed complaint");
    }

    @Test
    void aHandlerLinksADuplicateWhoseInformationAndAttachmentsShowOnTheOtherFile() throws Exception {
        String email = anEmail();
        Filed original = file(email, "My washing machine leaks since the repair.");
        Filed duplicate = file(email, "Again about the leaking washing machine, sent twice.");
        Filed stranger = file(anEmail(), "Another person's complaint about a fridge.");
        Reply added = publicCall(
                HttpMethod.POST,
                "/api/complaints/" + duplicate.reference() + "/messages?token=" + duplicate.token(),
                Map.of("text", "The water reaches the kitchen floor."));
        assertThat(added.status()).as(added.body()).isIn(200, 202);

        refused(duplicateOf("handler", duplicate.reference(), duplicate.reference()), 400, "itself");
        refused(duplicateOf("handler", duplicate.reference(), "not a reference"), 400, "reference");
        refused(duplicateOf("handler", duplicate.reference(), "CMP-2020-999999"), 404, "that you can see");
        refused(duplicateOf("quality", duplicate.reference(), original.reference()), 403, "link duplicates");
        refused(duplicateOf("intake", duplicate.reference(), original.reference()), 403, "link duplicates");
        assertThat(duplicateOf(null, duplicate.reference(), original.reference())
                        .status())
                .isEqualTo(401);
        refused(duplicateOf("handler", duplicate.reference(), stranger.reference()), 409, "different complainants");

        // a confidential other complaint is answered like an unknown one, revealing nothing
        Reply marked = appCall(
                "manager",
                HttpMethod.PUT,
                "/api/staff/complaints/" + stranger.reference() + "/access",
                Map.of("confidential", true, "namedStaff", List.of()));
        assertThat(marked.status()).as(marked.body()).isEqualTo(200);
        Reply hidden = duplicateOf("handler", duplicate.reference(), stranger.reference());
        refused(hidden, 404, "There is no complaint " + stranger.reference() + " that you can see");
        // staff a complaint names may not act on it
        Reply named = appCall(
                "manager",
                HttpMethod.PUT,
                "/api/staff/complaints/" + duplicate.reference() + "/access",
                Map.of("confidential", false, "namedStaff", List.of("handler2")));
        assertThat(named.status()).as(named.body()).isEqualTo(200);
        refused(duplicateOf("handler2", duplicate.reference(), original.reference()), 403, "names you");
        assertThat(complaintRow(duplicate.reference()).get("closed_at")).isNull();
        assertThat(eventCount(duplicate.reference(), "MARKED_DUPLICATE")).isZero();

        Reply linked = duplicateOf("handler", duplicate.reference(), original.reference());
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(linked.json().path("closureReason").asText()).isEqualTo("DUPLICATE");
        assertThat(linked.json().path("duplicateOf").asText()).isEqualTo(original.reference());
        assertThat(complaintRow(duplicate.reference()).get("closure_reason")).isEqualTo("DUPLICATE");
        await("the duplicate notice", duplicate.instance(), () -> {
            for (var message : MAILBOX.getReceivedMessages()) {
                if (message.getMessageID() != null
                        && message.getMessageID().startsWith("<duplicate-notice-")
                        && message.getMessageID().contains(duplicate.reference())) {
                    return text(message);
                }
            }
            return null;
        });

        JsonNode file = appCall("handler", HttpMethod.GET, "/api/staff/complaints/" + original.reference(), null)
                .json();
        JsonNode shown = file.path("duplicates").get(0);
        assertThat(shown.path("reference").asText()).isEqualTo(duplicate.reference());
        assertThat(shown.path("description").asText()).contains("sent twice");
        assertThat(shown.path("addedInformation").get(0).path("text").asText()).contains("kitchen floor");
        assertThat(appCall("handler", HttpMethod.GET, "/api/staff/complaints/" + duplicate.reference(), null)
                        .json()
                        .path("duplicateOf")
                        .asText())
                .isEqualTo(original.reference());
        assertThat(eventCount(original.reference(), "DUPLICATE_LINKED")).isEqualTo(1);

        // closed now, and a duplicate is not a complaint to follow
        refused(duplicateOf("handler", duplicate.reference(), original.reference()), 409, "already closed");
        Filed third = file(email, "A third message about the washing machine.");
        refused(duplicateOf("handler", third.reference(), duplicate.reference()), 409, "itself a duplicate");
    }

    @Test
    void theFilesFormsActWithTheWebappSessionOnlyWithTheFormToken() throws Exception {
        Filed c = file(anEmail(), "The invoice was sent twice and paid twice.");
        withdrawn(c);
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        assertThat(signInToTasklist(browser, cookies, "manager").statusCode()).isEqualTo(200);
        String filePage = "http://127.0.0.1:" + port + "/staff/complaints/" + c.reference();
        String page = browser.send(
                        HttpRequest.newBuilder(URI.create(filePage)).GET().build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(page).contains("id=\"file-actions\"").contains("name=\"reason\"");
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as(page).isTrue();
        String reason = URLEncoder.encode("Withdrawn by accident, the caller says.", StandardCharsets.UTF_8);

        // without the token (what another site could make a browser send) the session does not count
        HttpResponse<String> forged = browser.send(
                HttpRequest.newBuilder(URI.create(filePage + "/reopening"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("reason=" + reason))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(complaintRow(c.reference()).get("closed_at")).isNotNull();

        // a refusal comes back to the form, readable, and changes nothing
        HttpResponse<String> tooShort = browser.send(
                HttpRequest.newBuilder(URI.create(filePage + "/reopening"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token.group(1) + "&reason=short"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tooShort.statusCode()).isEqualTo(302);
        String refusedPage = browser.send(
                        HttpRequest.newBuilder(URI.create(filePage)).GET().build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(refusedPage).contains("role=\"alert\"").contains("Not done: reason");

        HttpResponse<String> posted = browser.send(
                HttpRequest.newBuilder(URI.create(filePage + "/reopening"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token.group(1) + "&reason=" + reason))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").orElseThrow())
                .contains("/staff/complaints/" + c.reference());
        String after = browser.send(
                        HttpRequest.newBuilder(URI.create(filePage)).GET().build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(after).contains("role=\"status\"").contains("Reopened");
        assertThat(complaintRow(c.reference()).get("closed_at")).isNull();
        assertThat(eventCount(c.reference(), "REOPENED")).isEqualTo(1);
    }
}
