package org.complaints.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.complaints.PostgresApplicationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Complainant messages over HTTP on PostgreSQL while the complaint's process cannot take them (an administrator
 * suspended it): information and a withdrawal are accepted (202) and applied once when the process can take them,
 * by the sweep and by two deliveries at once; an answer to a decision not yet sent is 409 with Retry-After on the
 * JSON API and on the public page.
 */
@TestPropertySource(properties = "complaints.intake.message-retry-interval=PT1S")
class ComplainantMessagesPostgresIT extends PostgresApplicationTestSupport {

    @Autowired
    PendingMessageDelivery deliveries;

    record Answer(int status, HttpHeaders headers, String body) {}

    private Answer send(HttpMethod method, String path, MediaType type, Object body, String token) {
        RestClient.RequestBodySpec request = RestClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .requestFactory(new JdkClientHttpRequestFactory())
                .build()
                .method(method)
                .uri(path)
                .header("X-Tracking-Token", token)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "nl");
        if (body != null) {
            request.contentType(type).body(body);
        }
        return request.exchange((req, res) -> new Answer(
                res.getStatusCode().value(),
                res.getHeaders(),
                new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    private Answer json(String path, Object body, String token) {
        return send(HttpMethod.POST, path, MediaType.APPLICATION_JSON, body, token);
    }

    private Answer form(String path, String body, String token) {
        return send(HttpMethod.POST, path, MediaType.APPLICATION_FORM_URLENCODED, body, token);
    }

    private void suspended(String instance, boolean suspended) {
        Reply reply = call(
                "demo",
                PASSWORD,
                HttpMethod.PUT,
                "/process-instance/" + instance + "/suspended",
                Map.of("suspended", suspended));
        assertThat(reply.status()).as(reply.body()).isEqualTo(204);
    }

    private long kept(String reference, String messageName) {
        return jdbc.sql("""
                select m.id from cmp_complainant_message m join cmp_complaint c on c.id = m.complaint_id
                where c.reference = ? and m.message_name = ?""").params(reference, messageName).query(Long.class).single();
    }

    @Test
    void messagesThatArriveWhileTheProcessCannotTakeThemAreAppliedOnceLater() throws Exception {
        JsonNode filed = fileComplaint(
                "Mila Kask",
                "mila.kask@example.net",
                null,
                "The train ticket machine took my money and printed no ticket.");
        String reference = filed.path("reference").asText();
        String token = filed.path("trackingToken").asText();
        String instance = processInstanceOf(reference);
        awaitMail(messageId("acknowledgement", reference), instance);
        suspended(instance, true);

        Answer added =
                json("/api/complaints/" + reference + "/messages", Map.of("text", "Machine 14, platform 2."), token);
        assertThat(added.status()).as(added.body()).isEqualTo(202);
        Answer withdrawn =
                json("/api/complaints/" + reference + "/withdrawal", Map.of("reason", "Refunded at the desk."), token);
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(202);
        // the public page says the withdrawal was received, not that it is done
        Answer page =
                form("/complaints/" + reference + "/withdrawal", "token=" + token + "&reason=&confirmed=true", token);
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.headers().getLocation().toString()).contains("done=withdrawal-received");
        assertThat(complaintRow(reference)).containsEntry("stage", "ASSESSMENT");
        assertThat(jdbc.sql("select content from cmp_added_information a join cmp_complaint c on c.id = a.complaint_id "
                                + "where c.reference = ?")
                        .param(reference)
                        .query(String.class)
                        .single())
                .isEqualTo("Machine 14, platform 2.");

        suspended(instance, false);
        long information = kept(reference, ComplainantMessages.INFORMATION_ADDED);
        // two nodes (or the sweep and a node) delivering the same message at once: it reaches the process once
        List<CompletableFuture<PendingMessageDelivery.Delivery>> both = List.of(
                CompletableFuture.supplyAsync(() -> deliveries.deliver(information)),
                CompletableFuture.supplyAsync(() -> deliveries.deliver(information)));
        both.forEach(CompletableFuture::join);
        // the sweep applies the withdrawal by itself
        await(
                "withdrawal applied",
                instance,
                () -> "CLOSED".equals(complaintRow(reference).get("stage")) ? true : null);

        assertThat(complaintRow(reference)).containsEntry("closure_reason", "WITHDRAWN");
        assertThat(get(
                                "demo",
                                "/history/task?processInstanceId=" + instance
                                        + "&taskDefinitionKey=Task_ReviewAddedInformation")
                        .json())
                .hasSize(1);
        assertThat(eventCount(reference, "WITHDRAWN")).isOne();
        assertThat(jdbc.sql("select status from cmp_complainant_message where id = ?")
                        .param(information)
                        .query(String.class)
                        .single())
                .isEqualTo("DELIVERED");
        awaitMail(messageId("withdrawal-confirmation", reference), instance);
    }

    @Test
    void anAnswerToADecisionNotYetSentIsTryAgainOnEveryChannel() throws Exception {
        JsonNode filed = fileComplaint(
                "Aivar Tamm", "aivar.tamm@example.net", null, "My parcel locker code did not work three times.");
        String reference = filed.path("reference").asText();
        String token = filed.path("trackingToken").asText();

        Answer api = json("/api/complaints/" + reference + "/decision-response", Map.of("accepted", true), token);
        assertThat(api.status()).isEqualTo(409);
        assertThat(api.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("60");
        assertThat(api.body()).contains("urn:complaints:problem:try-again");

        Answer page =
                form("/complaints/" + reference + "/decision-response", "token=" + token + "&accepted=true", token);
        assertThat(page.status()).isEqualTo(409);
        assertThat(page.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("60");
        assertThat(page.body())
                .contains(messageSource.getMessage("problem.try-again.detail", null, Locale.forLanguageTag("nl")));
        assertThat(eventCount(reference, "DECISION_ACCEPTED")).isZero();
    }
}
