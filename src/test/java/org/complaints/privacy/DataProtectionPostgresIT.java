package org.complaints.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.complaints.PostgresApplicationTestSupport;
import org.complaints.audit.AuditSealer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;

/**
 * Retention and erasure on PostgreSQL: after anonymisation no table of the database holds the complainant's
 * name, e-mail address, phone, complaint text or survey comment (engine tables included), the figures and the
 * survey scores stay, a legal hold keeps its complaint, the audit chain stays verifiable and notices a tampered
 * row, and no log line ever carried the personal data. The subject-access export has the keys H2 gives it.
 */
@ExtendWith(OutputCaptureExtension.class)
class DataProtectionPostgresIT extends PostgresApplicationTestSupport {

    @Autowired
    RetentionJob retention;

    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    @Autowired
    AuditSealer sealer;

    record Person(String name, String email, String phone, String text, String addedText, String surveyComment) {
        static Person unique() {
            String tag = UUID.randomUUID().toString().substring(0, 8);
            return new Person(
                    "Zelda Quixote" + tag,
                    "zelda." + tag + "@example.net",
                    "+31 6 " + tag.hashCode() % 100000 + "77",
                    "The blender " + tag + " exploded in my kitchen",
                    "Photo description " + tag + " kitchen wall",
                    "My sister " + tag + " helped me complain");
        }

        List<String> secrets() {
            return List.of(name, email, phone, text, addedText, surveyComment);
        }
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void personalDataLeavesEveryTableAtRetentionAndOnRequestWhileTheFiguresStay(CapturedOutput output)
            throws Exception {
        Person closed = Person.unique();
        Person held = Person.unique();
        String closedRef = fileAndWithdraw(closed);
        String heldRef = fileAndWithdraw(held);
        Person open = new Person(
                closed.name(),
                closed.email(),
                closed.phone(),
                closed.text() + " again",
                closed.addedText() + " again",
                closed.surveyComment());
        JsonNode openFiled = fileComplaint(open.name(), open.email(), open.phone(), open.text());
        String openRef = openFiled.path("reference").asText();
        String openInstance = processInstanceOf(openRef);
        awaitTask(openRef, "Task_ConfirmAssessment", openInstance);
        // its acknowledgement recorded before the figures are read: otherwise it may go out between the two readings
        await(
                "acknowledgement of " + openRef + " recorded",
                openInstance,
                () -> complaintRow(openRef).get("acknowledged_at"));

        // subject access: everything about the address, engine history included
        Reply export =
                appCall("manager", HttpMethod.GET, "/api/staff/privacy/subject-access?email=" + closed.email(), null);
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        assertThat(export.json().path("complaints")).hasSize(2);
        assertThat(export.body())
                .contains(
                        closed.name(),
                        closed.text(),
                        closed.addedText(),
                        open.text(),
                        "engineHistory",
                        "Task_ConfirmAssessment",
                        closed.surveyComment());
        // the same keys as on H2 (SubjectAccessTest), and not the status page's secret
        SubjectAccessShape.check(export.json());
        assertThat(export.body())
                .doesNotContain((String) complaintRow(closedRef).get("tracking_token"));
        assertThat(appCall("handler", HttpMethod.GET, "/api/staff/privacy/subject-access?email=" + closed.email(), null)
                        .status())
                .isEqualTo(403);
        assertThat(appCall("manager", HttpMethod.GET, "/api/staff/privacy/subject-access?email=nonsense", null)
                        .status())
                .isEqualTo(400);

        // a legal hold keeps one complaint's data
        Reply hold = appCall(
                "manager",
                HttpMethod.PUT,
                "/api/staff/complaints/" + heldRef + "/legal-hold",
                Map.of("held", true, "reason", "Court case 2026/123"));
        assertThat(hold.status()).as(hold.body()).isEqualTo(200);
        assertThat(appCall(
                                "manager",
                                HttpMethod.PUT,
                                "/api/staff/complaints/" + heldRef + "/legal-hold",
                                Map.of("held", true))
                        .status())
                .isEqualTo(400);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String period = "/api/staff/reports/summary?from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
        JsonNode before = appCall("quality", HttpMethod.GET, period, null).json();
        assertThat(before.path("received").asLong()).isGreaterThanOrEqualTo(3);

        // retention: six years and a day after closure (the engine clock is the application's clock); no job is
        // taken meanwhile, or every timer of every complaint in the database would fire during the jump
        var jobs = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
                        engine.getProcessEngineConfiguration())
                .getJobExecutor();
        jobs.shutdown();
        try {
            ClockUtil.setCurrentTime(
                    java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(6 * 366 + 1))));
            assertThat(retention.anonymiseExpired()).isGreaterThanOrEqualTo(1);
        } finally {
            ClockUtil.reset();
            jobs.start();
        }
        assertThat(complaintRow(closedRef).get("anonymised_at")).isNotNull();
        assertThat(complaintRow(heldRef).get("anonymised_at")).isNull();
        assertThat(complaintRow(openRef).get("anonymised_at"))
                .as("still open: not due")
                .isNull();

        // erasure on request: the open complaint too, at once; the held one stays
        Reply erasure = appCall(
                "manager",
                HttpMethod.POST,
                "/api/staff/privacy/erasures",
                Map.of("email", open.email().toUpperCase(), "reason", "Request by e-mail of 2026-11-20"));
        assertThat(erasure.status()).as(erasure.body()).isEqualTo(200);
        // the closed one was anonymised already: its address is no longer on file
        assertThat(erasure.json().path("erased").toString()).contains(openRef).doesNotContain(closedRef);
        Reply heldErasure = appCall(
                "manager",
                HttpMethod.POST,
                "/api/staff/privacy/erasures",
                Map.of("email", held.email(), "reason", "Request by letter"));
        assertThat(heldErasure.json().path("held").toString()).contains(heldRef, "Court case");
        assertThat(appCall(
                                "manager",
                                HttpMethod.POST,
                                "/api/staff/privacy/erasures",
                                Map.of("email", "nobody.ever@example.net", "reason", "Request by letter"))
                        .status())
                .isEqualTo(404);
        assertThat(get("demo", "/process-instance/" + openInstance).status()).isEqualTo(404);
        assertThat(complaintRow(openRef).get("closure_reason")).isEqualTo("ERASED");

        // nothing of the two erased people is left anywhere in the database
        String dump = dumpAllTables();
        for (String secret : concat(closed.secrets(), open.secrets())) {
            assertThat(dump).as("dump contains " + secret).doesNotContain(secret);
            assertThat(dump)
                    .as("dump contains hex of " + secret)
                    .doesNotContain(HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(dump).contains(held.name(), held.text(), held.surveyComment());
        // the survey scores of the anonymised complaint stay for the figures; its link is gone
        Map<String, Object> survey = jdbc.sql("""
                select s.handling_score, s.comment from cmp_survey s join cmp_complaint c on c.id = s.complaint_id
                where c.reference = ?""").param(closedRef).query().singleRow();
        assertThat(survey.get("handling_score")).isEqualTo(4);
        assertThat(survey.get("comment")).isNull();
        assertThat(jdbc.sql("""
                select count(*) from cmp_survey_token t join cmp_complaint c on c.id = t.complaint_id
                where c.reference = ?""").param(closedRef).query(Integer.class).single()).isZero();

        // the figures over the period are the same
        JsonNode after = appCall("quality", HttpMethod.GET, period, null).json();
        for (String figure : List.of(
                "received",
                "closed",
                "byChannel",
                "byCategory",
                "byOutcome",
                "byPriority",
                "acknowledgedInTime",
                "internallyReviewed")) {
            if (!figure.equals("closed")) {
                assertThat(after.path(figure)).as(figure).isEqualTo(before.path(figure));
            }
        }
        assertThat(after.path("closed").asLong())
                .as("the erased open complaint is now closed")
                .isEqualTo(before.path("closed").asLong() + 1);

        // the audit chain is intact after redaction, and notices one tampered row
        sealer.sealNow();
        Reply verified = appCall("quality", HttpMethod.GET, "/api/staff/audit/verification", null);
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(verified.json().path("intact").asBoolean())
                .as(verified.body())
                .isTrue();
        assertThat(verified.json().path("rowsChecked").asLong()).isPositive();
        Map<String, Object> victim = jdbc.sql(
                        "select id, action from cmp_audit where chain_seq is not null order by id "
                                + "fetch first 1 rows only")
                .query()
                .singleRow();
        jdbc.sql("update cmp_audit set action = 'complaint.NOTHING_HAPPENED' where id = ?")
                .param(victim.get("id"))
                .update();
        try {
            JsonNode tampered = appCall("quality", HttpMethod.GET, "/api/staff/audit/verification", null)
                    .json();
            assertThat(tampered.path("intact").asBoolean()).isFalse();
            assertThat(tampered.path("problems").toString()).contains("row " + victim.get("id"));
        } finally {
            jdbc.sql("update cmp_audit set action = ? where id = ?")
                    .params(victim.get("action"), victim.get("id"))
                    .update();
        }
        assertThat(appCall("quality", HttpMethod.GET, "/api/staff/audit/verification", null)
                        .json()
                        .path("intact")
                        .asBoolean())
                .isTrue();

        // no log line of the application carried the personal data of anyone in this test (the test's own SMTP
        // server, standing in for the complainant's mail provider, logs the addresses it receives for)
        String applicationLog = output.getAll()
                .lines()
                .filter(line -> !line.contains("c.icegreen.greenmail"))
                .collect(java.util.stream.Collectors.joining("\n"));
        for (String secret : concat(concat(closed.secrets(), open.secrets()), held.secrets())) {
            assertThat(applicationLog).as("log contains " + secret).doesNotContain(secret);
        }
    }

    private String fileAndWithdraw(Person person) throws Exception {
        JsonNode filed = fileComplaint(person.name(), person.email(), person.phone(), person.text());
        String reference = filed.path("reference").asText();
        String token = filed.path("trackingToken").asText();
        String instance = processInstanceOf(reference);
        complete("handler", awaitTask(reference, "Task_ConfirmAssessment", instance), inScopeAssessment());
        awaitTask(reference, "Task_InvestigateComplaint", instance);
        Reply added = publicCall(
                HttpMethod.POST,
                "/api/complaints/" + reference + "/messages?token=" + token,
                Map.of("text", person.addedText()));
        assertThat(added.status()).as(added.body()).isIn(200, 201, 202);
        Reply withdrawn = publicCall(
                HttpMethod.POST,
                "/api/complaints/" + reference + "/withdrawal?token=" + token,
                Map.of("reason", "Solved it myself, " + person.name()));
        assertThat(withdrawn.status()).as(withdrawn.body()).isIn(200, 202);
        await("closure of " + reference, instance, () -> complaintRow(reference).get("closed_at"));
        // the satisfaction survey after closure, answered with a comment that is personal data too
        String survey = text(awaitMail(messageId("survey-invitation", reference), instance));
        java.util.regex.Matcher link =
                java.util.regex.Pattern.compile("/survey/([A-Za-z0-9_-]{43})").matcher(survey);
        assertThat(link.find()).as(survey).isTrue();
        Reply answered = publicCall(
                HttpMethod.POST,
                "/api/surveys/" + link.group(1),
                Map.of("handlingScore", 4, "outcomeScore", 3, "easeScore", 5, "comment", person.surveyComment()));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        return reference;
    }

    /** Every row of every table of the database, as PostgreSQL prints it (bytea as hex). */
    private String dumpAllTables() {
        List<String> tables = jdbc.sql("""
                select table_schema || '.' || table_name from information_schema.tables
                where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')""").query(String.class).list();
        assertThat(tables).anyMatch(t -> t.endsWith("act_hi_varinst")).anyMatch(t -> t.endsWith("cmp_audit"));
        StringBuilder dump = new StringBuilder();
        for (String table : tables) {
            for (String row : jdbc.sql("select t::text from " + table + " t")
                    .query(String.class)
                    .list()) {
                dump.append(table).append(": ").append(row).append('\n');
            }
        }
        return dump.toString();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
