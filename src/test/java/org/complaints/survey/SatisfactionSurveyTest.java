package org.complaints.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.complaints.closure.ClosureService;
import org.complaints.demo.DemoUsers;
import org.complaints.intake.ComplainantMessages;
import org.complaints.intake.ComplaintSubmission;
import org.complaints.intake.IntakeService;
import org.complaints.privacy.Anonymiser;
import org.complaints.privacy.SubjectAccess;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.ComplaintStage;
import org.complaints.register.EventLog;
import org.complaints.register.NewComplaint;
import org.complaints.security.StaffGroups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The satisfaction survey after closure (ISO 10002 8.3) on the real Spring context, with a real SMTP server and
 * the pages over HTTP: invitation on every kind of closure, sampling, the e-mail in the complainant's language
 * with a working single-use link, refusals of used, expired and foreign links, invalid answers, an SMTP outage,
 * two senders at once, the figures without names, and anonymisation keeping the scores.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SatisfactionSurveyTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Pattern LINK = Pattern.compile("http://localhost:8080/survey/([A-Za-z0-9_-]{43})");
    private static final Map<String, List<String>> GROUPS = Map.of(
            "handler", List.of(StaffGroups.HANDLERS), "manager", List.of(StaffGroups.MANAGERS, StaffGroups.HANDLERS));

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(true);

    @LocalServerPort
    int port;

    @Autowired
    IntakeService intake;

    @Autowired
    ComplainantMessages messages;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    IdentityService identity;

    @Autowired
    ComplaintRegister register;

    @Autowired
    ClosureService closure;

    @Autowired
    EventLog events;

    @Autowired
    SurveySender sender;

    @Autowired
    SurveyAnswers answers;

    @Autowired
    SurveyResults results;

    @Autowired
    SurveyProperties properties;

    @Autowired
    Anonymiser anonymiser;

    @Autowired
    SubjectAccess subjects;

    @Autowired
    MessageSource bundle;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void staff() {
        DemoUsers.seed(identity);
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
        identity.clearAuthentication();
    }

    // ------------------------------------------------------------------ invitation at closure

    @Test
    void everyKindOfClosureInvitesTheComplainantAndNothingIsSentBeforeTheSender() throws Exception {
        Complaint accepted = fileAndAcknowledge("en");
        String acceptedInstance = accepted.processInstanceId();
        complete("handler", acceptedInstance, "Task_ConfirmAssessment", assessment("in-scope", null));
        complete(
                "handler",
                acceptedInstance,
                "Task_InvestigateComplaint",
                Map.of(
                        "findings",
                        "The courier left the parcel at the door; photos show no damage.",
                        "rootCause",
                        "third-party",
                        "systemicIssue",
                        false));
        complete(
                "handler",
                acceptedInstance,
                "Task_ProposeResolution",
                Map.of(
                        "outcome",
                        "not-upheld",
                        "decisionReasons",
                        "The photos taken at delivery show the parcel intact."));
        runDueJobs();
        messages.acceptDecision(accepted.reference(), null);
        runDueJobs();

        Complaint withdrawn = fileAndAcknowledge("tr");
        messages.withdraw(withdrawn.reference(), "Solved with the shop.");
        runDueJobs();

        Complaint outOfScope = fileAndAcknowledge("et");
        complete(
                "handler",
                outOfScope.processInstanceId(),
                "Task_ConfirmAssessment",
                assessment("out-of-scope", "This concerns a product of another company; please contact them."));
        runDueJobs();
        // the out-of-scope closure waits for the open period, in which the complainant may still disagree
        Date openUntil = (Date) runtime.getVariable(outOfScope.processInstanceId(), "scopeOpenUntil");
        ClockUtil.setCurrentTime(new Date(openUntil.getTime() + 60_000));
        for (Job timer : management
                .createJobQuery()
                .processInstanceId(outOfScope.processInstanceId())
                .executable()
                .list()) {
            management.executeJob(timer.getId());
        }

        Map<String, String> reasons = Map.of(
                accepted.reference(),
                "ACCEPTED",
                withdrawn.reference(),
                "WITHDRAWN",
                outOfScope.reference(),
                "OUT_OF_SCOPE");
        for (Complaint complaint : List.of(accepted, withdrawn, outOfScope)) {
            Complaint closed = register.get(complaint.id());
            assertThat(closed.stage()).isEqualTo(ComplaintStage.CLOSED);
            assertThat(closed.closureReason()).isEqualTo(reasons.get(complaint.reference()));
            Map<String, Object> survey = surveyRow(complaint);
            assertThat(survey.get("status")).as(complaint.reference()).isEqualTo("PENDING");
            assertThat(survey.get("language")).isEqualTo(complaint.language());
            assertThat(instant(survey.get("invited_at"))).isEqualTo(closed.closedAt());
            assertThat(survey.get("answered_at")).isNull();
            assertThat(surveyMails(complaint)).as("sent only by the sender").isEmpty();
        }

        sender.sendDue();
        for (Complaint complaint : List.of(accepted, withdrawn, outOfScope)) {
            List<MimeMessage> invitations = surveyMails(complaint);
            assertThat(invitations).hasSize(1);
            Locale locale = Locale.forLanguageTag(complaint.language());
            assertThat(invitations.get(0).getSubject())
                    .isEqualTo(bundle.getMessage(
                            "mail.survey-invitation.subject",
                            new Object[] {complaint.reference(), "Example Organisation"},
                            locale));
            assertThat(surveyRow(complaint).get("status")).isEqualTo("SENT");
            assertThat(eventTypes(complaint)).containsSubsequence("CLOSED", "MAIL_SENT", "SURVEY_SENT");
        }
    }

    @Test
    void theSampleIsTheConfiguredShareAndNeverChangesForAComplaint() {
        List<String> references = new ArrayList<>();
        for (int i = 1; i <= 4000; i++) {
            references.add("CMP-2026-%06d".formatted(i));
        }
        assertThat(references).allMatch(r -> SurveyInvitations.sampled(r, 1.0));
        assertThat(references).noneMatch(r -> SurveyInvitations.sampled(r, 0.0));
        long quarter = references.stream()
                .filter(r -> SurveyInvitations.sampled(r, 0.25))
                .count();
        assertThat(quarter).isBetween(900L, 1100L);
        // the same reference always gets the same answer, and a larger share keeps everyone a smaller one chose
        for (String reference : references) {
            boolean first = SurveyInvitations.sampled(reference, 0.25);
            assertThat(SurveyInvitations.sampled(reference, 0.25)).isEqualTo(first);
            if (first) {
                assertThat(SurveyInvitations.sampled(reference, 0.5)).isTrue();
            }
        }

        // the bean with other settings, on real closed complaints
        Complaint none = closedDirectly("en", null, "WITHDRAWN");
        Complaint all = closedDirectly("en", null, "WITHDRAWN");
        jdbc.sql("delete from cmp_survey where complaint_id in (?, ?)")
                .params(none.id(), all.id())
                .update();
        SurveyInvitations nobody = new SurveyInvitations(jdbc, register, settings(true, 0.0));
        SurveyInvitations everybody = new SurveyInvitations(jdbc, register, settings(true, 1.0));
        SurveyInvitations off = new SurveyInvitations(jdbc, register, settings(false, 1.0));
        assertThat(nobody.inviteAfterClosure(none, Instant.now())).isFalse();
        assertThat(off.inviteAfterClosure(none, Instant.now())).isFalse();
        assertThat(surveyCount(none)).isZero();
        assertThat(everybody.inviteAfterClosure(all, Instant.now())).isTrue();
        assertThat(everybody.inviteAfterClosure(all, Instant.now()))
                .as("a repeated closure step")
                .isFalse();
        assertThat(surveyCount(all)).isOne();

        // the application's default share is everybody; an impossible share stops the start
        assertThat(properties.share()).isEqualTo(1.0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> settings(true, 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("complaints.survey.share");
    }

    @Test
    void nobodyToWriteToMeansNoInvitation() {
        Complaint anonymised = closedDirectly("en", null, "WITHDRAWN");
        jdbc.sql("delete from cmp_survey where complaint_id = ?")
                .param(anonymised.id())
                .update();
        anonymiser.anonymise(anonymised.id(), "test", "tester");
        SurveyInvitations everybody = new SurveyInvitations(jdbc, register, settings(true, 1.0));
        assertThat(everybody.inviteAfterClosure(register.get(anonymised.id()), Instant.now()))
                .isFalse();
        assertThat(surveyCount(anonymised)).isZero();

        // anonymised after closure but before the e-mail went out: cancelled, nothing sent
        Complaint erasedEarly = closedDirectly("nl", null, "WITHDRAWN");
        assertThat(surveyRow(erasedEarly).get("status")).isEqualTo("PENDING");
        anonymiser.anonymise(erasedEarly.id(), "erasure request", "tester");
        assertThat(surveyRow(erasedEarly).get("status")).isEqualTo("CANCELLED");
        sender.sendDue();
        assertThat(surveyMails(erasedEarly)).isEmpty();
    }

    @Test
    void theInvitationBelongsToTheClosingTransactionAndWaitsForItsDelay() throws Exception {
        // a closure that rolls back leaves no invitation behind
        int n = SEQUENCE.incrementAndGet();
        Complaint open = register.create(new NewComplaint(
                "web",
                Instant.now(),
                null,
                "Rolf Back" + n,
                "rolled" + n + "." + System.nanoTime() + "@example.net",
                null,
                "en",
                "Rollback product " + n,
                "The parcel arrived three days late and the box was torn open on one side.",
                null,
                null,
                null,
                "medium",
                "individual",
                "delivery",
                false));
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(tx -> {
            closure.close(open.id(), "WITHDRAWN", "tester", null, null);
            assertThat(surveyCount(open)).as("inside the closing transaction").isOne();
            tx.setRollbackOnly();
        });
        assertThat(register.get(open.id()).isClosed()).isFalse();
        assertThat(surveyCount(open)).isZero();

        // with a delay, the invitation is due that long after closure
        Complaint closed = closedDirectly("en", null, "WITHDRAWN");
        jdbc.sql("delete from cmp_survey where complaint_id = ?")
                .param(closed.id())
                .update();
        Instant closedAt = register.get(closed.id()).closedAt();
        SurveyInvitations delayed = new SurveyInvitations(
                jdbc, register, new SurveyProperties(true, 1.0, Duration.ofDays(30), Duration.ofHours(2), "-"));
        assertThat(delayed.inviteAfterClosure(closed, closedAt)).isTrue();
        assertThat(instant(surveyRow(closed).get("next_attempt_at"))).isEqualTo(closedAt.plus(Duration.ofHours(2)));
        sender.sendDue();
        assertThat(surveyMails(closed)).isEmpty();
        ClockUtil.setCurrentTime(Date.from(closedAt.plus(Duration.ofHours(2)).plusSeconds(1)));
        sender.sendDue();
        assertThat(surveyMails(closed)).hasSize(1);
    }

    // ------------------------------------------------------------------ the e-mail and the page

    @Test
    void theInvitationComesInTheComplainantsLanguageAndItsLinkIsAnsweredOnce() throws Exception {
        Complaint complaint = fileAndAcknowledge("nl");
        messages.withdraw(complaint.reference(), "Opgelost met de winkel.");
        runDueJobs();
        assertThat(sender.sendDue()).isGreaterThanOrEqualTo(1);

        MimeMessage invitation = surveyMails(complaint).get(0);
        assertThat(invitation.getMessageID())
                .isEqualTo("<survey-invitation." + complaint.reference() + "@complaints.example.org>");
        assertThat(invitation.getAllRecipients()[0].toString()).isEqualTo(complaint.complainantEmail());
        String body = (String) invitation.getContent();
        assertThat(body)
                .contains("Beste " + complaint.complainantName())
                .contains(complaint.reference())
                .contains("Meedoen is vrijwillig");
        String token = token(invitation);
        // only the hash is kept
        assertThat(jdbc.sql("select count(*) from cmp_survey_token where token_hash = ?")
                        .param(token)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select token_hash from cmp_survey_token where complaint_id = ?")
                        .param(complaint.id())
                        .query(String.class)
                        .single())
                .hasSize(64)
                .isNotEqualTo(token);
        Instant expires = instant(surveyRow(complaint).get("expires_at"));
        assertThat(Duration.between(instant(surveyRow(complaint).get("sent_at")), expires))
                .isEqualTo(Duration.ofDays(30));
        assertThat(body)
                .contains("tot "
                        + java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                                .withLocale(Locale.forLanguageTag("nl"))
                                .withZone(ZoneId.of("Europe/Amsterdam"))
                                .format(expires));

        // the page asks in Dutch, whatever the browser prefers
        Page form = get("/survey/" + token, "en");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body())
                .contains("<html lang=\"nl\"")
                .contains("Hoe tevreden bent u over de manier waarop wij uw klacht hebben behandeld?")
                .contains(complaint.reference())
                .contains("name=\"handlingScore\"")
                .contains("name=\"easeScore\"")
                .contains("maxlength=\"2000\"");
        // ...unless the complainant picks another language
        assertThat(get("/survey/" + token + "?lang=tr", "en").body())
                .contains("<html lang=\"tr\"")
                .contains("Şikâyetinizi ele alış biçimimizden ne kadar memnunsunuz?");

        Page answered = post(
                "/survey/" + token,
                Map.of(
                        "handlingScore",
                        "4",
                        "outcomeScore",
                        "2",
                        "easeScore",
                        "5",
                        "comment",
                        "Vriendelijk, maar het duurde lang.",
                        "lang",
                        "nl"));
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.body()).contains("Dank u wel voor uw antwoorden");
        Map<String, Object> stored = surveyRow(complaint);
        assertThat(stored)
                .containsEntry("handling_score", 4)
                .containsEntry("outcome_score", 2)
                .containsEntry("ease_score", 5)
                .containsEntry("comment", "Vriendelijk, maar het duurde lang.");
        assertThat(stored.get("answered_at")).isNotNull();
        var answeredEvent = events.list(complaint.id()).stream()
                .filter(e -> e.type().equals("SURVEY_ANSWERED"))
                .findFirst()
                .orElseThrow();
        assertThat(answeredEvent.summary())
                .contains("handling 4/5", "outcome 2/5", "ease of complaining 5/5")
                .doesNotContain("Vriendelijk");
        assertThat(answeredEvent.detail()).isNull();
        assertThat(answeredEvent.actor()).isEqualTo("complainant");

        // single use: a second answer is refused and changes nothing, and so is opening the form again
        Page again = post(
                "/survey/" + token,
                Map.of(
                        "handlingScore",
                        "1",
                        "outcomeScore",
                        "1",
                        "easeScore",
                        "1",
                        "comment",
                        "Changed my mind",
                        "lang",
                        "nl"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("U hebt deze enquête al ingevuld").contains("uw eerste antwoorden blijven");
        assertThat(get("/survey/" + token, "en").status()).isEqualTo(409);
        assertThat(surveyRow(complaint)).isEqualTo(stored);
        assertThat(eventTypes(complaint).stream()
                        .filter("SURVEY_ANSWERED"::equals)
                        .count())
                .isOne();
    }

    @Test
    void anExpiredLinkIsRefusedAndTakesNoAnswer() throws Exception {
        Complaint complaint = closedDirectly("en", null, "WITHDRAWN");
        sender.sendDue();
        String token = token(surveyMails(complaint).get(0));
        assertThat(get("/survey/" + token, "en").status()).isEqualTo(200);

        ClockUtil.setCurrentTime(
                Date.from(Instant.now().plus(Duration.ofDays(30)).plusSeconds(60)));
        Page expired = get("/survey/" + token, "en");
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.body()).contains("This survey has closed").contains("no longer works");
        Page late = post("/survey/" + token, Map.of("handlingScore", "3", "outcomeScore", "3", "easeScore", "3"));
        assertThat(late.status()).isEqualTo(410);
        assertThat(surveyRow(complaint).get("answered_at")).isNull();
        assertThat(surveyRow(complaint).get("handling_score")).isNull();
    }

    @Test
    void foreignAndGarbageLinksAreRefusedReadably() throws Exception {
        Complaint complaint = closedDirectly("en", null, "WITHDRAWN");
        sender.sendDue();
        String token = token(surveyMails(complaint).get(0));

        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        List<String> foreign = List.of(
                // the complaint's tracking token: a secret of the same complaint, but not this link
                complaint.trackingToken(),
                // a well-formed token nobody issued
                Base64.getUrlEncoder().withoutPadding().encodeToString(random),
                // the link with one character changed, truncated, or garbage
                (token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1),
                token.substring(0, 42),
                "not-a-token",
                "%27%20or%201%3D1--");
        for (String link : foreign) {
            Page page = get("/survey/" + link, "en");
            assertThat(page.status()).as(link).isEqualTo(404);
            assertThat(page.body()).contains("This survey link is not valid").doesNotContain("Exception");
            assertThat(post("/survey/" + link, Map.of("handlingScore", "5", "outcomeScore", "5", "easeScore", "5"))
                            .status())
                    .as(link)
                    .isEqualTo(404);
        }
        // in the browser's language when the link says nothing about the complainant
        assertThat(get("/survey/not-a-token", "et").body()).contains("See küsitluse link ei kehti");
        assertThat(surveyRow(complaint).get("answered_at")).isNull();

        // the JSON variant answers the same way
        Page api = send(HttpRequest.newBuilder(uri("/api/surveys/" + complaint.trackingToken()))
                .header("Accept-Language", "en")
                .GET());
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.body())
                .contains("urn:complaints:problem:survey-unknown")
                .contains("This survey link is not valid");
    }

    @Test
    void invalidAnswersShowTheFormAgainWithTheProblemAndStoreNothing() throws Exception {
        Complaint complaint = closedDirectly("en", null, "WITHDRAWN");
        sender.sendDue();
        String token = token(surveyMails(complaint).get(0));

        Page missing = post("/survey/" + token, Map.of("handlingScore", "4", "comment", "Kept on the form"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body())
                .contains("There is a problem")
                .contains("The outcome of your complaint: please choose a score from 1 to 5.")
                .contains("How easy it was to complain: please choose a score from 1 to 5.")
                .doesNotContain("How we handled your complaint: please choose")
                // what was given stays on the form
                .contains("Kept on the form")
                .containsPattern("id=\"handlingScore-4\"[^>]*checked");
        Page outOfRange = post("/survey/" + token, Map.of("handlingScore", "7", "outcomeScore", "0", "easeScore", "x"));
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(outOfRange.body()).contains("How we handled your complaint: please choose a score from 1 to 5.");
        Page tooLong = post(
                "/survey/" + token,
                Map.of("handlingScore", "3", "outcomeScore", "3", "easeScore", "3", "comment", "x".repeat(2001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("may have at most 2,000 characters (it has 2,001)");
        assertThat(surveyRow(complaint).get("answered_at"))
                .as("nothing stored, the link still works")
                .isNull();

        // the JSON variant: problem details per field
        Page api = send(HttpRequest.newBuilder(uri("/api/surveys/" + token))
                .header("Content-Type", "application/json")
                .header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString("{\"handlingScore\": 6, \"outcomeScore\": 3}")));
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.body())
                .contains("\"field\":\"handlingScore\"")
                .contains("\"field\":\"easeScore\"")
                .doesNotContain("\"field\":\"outcomeScore\"");
        Page ok = send(HttpRequest.newBuilder(uri("/api/surveys/" + token))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"handlingScore\": 3, \"outcomeScore\": 4, \"easeScore\": 5, \"comment\": \"  \"}")));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(surveyRow(complaint))
                .containsEntry("handling_score", 3)
                .containsEntry("outcome_score", 4)
                .containsEntry("ease_score", 5)
                .containsEntry("comment", null);
        Page twice = send(HttpRequest.newBuilder(uri("/api/surveys/" + token))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"handlingScore\": 1, \"outcomeScore\": 1, \"easeScore\": 1}")));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(surveyRow(complaint)).containsEntry("handling_score", 3);
    }

    // ------------------------------------------------------------------ delivery

    @Test
    void anSmtpOutageLeavesTheInvitationPendingAndItIsDeliveredOnceLater() throws Exception {
        Complaint complaint = closedDirectly("en", null, "WITHDRAWN");
        mail.stop();
        sender.sendDue();
        Map<String, Object> failed = surveyRow(complaint);
        assertThat(failed.get("status")).isEqualTo("PENDING");
        assertThat(failed.get("attempts")).isEqualTo(1);
        assertThat(failed.get("last_failure").toString())
                .contains("could not be delivered")
                .doesNotContain(complaint.complainantEmail());
        Instant next = instant(failed.get("next_attempt_at"));
        assertThat(next).isAfter(Instant.now());
        sender.sendDue();
        assertThat(surveyRow(complaint).get("attempts"))
                .as("not retried before its pause")
                .isEqualTo(1);

        mail.start();
        sender.sendDue();
        assertThat(surveyMails(complaint)).as("still pausing").isEmpty();
        ClockUtil.setCurrentTime(Date.from(next.plusSeconds(1)));
        sender.sendDue();
        sender.sendDue();
        assertThat(surveyMails(complaint)).hasSize(1);
        assertThat(surveyRow(complaint)).containsEntry("status", "SENT").containsEntry("last_failure", null);
        assertThat(jdbc.sql("select count(*) from cmp_mail where complaint_id = ? and dedup_key = 'survey-invitation'")
                        .param(complaint.id())
                        .query(Integer.class)
                        .single())
                .isOne();
        // and its link works
        assertThat(get("/survey/" + token(surveyMails(complaint).get(0)), "en").status())
                .isEqualTo(200);

        assertThat(SurveySender.pause(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(SurveySender.pause(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(SurveySender.pause(30)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void aSenderThatStoppedAfterTheMailWentOutIsCompletedWithoutASecondMail() throws Exception {
        Complaint complaint = closedDirectly("tr", null, "WITHDRAWN");
        sender.sendDue();
        String token = token(surveyMails(complaint).get(0));
        Map<String, Object> sent = surveyRow(complaint);
        // as if the node had stopped between the mail log's commit and its own: the invitation is still pending
        jdbc.sql("update cmp_survey set status = 'PENDING', sent_at = null, expires_at = null where complaint_id = ?")
                .param(complaint.id())
                .update();

        sender.sendDue();
        assertThat(surveyMails(complaint)).as("the mail log knows it went out").hasSize(1);
        Map<String, Object> completed = surveyRow(complaint);
        assertThat(completed.get("status")).isEqualTo("SENT");
        assertThat(completed.get("sent_at")).isNotNull();
        assertThat(completed.get("expires_at")).isEqualTo(sent.get("expires_at"));
        // the link in the mail that went out still works
        assertThat(get("/survey/" + token, "en").status()).isEqualTo(200);
    }

    @Test
    void anInvitationThatCannotBeDeliveredWithinItsValidityIsRecordedAsFailed() {
        Complaint complaint = closedDirectly("en", null, "WITHDRAWN");
        mail.stop();
        Instant start = Instant.now();
        for (int attempt = 0;
                attempt < 300 && "PENDING".equals(surveyRow(complaint).get("status"));
                attempt++) {
            ClockUtil.setCurrentTime(Date.from(
                    instant(surveyRow(complaint).get("next_attempt_at")).plusSeconds(1)));
            sender.sendDue();
        }
        Map<String, Object> row = surveyRow(complaint);
        assertThat(row.get("status")).isEqualTo("FAILED");
        assertThat(ClockUtil.getCurrentTime().toInstant()).isBefore(start.plus(Duration.ofDays(31)));
        assertThat(eventTypes(complaint)).contains("SURVEY_NOT_DELIVERED").doesNotContain("SURVEY_SENT");
        mail.start();
    }

    @Test
    void twoSendersAtOnceSendEachInvitationOnce() throws Exception {
        List<Complaint> closed = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            closed.add(closedDirectly("en", null, "WITHDRAWN"));
        }
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
        int sent = 0;
        for (Future<Integer> run : runs) {
            sent += run.get();
        }
        nodes.shutdown();
        sender.sendDue();
        for (Complaint complaint : closed) {
            assertThat(surveyMails(complaint)).as(complaint.reference()).hasSize(1);
            assertThat(eventTypes(complaint).stream()
                            .filter("SURVEY_SENT"::equals)
                            .count())
                    .isOne();
            assertThat(surveyRow(complaint).get("status")).isEqualTo("SENT");
        }
        assertThat(sent).isGreaterThanOrEqualTo(closed.size());
    }

    // ------------------------------------------------------------------ analysis and data protection

    record Case(String outcome, String reason, Integer handling, Integer outcomeScore, Integer ease) {
        boolean answered() {
            return handling != null;
        }
    }

    @Test
    void theFiguresOfAPeriodAddUpWithoutNames() throws Exception {
        // a day of its own, so no other test's invitations count
        Instant day = Instant.parse("2031-06-10T09:00:00Z");
        ClockUtil.setCurrentTime(Date.from(day));
        List<Case> cases = List.of(
                new Case("upheld", "ACCEPTED", 5, 5, 4),
                new Case("upheld", "ACCEPTED", 4, 5, 5),
                new Case("partly-upheld", "ACCEPTED", 3, 3, 4),
                new Case("not-upheld", "NO_REACTION", 2, 1, 3),
                new Case("not-upheld", "NO_REACTION", null, null, null),
                new Case(null, "WITHDRAWN", 4, 2, 5),
                new Case(null, "OUT_OF_SCOPE", 1, 1, 2),
                new Case(null, "OUT_OF_SCOPE", null, null, null));
        for (Case c : cases) {
            Complaint complaint = closedDirectly("en", c.outcome(), c.reason());
            sender.sendDue();
            if (c.answered()) {
                answers.answer(
                        token(surveyMails(complaint).get(0)),
                        new SurveyAnswers.Answer(
                                c.handling(), c.outcomeScore(), c.ease(), "Comment of " + complaint.reference()));
            }
        }
        // one more, erased before its invitation went out
        Complaint erased = closedDirectly("en", "upheld", "ACCEPTED");
        anonymiser.anonymise(erased.id(), "erasure request", "tester");
        sender.sendDue();

        LocalDate date = LocalDate.of(2031, 6, 10);
        SatisfactionReport report = results.satisfaction(date, date);
        long answered = cases.stream().filter(Case::answered).count();
        assertThat(report.invited()).isEqualTo(cases.size() + 1);
        assertThat(report.sent()).isEqualTo(cases.size());
        assertThat(report.cancelled()).isOne();
        assertThat(report.pending()).isZero();
        assertThat(report.failed()).isZero();
        assertThat(report.answered()).isEqualTo(answered);
        assertThat(report.responseRate()).isCloseTo((double) answered / cases.size(), within(0.0005));
        checkScore(
                report.handling(),
                cases.stream().map(Case::handling).filter(Objects::nonNull).toList());
        checkScore(
                report.outcome(),
                cases.stream().map(Case::outcomeScore).filter(Objects::nonNull).toList());
        checkScore(
                report.ease(),
                cases.stream().map(Case::ease).filter(Objects::nonNull).toList());

        Map<String, List<Case>> byOutcome =
                cases.stream().collect(Collectors.groupingBy(c -> c.outcome() == null ? "(none)" : c.outcome()));
        assertThat(report.byOutcome().keySet())
                .containsExactlyInAnyOrder("upheld", "partly-upheld", "not-upheld", "(none)");
        byOutcome.forEach((outcome, group) ->
                checkGroup(report.byOutcome().get(outcome), group, "upheld".equals(outcome) ? 1 : 0));
        Map<String, List<Case>> byReason = cases.stream().collect(Collectors.groupingBy(Case::reason));
        byReason.forEach((reason, group) ->
                checkGroup(report.byClosureReason().get(reason), group, "ACCEPTED".equals(reason) ? 1 : 0));
        assertThat(report.byClosureReason().keySet()).containsExactlyInAnyOrderElementsOf(byReason.keySet());
        // a day without invitations
        SatisfactionReport empty = results.satisfaction(date.plusDays(1), date.plusDays(1));
        assertThat(empty.invited()).isZero();
        assertThat(empty.responseRate()).isNull();
        assertThat(empty.handling().mean()).isNull();
        assertThat(empty.handling().distribution())
                .containsOnlyKeys(1, 2, 3, 4, 5)
                .allSatisfy((k, v) -> assertThat(v).isZero());

        // over HTTP for the staff: the same numbers, and nothing that names anyone
        String period = "/api/staff/reports/satisfaction?from=2031-06-10&to=2031-06-10";
        Page staffReport = send(HttpRequest.newBuilder(uri(period))
                .header("Authorization", basic("quality"))
                .GET());
        assertThat(staffReport.status()).as(staffReport.body()).isEqualTo(200);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(staffReport.body());
        assertThat(json.path("invited").asLong()).isEqualTo(cases.size() + 1);
        assertThat(json.path("answered").asLong()).isEqualTo(answered);
        assertThat(json.path("handling").path("mean").asDouble())
                .isEqualTo(report.handling().mean());
        assertThat(json.path("handling").path("distribution").path("4").asLong())
                .isEqualTo(2);
        assertThat(json.path("byClosureReason")
                        .path("OUT_OF_SCOPE")
                        .path("answered")
                        .asLong())
                .isOne();
        assertThat(staffReport.body())
                .doesNotContain("CMP-")
                .doesNotContain("@")
                .doesNotContain("Comment of");
        assertThat(send(HttpRequest.newBuilder(uri(period)).GET()).status()).isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(uri(period))
                                .header("Authorization", basic("handler"))
                                .GET())
                        .status())
                .isEqualTo(403);
        Page backwards =
                send(HttpRequest.newBuilder(uri("/api/staff/reports/satisfaction?from=2031-06-10&to=2031-06-01"))
                        .header("Authorization", basic("quality"))
                        .GET());
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("ends before it starts");
        assertThat(send(HttpRequest.newBuilder(uri("/api/staff/reports/satisfaction?from=June"))
                                .header("Authorization", basic("manager"))
                                .GET())
                        .status())
                .isEqualTo(400);
    }

    private static void checkScore(SatisfactionReport.Score score, List<Integer> given) {
        assertThat(score.answers()).isEqualTo(given.size());
        double mean = given.stream().mapToInt(Integer::intValue).average().orElseThrow();
        assertThat(score.mean()).isCloseTo(mean, within(0.005));
        for (int value = 1; value <= 5; value++) {
            int v = value;
            assertThat(score.distribution().get(value))
                    .as("score " + value)
                    .isEqualTo(given.stream().filter(g -> g == v).count());
        }
    }

    private static void checkGroup(SatisfactionReport.Group group, List<Case> cases, int erased) {
        List<Case> answered = cases.stream().filter(Case::answered).toList();
        assertThat(group.invited()).isEqualTo(cases.size() + erased);
        assertThat(group.sent()).isEqualTo(cases.size());
        assertThat(group.answered()).isEqualTo(answered.size());
        if (answered.isEmpty()) {
            assertThat(group.handlingMean()).isNull();
        } else {
            assertThat(group.handlingMean())
                    .isCloseTo(
                            answered.stream().mapToInt(Case::handling).average().orElseThrow(), within(0.005));
            assertThat(group.outcomeMean())
                    .isCloseTo(
                            answered.stream()
                                    .mapToInt(Case::outcomeScore)
                                    .average()
                                    .orElseThrow(),
                            within(0.005));
            assertThat(group.easeMean())
                    .isCloseTo(answered.stream().mapToInt(Case::ease).average().orElseThrow(), within(0.005));
        }
    }

    @Test
    void anonymisationRemovesTheCommentAndTheLinkButKeepsTheScores() throws Exception {
        Complaint complaint = closedDirectly("en", "partly-upheld", "ACCEPTED");
        sender.sendDue();
        String token = token(surveyMails(complaint).get(0));
        answers.answer(token, new SurveyAnswers.Answer(2, 3, 4, "My neighbour Piet saw the courier."));

        // subject access: the complainant sees their answers
        Map<String, Object> export = subjects.export(complaint.complainantEmail());
        assertThat(export.toString())
                .contains("My neighbour Piet saw the courier.")
                .contains("satisfactionSurvey");

        assertThat(anonymiser.anonymise(complaint.id(), "retention period passed", "system"))
                .isTrue();
        Map<String, Object> after = surveyRow(complaint);
        assertThat(after)
                .containsEntry("comment", null)
                .containsEntry("handling_score", 2)
                .containsEntry("outcome_score", 3)
                .containsEntry("ease_score", 4)
                .containsEntry("status", "SENT");
        assertThat(after.get("answered_at")).isNotNull();
        assertThat(jdbc.sql("select count(*) from cmp_survey_token where complaint_id = ?")
                        .param(complaint.id())
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(get("/survey/" + token, "en").status()).isEqualTo(404);
        // and nothing of the comment anywhere in the register's texts
        assertThat(jdbc.sql("select count(*) from cmp_event where detail like '%Piet%' or summary like '%Piet%'")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from cmp_audit where payload like '%Piet%'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    // ------------------------------------------------------------------ helpers

    private Complaint fileAndAcknowledge(String language) {
        int n = SEQUENCE.incrementAndGet();
        Complaint filed = intake.file(new ComplaintSubmission(
                "web",
                null,
                "Sami Survey" + n,
                "survey" + n + "." + System.nanoTime() + "@example.net",
                null,
                language,
                "Survey product " + n,
                "The parcel arrived three days late and the box was torn open on one side.",
                null,
                "An apology",
                null,
                null,
                null,
                null,
                null));
        runDueJobs();
        return register.get(filed.id());
    }

    /** A complaint recorded and closed straight through the register and ClosureService, as the process does. */
    private Complaint closedDirectly(String language, String outcome, String reason) {
        int n = SEQUENCE.incrementAndGet();
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Complaint complaint = register.create(new NewComplaint(
                "web",
                now,
                null,
                "Dana Direct" + n,
                "direct" + n + "." + System.nanoTime() + "@example.net",
                null,
                language,
                "Direct product " + n,
                "The parcel arrived three days late and the box was torn open on one side.",
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
        closure.close(complaint.id(), reason, "tester", null, null);
        return register.get(complaint.id());
    }

    private static SurveyProperties settings(boolean enabled, double share) {
        return new SurveyProperties(enabled, share, Duration.ofDays(30), Duration.ZERO, "-");
    }

    private static Map<String, Object> assessment(String scope, String reason) {
        Map<String, Object> values = new HashMap<>(Map.of(
                "scopeDecision",
                scope,
                "severity",
                "medium",
                "impact",
                "individual",
                "category",
                "delivery",
                "safetyRelevant",
                false,
                "overrideAssessment",
                false));
        if (reason != null) {
            values.put("scopeReason", reason);
        }
        return values;
    }

    private void complete(String user, String instanceId, String taskKey, Map<String, Object> variables) {
        Task task = tasks.createTaskQuery()
                .processInstanceId(instanceId)
                .taskDefinitionKey(taskKey)
                .singleResult();
        assertThat(task).as("open task " + taskKey).isNotNull();
        identity.setAuthentication(user, GROUPS.get(user));
        try {
            tasks.claim(task.getId(), user);
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    private void runDueJobs() {
        for (int round = 0; round < 50; round++) {
            List<Job> due = management.createJobQuery().executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("jobs keep becoming due");
    }

    private Map<String, Object> surveyRow(Complaint complaint) {
        return jdbc
                .sql("select * from cmp_survey where complaint_id = ?")
                .param(complaint.id())
                .query()
                .singleRow()
                .entrySet()
                .stream()
                .collect(
                        LinkedHashMap::new,
                        (m, e) -> m.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue()),
                        Map::putAll);
    }

    private int surveyCount(Complaint complaint) {
        return jdbc.sql("select count(*) from cmp_survey where complaint_id = ?")
                .param(complaint.id())
                .query(Integer.class)
                .single();
    }

    private static Instant instant(Object timestamp) {
        return ((java.time.OffsetDateTime) timestamp).toInstant();
    }

    private List<String> eventTypes(Complaint complaint) {
        return events.list(complaint.id()).stream().map(e -> e.type()).toList();
    }

    private static List<MimeMessage> surveyMails(Complaint complaint) {
        String id = "<survey-invitation." + complaint.reference() + "@complaints.example.org>";
        return Arrays.stream(mail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return id.equals(m.getMessageID());
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static String token(MimeMessage message) throws Exception {
        Matcher link = LINK.matcher((String) message.getContent());
        assertThat(link.find()).as("survey link in the e-mail").isTrue();
        return link.group(1);
    }

    record Page(int status, String body) {}

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private Page get(String path, String acceptLanguage) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Accept-Language", acceptLanguage)
                .GET());
    }

    private Page post(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Page send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Page(response.statusCode(), response.body());
    }

    private static String basic(String user) {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((user + ":" + DemoUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
