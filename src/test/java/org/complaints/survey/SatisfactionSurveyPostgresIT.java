package org.complaints.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.complaints.PostgresApplicationTestSupport;
import org.complaints.closure.ClosureService;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.NewComplaint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpMethod;

/**
 * The survey on PostgreSQL as production runs it: the scheduled sender and further senders at the same time
 * (as on several nodes) send each invitation once, the complainant answers on the page and through the JSON
 * API over HTTP, and quality managers read the period's figures through the staff API.
 */
class SatisfactionSurveyPostgresIT extends PostgresApplicationTestSupport {

    private static final Pattern LINK = Pattern.compile(Pattern.quote(PUBLIC_BASE_URL) + "/survey/([A-Za-z0-9_-]{43})");

    @Autowired
    ComplaintRegister register;

    @Autowired
    ClosureService closure;

    @Autowired
    SurveySender sender;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void severalSendersSendEachInvitationOnceAndTheFiguresAddUp() throws Exception {
        // a day of its own in the shared database: the complaints close on it
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2032-02-10T10:00:00Z")));
        String[][] plan = {
            {"upheld", "ACCEPTED"}, {"upheld", "ACCEPTED"}, {"not-upheld", "NO_REACTION"},
            {"not-upheld", "NO_REACTION"}, {null, "WITHDRAWN"}, {null, "WITHDRAWN"}
        };
        List<Complaint> complaints = new ArrayList<>();
        for (String[] step : plan) {
            complaints.add(closed(step[0], step[1]));
        }

        // three more senders besides the scheduled one, all at once
        ExecutorService nodes = Executors.newFixedThreadPool(3);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int node = 0; node < 3; node++) {
            runs.add(nodes.submit(() -> {
                start.await();
                return sender.sendDue();
            }));
        }
        start.countDown();
        for (Future<Integer> run : runs) {
            run.get();
        }
        nodes.shutdown();
        List<String> tokens = new ArrayList<>();
        for (Complaint complaint : complaints) {
            MimeMessage invitation = awaitMail(messageId("survey-invitation", complaint.reference()), null);
            tokens.add(token(invitation));
        }
        ClockUtil.reset();
        for (Complaint complaint : complaints) {
            assertThat(received(messageId("survey-invitation", complaint.reference())))
                    .as(complaint.reference())
                    .isOne();
            assertThat(eventCount(complaint.reference(), "SURVEY_SENT")).isOne();
            assertThat(jdbc.sql("select status from cmp_survey where complaint_id = ?")
                            .param(complaint.id())
                            .query(String.class)
                            .single())
                    .isEqualTo("SENT");
        }

        // answers: on the page (form post), through the JSON API, and one left unanswered
        HttpClient http = HttpClient.newHttpClient();
        int[][] scores = {{5, 4, 5}, {4, 4, 4}, {2, 1, 3}, {1, 1, 2}, {3, 5, 4}};
        for (int i = 0; i < scores.length; i++) {
            String path = "/survey/" + tokens.get(i);
            if (i % 2 == 0) {
                HttpResponse<String> page = http.send(
                        HttpRequest.newBuilder(app(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).isEqualTo(200);
                String form = "handlingScore=" + scores[i][0] + "&outcomeScore=" + scores[i][1] + "&easeScore="
                        + scores[i][2] + "&comment=" + URLEncoder.encode("Fine, thanks", StandardCharsets.UTF_8);
                HttpResponse<String> answered = http.send(
                        HttpRequest.newBuilder(app(path))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
            } else {
                Reply answered = publicCall(
                        HttpMethod.POST,
                        "/api/surveys/" + tokens.get(i),
                        Map.of("handlingScore", scores[i][0], "outcomeScore", scores[i][1], "easeScore", scores[i][2]));
                assertThat(answered.status()).as(answered.body()).isEqualTo(200);
            }
        }
        Reply twice = publicCall(
                HttpMethod.POST,
                "/api/surveys/" + tokens.get(0),
                Map.of("handlingScore", 1, "outcomeScore", 1, "easeScore", 1));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().path("type").asText()).isEqualTo("urn:complaints:problem:survey-answered");
        assertThat(publicCall(HttpMethod.GET, "/api/surveys/" + tokens.get(5), null)
                        .json()
                        .path("reference")
                        .asText())
                .isEqualTo(complaints.get(5).reference());

        // the figures, computed here from the plan and the scores
        String period = "/api/staff/reports/satisfaction?from=2032-02-10&to=2032-02-10";
        assertThat(appCall(null, HttpMethod.GET, period, null).status()).isEqualTo(401);
        assertThat(appCall("handler", HttpMethod.GET, period, null).status()).isEqualTo(403);
        Reply report = appCall("quality", HttpMethod.GET, period, null);
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        JsonNode figures = report.json();
        assertThat(figures.path("invited").asLong()).isEqualTo(6);
        assertThat(figures.path("sent").asLong()).isEqualTo(6);
        assertThat(figures.path("answered").asLong()).isEqualTo(5);
        assertThat(figures.path("responseRate").asDouble()).isEqualTo(0.833);
        // handling 5+4+2+1+3 = 15 / 5; outcome 4+4+1+1+5 = 15 / 5; ease 5+4+3+2+4 = 18 / 5
        assertThat(figures.path("handling").path("mean").asDouble()).isEqualTo(3.0);
        assertThat(figures.path("outcome").path("mean").asDouble()).isEqualTo(3.0);
        assertThat(figures.path("ease").path("mean").asDouble()).isEqualTo(3.6);
        assertThat(figures.path("outcome").path("distribution").path("1").asLong())
                .isEqualTo(2);
        assertThat(figures.path("outcome").path("distribution").path("4").asLong())
                .isEqualTo(2);
        assertThat(figures.path("byOutcome").path("upheld").path("handlingMean").asDouble())
                .isEqualTo(4.5);
        assertThat(figures.path("byOutcome")
                        .path("not-upheld")
                        .path("outcomeMean")
                        .asDouble())
                .isEqualTo(1.0);
        assertThat(figures.path("byClosureReason")
                        .path("WITHDRAWN")
                        .path("answered")
                        .asLong())
                .isEqualTo(1);
        assertThat(figures.path("byClosureReason")
                        .path("WITHDRAWN")
                        .path("responseRate")
                        .asDouble())
                .isEqualTo(0.5);
        assertThat(report.body()).doesNotContain("CMP-").doesNotContain("Fine, thanks");

        // the database itself keeps scores in range
        assertThatThrownBy(() -> jdbc.sql("update cmp_survey set ease_score = 6 where complaint_id = ?")
                        .param(complaints.get(5).id())
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private Complaint closed(String outcome, String reason) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Complaint complaint = register.create(new NewComplaint(
                "web",
                now,
                null,
                "Pat Survey " + tag,
                "pat." + tag + "@example.net",
                null,
                "en",
                "Survey IT product",
                "The delivery came a week late and nobody told me why.",
                null,
                null,
                null,
                "medium",
                "individual",
                "delivery",
                false));
        if (outcome != null) {
            register.recordDecision(complaint.id(), outcome, now, 0);
        }
        closure.close(complaint.id(), reason, "it-tester", null, null);
        return register.get(complaint.id());
    }

    private long received(String messageId) throws Exception {
        long count = 0;
        for (MimeMessage message : MAILBOX.getReceivedMessages()) {
            if (messageId.equals(message.getMessageID())) {
                count++;
            }
        }
        return count;
    }

    private static String token(MimeMessage invitation) throws Exception {
        Matcher link = LINK.matcher(text(invitation));
        assertThat(link.find()).as("survey link in the e-mail").isTrue();
        return link.group(1);
    }

    private URI app(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
