package org.complaints.letters;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.complaints.PostgresApplicationTestSupport;
import org.complaints.mail.OutgoingMail;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The print queue's API on PostgreSQL as staff call it with HTTP Basic: who sees which waiting letters
 * (complaint intake and managers; a confidential complaint's letter only for managers), the PDF as an audited
 * download, marking a letter posted once (409 the second time, 404 for an unknown letter), every refusal.
 */
class PrintQueuePostgresIT extends PostgresApplicationTestSupport {

    @Autowired
    private PostalDelivery postal;

    @Autowired
    private ComplaintRegister register;

    @Autowired
    private TransactionTemplate transactions;

    /** A complaint filed by a complainant who prefers post, with one letter waiting for it. */
    private record Waiting(String reference, long letterId) {}

    private Waiting letterFor(String description) throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        JsonNode filed = fileComplaint("Mehmet " + unique, "post." + unique + "@example.org", null, description);
        String reference = filed.path("reference").asText();
        String instance = processInstanceOf(reference);
        awaitTask(reference, "Task_ConfirmAssessment", instance);
        jdbc.sql("""
                update cmp_complaint set complainant_email = null, postal_address = ?, preferred_contact = 'post',
                    language = 'tr'
                where reference = ?""").params("Atatürk Cad. 5\n34000 İstanbul", reference).update();
        transactions.executeWithoutResult(tx -> {
            Complaint complaint = register.getByReference(reference);
            postal.deliver(
                    complaint,
                    new OutgoingMail(
                            complaint.id(),
                            reference,
                            "status-update-it",
                            "status-update",
                            "tr",
                            List.of(),
                            "Şikâyetiniz " + reference,
                            "Sayın Mehmet,\n\nŞikâyetiniz inceleniyor.",
                            "<status-update-it." + reference + "@" + MESSAGE_ID_DOMAIN + ">"));
        });
        long id = jdbc.sql("select id from cmp_letter where reference = ?")
                .param(reference)
                .query(Long.class)
                .single();
        return new Waiting(reference, id);
    }

    private List<String> waitingReferences(String user) throws Exception {
        Reply reply = appCall(user, HttpMethod.GET, "/api/staff/letters", null);
        assertThat(reply.status()).isEqualTo(200);
        return JSON.readTree(reply.body()).findValuesAsText("reference");
    }

    private HttpResponse<byte[]> pdf(String user, long id) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/staff/letters/" + id + "/pdf"));
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void intakeListsDownloadsAndPostsALetterOnceAndEveryoneElseIsRefused() throws Exception {
        Waiting letter = letterFor("The parcel arrived broken and nobody answers the phone.");

        Reply listed = appCall("intake", HttpMethod.GET, "/api/staff/letters", null);
        assertThat(listed.status()).isEqualTo(200);
        JsonNode entry = null;
        for (JsonNode node : JSON.readTree(listed.body())) {
            if (node.path("reference").asText().equals(letter.reference())) {
                entry = node;
            }
        }
        assertThat(entry).as("the letter in intake's queue").isNotNull();
        assertThat(entry.path("kind").asText()).isEqualTo("status-update");
        assertThat(entry.path("language").asText()).isEqualTo("tr");
        assertThat(entry.path("pdf").asText()).isEqualTo("/api/staff/letters/" + letter.letterId() + "/pdf");
        assertThat(entry.path("postedAt").isNull()).isTrue();
        assertThat(waitingReferences("manager")).contains(letter.reference());

        // handlers, quality managers, strangers: refused
        assertThat(appCall("handler", HttpMethod.GET, "/api/staff/letters", null)
                        .status())
                .isEqualTo(403);
        assertThat(appCall("quality", HttpMethod.GET, "/api/staff/letters", null)
                        .status())
                .isEqualTo(403);
        assertThat(appCall(null, HttpMethod.GET, "/api/staff/letters", null).status())
                .isEqualTo(401);
        assertThat(pdf(null, letter.letterId()).statusCode()).isEqualTo(401);
        assertThat(pdf("handler", letter.letterId()).statusCode()).isEqualTo(403);

        HttpResponse<byte[]> download = pdf("intake", letter.letterId());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        assertThat(download.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).startsWith("attachment").contains(letter.reference()));
        assertThat(new String(download.body(), 0, 5, StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");
        assertThat(jdbc.sql("select count(*) from cmp_audit where actor = 'intake' and action = 'letters.LETTER_READ'"
                                + " and entity = ?")
                        .param("letter:" + letter.letterId())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(pdf("intake", 999_999_999L).statusCode()).isEqualTo(404);

        assertThat(appCall("handler", HttpMethod.POST, "/api/staff/letters/" + letter.letterId() + "/posted", null)
                        .status())
                .isEqualTo(403);
        Reply posted = appCall("intake", HttpMethod.POST, "/api/staff/letters/" + letter.letterId() + "/posted", null);
        assertThat(posted.status()).isEqualTo(200);
        assertThat(posted.json().path("postedBy").asText()).isEqualTo("intake");
        assertThat(posted.json().path("postedAt").isNull()).isFalse();
        assertThat(eventCount(letter.reference(), "LETTER_POSTED")).isEqualTo(1);
        assertThat(waitingReferences("intake")).doesNotContain(letter.reference());

        Reply again = appCall("manager", HttpMethod.POST, "/api/staff/letters/" + letter.letterId() + "/posted", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("detail").asText()).contains("posted before, by intake");
        assertThat(eventCount(letter.reference(), "LETTER_POSTED")).isEqualTo(1);
        assertThat(appCall("intake", HttpMethod.POST, "/api/staff/letters/999999999/posted", null)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aConfidentialComplaintsLetterIsForComplaintManagersOnly() throws Exception {
        Waiting letter = letterFor("A confidential matter about a member of staff.");
        jdbc.sql("update cmp_complaint set confidential = true where reference = ?")
                .param(letter.reference())
                .update();

        assertThat(waitingReferences("intake")).doesNotContain(letter.reference());
        assertThat(pdf("intake", letter.letterId()).statusCode()).isEqualTo(403);
        assertThat(appCall("intake", HttpMethod.POST, "/api/staff/letters/" + letter.letterId() + "/posted", null)
                        .status())
                .isEqualTo(403);
        assertThat(waitingReferences("manager")).contains(letter.reference());
        assertThat(pdf("manager", letter.letterId()).statusCode()).isEqualTo(200);
        assertThat(appCall("manager", HttpMethod.POST, "/api/staff/letters/" + letter.letterId() + "/posted", null)
                        .status())
                .isEqualTo(200);
    }
}
