package org.complaints.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.complaints.PostgresApplicationTestSupport;
import org.complaints.operations.ComplaintMetrics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.http.HttpMethod;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.TestPropertySource;

/**
 * The mail outbox on PostgreSQL with the application as production runs it (issue 6, reliability): the SMTP
 * server down for longer than one retry interval, then back, and every acknowledgement arrives exactly once
 * (counted by Message-ID on the SMTP server); several senders at once; a given-up e-mail retried through the
 * incident and through the staff API, once each. Retries here come seconds apart instead of minutes.
 */
@TestPropertySource(
        properties = {
            "complaints.mail.outbox.first-retry=PT2S",
            "complaints.mail.outbox.longest-retry=PT4S",
            "complaints.mail.outbox.max-attempts=6",
            "complaints.intake.max-submissions-per-minute=1000"
        })
class MailOutboxPostgresIT extends PostgresApplicationTestSupport {

    @Autowired
    OutboxSender sender;

    @Autowired
    MailOutbox outbox;

    @Autowired
    MailLog mailLog;

    @Autowired
    ComplaintMetrics metrics;

    @Autowired
    MeterRegistry meters;

    @Autowired
    HealthEndpoint health;

    @Autowired
    JavaMailSenderImpl javaMail;

    /**
     * The health and the gauges count every row of the shared outbox: e-mails other test classes queued and the
     * previous application had not sent yet are sent first, while the SMTP server is up, so a test that stops it
     * gives up only its own.
     */
    @BeforeEach
    void sendWhatOtherTestsQueued() throws Exception {
        jdbc.sql("update cmp_mail_outbox set next_attempt_at = ? where status = 'PENDING'")
                .param(Timestamp.from(Instant.now()))
                .update();
        await("the shared outbox sent", null, () -> {
            sender.sendDue();
            return jdbc.sql("select count(*) from cmp_mail_outbox where status = 'PENDING'")
                                    .query(Integer.class)
                                    .single()
                            == 0
                    ? true
                    : null;
        });
    }

    @Test
    void smtpTimeoutsApplyInTheProductionProfile() {
        // application.yaml sets them, application-postgres.yaml adds its own keys to the same map
        assertThat(javaMail.getJavaMailProperties())
                .containsEntry("mail.smtp.connectiontimeout", "5000")
                .containsEntry("mail.smtp.timeout", "10000")
                .containsEntry("mail.smtp.writetimeout", "10000")
                .containsEntry("mail.smtp.starttls.enable", "false");
    }

    /**
     * A message is queued once per reference and key, and not at all when the complaint's mail log has it as sent
     * (sent before the outbox existed, by a step that ran again after the upgrade).
     */
    @Test
    void aMessageIsQueuedOnceAndNotWhenTheMailLogHasItAsSent() throws Exception {
        String reference = fileComplaints("dedup", 1).get(0);
        long complaintId = ((Number) complaintRow(reference).get("id")).longValue();
        mailLog.record(
                complaintId,
                "legacy-notice",
                "dedup-test",
                "en",
                "dedup@example.net",
                "Decision",
                "Sent before",
                "<legacy@example.org>",
                Instant.now());

        assertThat(outbox.add(mail(complaintId, reference, "legacy-notice"), Instant.now()))
                .isFalse();
        assertThat(outbox.find(reference, "legacy-notice")).isEmpty();
        assertThat(outbox.add(mail(complaintId, reference, "fresh-notice"), Instant.now()))
                .isTrue();
        assertThat(outbox.add(mail(complaintId, reference, "fresh-notice"), Instant.now()))
                .as("queued before")
                .isFalse();
        assertThat(outbox.find(reference, "fresh-notice")).isPresent();
        // a message about no complaint (a corrective action's notice) has only the outbox to look at
        assertThat(outbox.add(mail(null, "CA-" + reference, "legacy-notice"), Instant.now()))
                .isTrue();
        // sent before the next test, which counts what its senders send
        for (String[] queued : new String[][] {
            {reference, "acknowledgement"}, {reference, "fresh-notice"}, {"CA-" + reference, "legacy-notice"}
        }) {
            await(
                    "sent " + String.join(" ", queued),
                    null,
                    () -> "SENT"
                                    .equals(outbox.find(queued[0], queued[1])
                                            .orElseThrow()
                                            .status())
                            ? true
                            : null);
        }
    }

    private static OutgoingMail mail(Long complaintId, String reference, String dedupKey) {
        return new OutgoingMail(
                complaintId,
                reference,
                dedupKey,
                "dedup-test",
                "en",
                List.of("dedup@example.net"),
                "Notice " + dedupKey,
                "Body of " + dedupKey,
                "<" + dedupKey + "." + reference + "@example.org>");
    }

    @Test
    void smtpDownForLongerThanOneRetryIntervalThenBackEveryAcknowledgementArrivesOnce() throws Exception {
        List<String> references = new ArrayList<>();
        Instant back;
        MAILBOX.stop();
        try {
            references.addAll(fileComplaints("outage", 12));
            // every acknowledgement was refused at least twice: down longer than one retry interval
            awaitAttempts(references, 2);
            for (String reference : references) {
                MailOutbox.Entry entry =
                        outbox.find(reference, "acknowledgement").orElseThrow();
                assertThat(entry.status()).isEqualTo("PENDING");
                assertThat(entry.lastFailure()).contains("MailConnectException").doesNotContain("@example.net");
                assertThat(complaintRow(reference).get("acknowledged_at")).isNull();
            }
            // operators see it: gauges and the health details
            metrics.refresh();
            assertThat(meters.get("complaints.emails.outbox.pending").gauge().value())
                    .isGreaterThanOrEqualTo(12);
            assertThat(meters.get("complaints.emails.outbox.oldest.age").gauge().value())
                    .isGreaterThanOrEqualTo(2);
            assertThat(health.healthForPath("mailOutbox").getStatus().getCode()).isEqualTo("DELAYED");
            back = Instant.now();
        } finally {
            MAILBOX.start();
        }

        for (String reference : references) {
            awaitMail(messageId("acknowledgement", reference), processInstanceOf(reference));
            await(
                    "acknowledgement of " + reference + " recorded",
                    null,
                    () -> "SENT"
                                    .equals(outbox.find(reference, "acknowledgement")
                                            .orElseThrow()
                                            .status())
                            ? true
                            : null);
        }
        for (String reference : references) {
            assertThat(deliveries(messageId("acknowledgement", reference)))
                    .as(reference)
                    .isEqualTo(1);
            Instant acknowledgedAt = jdbc.sql("select acknowledged_at from cmp_complaint where reference = ?")
                    .param(reference)
                    .query(OffsetDateTime.class)
                    .single()
                    .toInstant();
            assertThat(acknowledgedAt).as("acknowledged when it went out").isAfterOrEqualTo(back.minusSeconds(1));
            assertThat(eventCount(reference, "ACKNOWLEDGED")).isEqualTo(1);
            assertThat(eventCount(reference, "MAIL_SENT")).isEqualTo(1);
        }
        metrics.refresh();
        assertThat(health.healthForPath("mailOutbox").getStatus().getCode()).isIn("UP", "DELAYED");
    }

    @Test
    void severalSendersAtOnceSendEachMessageOnce() throws Exception {
        List<String> references = new ArrayList<>();
        MAILBOX.stop();
        try {
            references.addAll(fileComplaints("concurrent", 15));
            awaitAttempts(references, 1);
        } finally {
            MAILBOX.start();
        }
        // all due at once, for four senders here besides the scheduled one
        jdbc.sql("update cmp_mail_outbox set next_attempt_at = ? where status = 'PENDING'")
                .param(OffsetDateTime.now())
                .update();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(pool.submit(() -> {
                start.await();
                return sender.sendDue();
            }));
        }
        start.countDown();
        int sentHere = 0;
        for (Future<Integer> run : runs) {
            sentHere += run.get();
        }
        pool.shutdown();
        assertThat(sentHere).isLessThanOrEqualTo(15);

        for (String reference : references) {
            await(
                    "sent " + reference,
                    null,
                    () -> "SENT"
                                    .equals(outbox.find(reference, "acknowledgement")
                                            .orElseThrow()
                                            .status())
                            ? true
                            : null);
        }
        for (String reference : references) {
            assertThat(deliveries(messageId("acknowledgement", reference)))
                    .as(reference)
                    .isEqualTo(1);
            assertThat(eventCount(reference, "MAIL_SENT")).isEqualTo(1);
            assertThat(eventCount(reference, "ACKNOWLEDGED")).isEqualTo(1);
        }
    }

    @Test
    void aGivenUpEmailRaisesAnIncidentAndIsSentOnceWhenTheIncidentIsResolvedOrTheStaffApiRetriesIt() throws Exception {
        String viaIncident;
        String viaApi;
        MAILBOX.stop();
        try {
            viaIncident = fileComplaint(
                            "Given Up One",
                            "givenup1." + System.nanoTime() + "@example.net",
                            null,
                            "Nobody called me back about the broken fridge.")
                    .path("reference")
                    .asText();
            viaApi = fileComplaint(
                            "Given Up Two",
                            "givenup2." + System.nanoTime() + "@example.net",
                            null,
                            "Nobody called me back about the broken oven.")
                    .path("reference")
                    .asText();
            for (String reference : List.of(viaIncident, viaApi)) {
                await(
                        "given up " + reference,
                        processInstanceOf(reference),
                        () -> outbox.find(reference, "acknowledgement")
                                .filter(e -> "FAILED".equals(e.status()))
                                .orElse(null));
            }
        } finally {
            MAILBOX.start();
        }
        for (String reference : List.of(viaIncident, viaApi)) {
            assertThat(eventCount(reference, "MAIL_NOT_DELIVERED")).isEqualTo(1);
            JsonNode incidents = get("demo", "/incident?processInstanceId=" + processInstanceOf(reference))
                    .json();
            assertThat(incidents).hasSize(1);
            assertThat(incidents.get(0).path("incidentType").asText()).isEqualTo(OutboxIncidents.TYPE);
            assertThat(incidents.get(0).path("incidentMessage").asText())
                    .contains("acknowledgement")
                    .contains(reference)
                    .contains("could not be delivered")
                    .doesNotContain("@example.net");
        }
        // a given-up e-mail is not sent again by itself
        metrics.refresh();
        assertThat(meters.get("complaints.emails.outbox.failed").gauge().value())
                .isGreaterThanOrEqualTo(2);
        assertThat(health.healthForPath("mailOutbox").getStatus().getCode()).isEqualTo("FAILED");
        assertThat(sender.sendDue()).isZero();

        // the staff API lists it, without recipients, for complaint managers only
        Reply list = appCall("manager", HttpMethod.GET, "/api/staff/mail-outbox", null);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.body()).contains(viaApi).contains("FAILED").doesNotContain("@example.net");
        assertThat(appCall("handler", HttpMethod.GET, "/api/staff/mail-outbox", null)
                        .status())
                .isEqualTo(403);
        assertThat(appCall(null, HttpMethod.GET, "/api/staff/mail-outbox", null).status())
                .isEqualTo(401);

        // resolving the incident (Cockpit's REST API) sends it once
        String incidentId =
                outbox.find(viaIncident, "acknowledgement").orElseThrow().incidentId();
        Reply resolved = call("demo", PASSWORD, HttpMethod.DELETE, "/incident/" + incidentId, null);
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(204);
        awaitMail(messageId("acknowledgement", viaIncident), processInstanceOf(viaIncident));

        // the staff API retries the other one once; a second retry is refused
        long id = outbox.find(viaApi, "acknowledgement").orElseThrow().id();
        assertThat(appCall("handler", HttpMethod.POST, "/api/staff/mail-outbox/" + id + "/retry", null)
                        .status())
                .isEqualTo(403);
        Reply retried = appCall("manager", HttpMethod.POST, "/api/staff/mail-outbox/" + id + "/retry", null);
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.json().path("status").asText()).isEqualTo("PENDING");
        assertThat(get("demo", "/incident?processInstanceId=" + processInstanceOf(viaApi))
                        .json())
                .isEmpty();
        awaitMail(messageId("acknowledgement", viaApi), processInstanceOf(viaApi));
        for (String reference : List.of(viaIncident, viaApi)) {
            await(
                    "recorded " + reference,
                    null,
                    () -> "SENT"
                                    .equals(outbox.find(reference, "acknowledgement")
                                            .orElseThrow()
                                            .status())
                            ? true
                            : null);
            assertThat(deliveries(messageId("acknowledgement", reference))).isEqualTo(1);
            assertThat(complaintRow(reference).get("acknowledged_at")).isNotNull();
        }
        assertThat(appCall("manager", HttpMethod.POST, "/api/staff/mail-outbox/" + id + "/retry", null)
                        .status())
                .isEqualTo(409);
        assertThat(appCall("manager", HttpMethod.POST, "/api/staff/mail-outbox/987654321/retry", null)
                        .status())
                .isEqualTo(404);
        assertThat(sender.sendDue()).isZero();
        for (String reference : List.of(viaIncident, viaApi)) {
            assertThat(deliveries(messageId("acknowledgement", reference))).isEqualTo(1);
        }
    }

    /** Files {@code count} complaints through the public API; their references. */
    private List<String> fileComplaints(String who, int count) {
        List<String> references = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            references.add(fileComplaint(
                            "Complainant " + who + " " + i,
                            who + i + "." + System.nanoTime() + "@example.net",
                            null,
                            "The parcel never arrived, complaint number " + i + ".")
                    .path("reference")
                    .asText());
        }
        return references;
    }

    private void awaitAttempts(List<String> references, int attempts) throws Exception {
        for (String reference : references) {
            await(
                    attempts + " failed attempt(s) for " + reference,
                    null,
                    () -> outbox.find(reference, "acknowledgement")
                            .filter(e -> e.attempts() >= attempts)
                            .orElse(null));
        }
    }

    private static long deliveries(String messageId) {
        long count = 0;
        for (MimeMessage message : MAILBOX.getReceivedMessages()) {
            try {
                if (messageId.equals(message.getMessageID())) {
                    count++;
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return count;
    }
}
