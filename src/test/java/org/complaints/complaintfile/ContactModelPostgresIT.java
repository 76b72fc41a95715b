package org.complaints.complaintfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.complaints.PostgresApplicationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * Complainants without e-mail, representatives and accessibility needs on PostgreSQL (ISO 10002 4.5): the public
 * API takes a complaint with only a postal address, the register keeps it and the complaint file shows it; the
 * refusals name the field; the database itself refuses a complaint nobody can be reached for; staff record the
 * answer to the decision on the complainant's behalf, and only the complaint's handlers and managers may.
 */
class ContactModelPostgresIT extends PostgresApplicationTestSupport {

    private static final String ADDRESS = "Mevr. A. Jansen\nDorpsstraat 12\n1234 AB Ergens";

    private static Map<String, Object> byPost(String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Aaltje Jansen");
        body.put("language", "nl");
        body.put("productOrService", "Home delivery");
        body.put("description", description + " " + UUID.randomUUID());
        body.put("consent", true);
        body.put("postalAddress", ADDRESS);
        body.put("preferredContact", "post");
        body.put("accessibilityNeeds", "large-print");
        body.put("accessibilityNote", "16 pt at least");
        return body;
    }

    @Test
    void aComplaintWithOnlyAPostalAddressIsTakenKeptAndShownInTheFile() throws Exception {
        Map<String, Object> body = byPost("My parcel was thrown over the fence and the vase inside broke.");
        body.put("representativeName", "Piet Jansen");
        body.put("representativePostalAddress", "Kerkweg 3\n1234 AC Ergens");
        body.put("representativeRelation", "son");
        body.put("representativeConsent", true);
        Reply filed = publicCall(HttpMethod.POST, "/api/complaints", body);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String reference = filed.json().path("reference").asText();

        Map<String, Object> row = complaintRow(reference);
        assertThat(row.get("complainant_email")).isNull();
        assertThat(row.get("postal_address")).isEqualTo(ADDRESS);
        assertThat(row.get("preferred_contact")).isEqualTo("post");
        assertThat(row.get("accessibility_needs")).isEqualTo("large-print");
        assertThat(row.get("representative_name")).isEqualTo("Piet Jansen");
        assertThat(row.get("representative_consent")).isEqualTo(true);
        String instance = processInstanceOf(reference);
        awaitTask(reference, "Task_ConfirmAssessment", instance);

        Reply file = appCall("handler", HttpMethod.GET, "/api/staff/complaints/" + reference, null);
        assertThat(file.status()).as(file.body()).isEqualTo(200);
        JsonNode json = file.json();
        assertThat(json.at("/contact/postalAddress").asText()).isEqualTo(ADDRESS);
        assertThat(json.at("/contact/email").isNull()).isTrue();
        assertThat(json.at("/contact/representative/relation").asText()).isEqualTo("son");
        assertThat(json.at("/contact/representative/consentRecorded").asBoolean())
                .isTrue();
        // communications go to the representative, who has only a postal address
        assertThat(json.at("/communication/preferredContact").asText()).isEqualTo("post");
        assertThat(json.at("/communication/represented").asBoolean()).isTrue();
        assertThat(json.at("/communication/accessibilityNeeds").asText()).isEqualTo("large-print");
        // the page's "write to the complainant" says the message goes as a letter, not by e-mail
        Reply page = appCall("handler", HttpMethod.GET, "/staff/complaints/" + reference, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Goes as a letter").doesNotContain("Sent by e-mail");
        // quality managers see how to communicate, not the contact details
        Reply quality = appCall("quality", HttpMethod.GET, "/api/staff/complaints/" + reference, null);
        if (quality.status() == 200) {
            assertThat(quality.json().path("contact").isNull()).isTrue();
            assertThat(quality.json().at("/communication/accessibilityNeeds").asText())
                    .isEqualTo("large-print");
        }
    }

    @Test
    void aComplaintNobodyCanBeReachedForIsRefusedByTheApiAndByTheDatabase() {
        Map<String, Object> none = byPost("Nobody can answer this complaint, it has no address at all.");
        none.remove("postalAddress");
        none.remove("preferredContact");
        assertRefused(none, "email");

        Map<String, Object> unreachable = byPost("The preferred way of contact cannot reach this complainant.");
        unreachable.remove("postalAddress");
        unreachable.put("phone", "+31 20 555 0100");
        assertRefused(unreachable, "preferredContact");

        Map<String, Object> noConsent = byPost("A representative without the complainant's consent on record.");
        noConsent.put("representativeName", "Piet Jansen");
        noConsent.put("representativeEmail", "piet@example.org");
        assertRefused(noConsent, "representativeConsent");

        // the database refuses it too, whatever code writes the row
        Reply kept = publicCall(
                HttpMethod.POST, "/api/complaints", byPost("A complaint the database keeps reachable by post."));
        assertThat(kept.status()).as(kept.body()).isEqualTo(201);
        assertThatThrownBy(() -> {
                    try (java.sql.Connection db = superuserConnection();
                            java.sql.Statement update = db.createStatement()) {
                        update.executeUpdate("update cmp_complaint set complainant_email = null,"
                                + " complainant_phone = null, postal_address = null");
                    }
                })
                .hasMessageContaining("cmp_complaint_reachable");
    }

    private void assertRefused(Map<String, Object> body, String field) {
        Reply reply = publicCall(HttpMethod.POST, "/api/complaints", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        List<String> fields = reply.json().path("errors").findValuesAsText("field");
        assertThat(fields).as(reply.body()).containsExactly(field);
    }

    @Test
    void staffRecordTheAnswerToTheDecisionOnTheComplainantsBehalfOnce() throws Exception {
        Reply filed = publicCall(
                HttpMethod.POST, "/api/complaints", byPost("The driver was rude to me at the door yesterday."));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String reference = filed.json().path("reference").asText();
        String instance = processInstanceOf(reference);
        String path = "/api/staff/complaints/" + reference + "/decision-answer";
        Map<String, Object> accepted = Map.of("answer", "accepted", "receivedBy", "phone", "note", "Accepts by phone");

        // nothing to answer yet: the decision has not been taken
        awaitTask(reference, "Task_ConfirmAssessment", instance);
        assertThat(appCall("handler", HttpMethod.POST, path, accepted).status()).isEqualTo(409);

        decideNotUpheld(reference, instance, "The driver was polite on the dashcam.", "The dashcam shows no rudeness.");
        await(
                "the wait for the complainant's reaction",
                instance,
                () -> "AWAITING_REACTION".equals(complaintRow(reference).get("stage")) ? true : null);

        assertThat(appCall(null, HttpMethod.POST, path, accepted).status()).isEqualTo(401);
        assertThat(appCall("quality", HttpMethod.POST, path, accepted).status()).isEqualTo(403);
        assertThat(appCall("intake", HttpMethod.POST, path, accepted).status()).isIn(403, 404);
        Reply bad = appCall("handler", HttpMethod.POST, path, Map.of("answer", "maybe", "receivedBy", "phone"));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.json().path("type").asText()).isEqualTo("urn:complaints:problem:invalid");
        Reply noChannel = appCall("handler", HttpMethod.POST, path, Map.of("answer", "accepted"));
        assertThat(noChannel.status()).as(noChannel.body()).isEqualTo(400);
        assertThat(noChannel.body()).contains("receivedBy");

        Reply answered = appCall("handler", HttpMethod.POST, path, accepted);
        assertThat(answered.status()).as(answered.body()).isEqualTo(204);
        assertThat(eventCount(reference, "DECISION_ACCEPTED")).isEqualTo(1);
        assertThat(jdbc.sql("""
                        select count(*) from cmp_audit a join cmp_complaint c on c.id = a.complaint_id
                        where c.reference = ? and a.actor = 'handler' and a.action = ?""")
                        .params(reference, "complaintfile.DECISION_ANSWERED_ON_BEHALF")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("""
                        select e.actor from cmp_event e join cmp_complaint c on c.id = e.complaint_id
                        where c.reference = ? and e.event_type = 'DECISION_ACCEPTED'""").param(reference).query(String.class).single()).isEqualTo("handler");

        Reply again = appCall("manager", HttpMethod.POST, path, Map.of("answer", "rejected", "receivedBy", "letter"));
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().path("type").asText()).isEqualTo("urn:complaints:problem:conflict");
        assertThat(eventCount(reference, "DECISION_REJECTED")).isZero();
    }
}
