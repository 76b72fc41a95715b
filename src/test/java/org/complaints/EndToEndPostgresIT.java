package org.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.ComplaintStage;
import org.complaints.register.NewComplaint;
import org.complaints.security.StaffGroups;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpMethod;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/**
 * The whole lifecycle of a complaint through the running application, as production runs it: the postgres
 * profile on a real PostgreSQL, e-mail through a real SMTP server (GreenMail), the job executor running the
 * asynchronous steps by itself, and people working through the engine's REST API with HTTP Basic.
 *
 * <p>Intake registers a phone complaint, the complainant gets the acknowledgement, a handler assesses,
 * investigates and proposes a resolution (first refused for a missing remedy), the decision goes out, the
 * complainant accepts, the remedy is carried out and the complaint is closed, the complainant answers the
 * satisfaction survey; the register, the mail log and the mailbox then hold exactly what ISO 10002 asks for.
 */
class EndToEndPostgresIT extends PostgresApplicationTestSupport {

    @Autowired
    TaskService taskService;

    @Autowired
    FilterService filterService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    ComplaintRegister register;

    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void engineRestNeedsAStaffMemberSignedInWithHttpBasic() {
        Reply anonymous = call(null, null, HttpMethod.GET, "/task", null);
        assertThat(anonymous.status()).as(anonymous.body()).isEqualTo(401);
        // handler2, not handler: after a failed login the engine delays further logins of that user
        Reply wrongPassword = call("handler2", "not-the-password", HttpMethod.GET, "/task", null);
        assertThat(wrongPassword.status()).as(wrongPassword.body()).isEqualTo(401);
        Reply unknownUser = call("nobody-here", PASSWORD, HttpMethod.GET, "/task", null);
        assertThat(unknownUser.status()).as(unknownUser.body()).isEqualTo(401);
        Reply handler = get("handler", "/task");
        assertThat(handler.status()).as(handler.body()).isEqualTo(200);
        // only the list of engines is public
        Reply engines = call(null, null, HttpMethod.GET, "/engine", null);
        assertThat(engines.status()).as(engines.body()).isEqualTo(200);
        assertThat(engines.json().get(0).path("name").asText()).isEqualTo("default");
        assertThat(call(null, null, HttpMethod.GET, "/engine/default/task", null)
                        .status())
                .isEqualTo(401);
    }

    @LocalManagementPort
    int managementPort;

    @Test
    void operatorsReadHealthAndPrometheusMetricsOnTheManagementPort() throws Exception {
        RestClient management = RestClient.create("http://127.0.0.1:" + managementPort);
        // the application is shared with other test classes: this complaint's acknowledgement is one more
        double acknowledgementsBefore = acknowledgementsSent(
                management.get().uri("/actuator/prometheus").retrieve().body(String.class));
        JsonNode filed = fileComplaint(
                "Metric Example",
                "metrics." + UUID.randomUUID() + "@example.net",
                null,
                "The router you sent was broken on arrival.");
        String reference = filed.path("reference").asText();
        awaitMail(messageId("acknowledgement", reference), processInstanceOf(reference));
        JsonNode health = JSON.readTree(
                management.get().uri("/actuator/health").retrieve().body(String.class));
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").has("db")).isTrue();
        assertThat(health.path("components").has("mail")).isTrue();
        assertThat(health.path("components").has("processEngine")).isTrue();
        assertThat(health.path("components").has("jobExecutor")).isTrue();
        String metrics = await("metrics with the new complaint", null, () -> {
            String text =
                    management.get().uri("/actuator/prometheus").retrieve().body(String.class);
            return text.contains("complaints_emails_sent_total{template=\"acknowledgement\"")
                            && acknowledgementsSent(text) > acknowledgementsBefore
                    ? text
                    : null;
        });
        assertThat(metrics)
                .contains("complaints_received_total")
                .contains("complaints_closed_total")
                .contains("complaints_open{stage=\"assessment\"}")
                .contains("complaints_overdue")
                .contains("complaints_sla_breaches_total{stage=\"response\"}")
                .contains("complaints_incidents_open")
                .contains("complaints_jobs_due");
        // the application's own port does not serve them
        assertThat(publicCall(HttpMethod.GET, "/actuator/prometheus", null).status())
                .isIn(401, 404);
    }

    /** The Prometheus counter of acknowledgements sent (0 before the first). */
    private static double acknowledgementsSent(String prometheus) {
        return prometheus
                .lines()
                .filter(line -> line.startsWith("complaints_emails_sent_total{template=\"acknowledgement\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void qualityManagersRequestAManagementReviewAndReadItsInput() {
        Reply requested = appCall(
                "quality",
                HttpMethod.POST,
                "/api/staff/management-reviews",
                Map.of("from", "2026-01-01", "to", "2026-12-31"));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        String reference = requested.json().path("reference").asText();
        assertThat(reference).matches("MR-\\d{4}-\\d{4}");

        Reply review = appCall("quality", HttpMethod.GET, "/api/staff/management-reviews/" + reference, null);
        assertThat(review.status()).isEqualTo(200);
        assertThat(review.json().path("periodFrom").asText()).isEqualTo("2026-01-01");
        assertThat(review.json()
                        .path("input")
                        .path("performance")
                        .path("objectives")
                        .isArray())
                .isTrue();
        Reply page = appCall("quality", HttpMethod.GET, "/staff/management-reviews/" + reference, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Management review " + reference)
                .contains("Objectives")
                .contains("Satisfaction with complaint handling (8.3)")
                .contains("Corrective actions (8.7)");
        assertThat(review.json()
                        .path("input")
                        .path("performance")
                        .path("satisfaction")
                        .path("invited")
                        .isNumber())
                .isTrue();
        assertThat(review.json()
                        .path("input")
                        .path("performance")
                        .path("correctiveActions")
                        .path("open")
                        .isArray())
                .isTrue();
        // the review task waits in the quality managers' Tasklist filter
        JsonNode tasks =
                get("quality", "/task?processInstanceBusinessKey=" + reference).json();
        assertThat(tasks.path(0).path("taskDefinitionKey").asText()).isEqualTo("Task_HoldManagementReview");

        assertThat(appCall("handler", HttpMethod.POST, "/api/staff/management-reviews", Map.of())
                        .status())
                .isEqualTo(403);
        Reply backwards = appCall(
                "quality",
                HttpMethod.POST,
                "/api/staff/management-reviews",
                Map.of("from", "2026-12-31", "to", "2026-01-01"));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("ends before it starts");
        assertThat(appCall("quality", HttpMethod.POST, "/api/staff/management-reviews", Map.of("from", "2026-01-01"))
                        .body())
                .contains("give both dates");
        assertThat(appCall("quality", HttpMethod.GET, "/api/staff/management-reviews/MR-1999-0001", null)
                        .status())
                .isEqualTo(404);
    }

    /** The indexes the engine's schema lacks for many open complaints (operations/EngineIndexes). */
    @Test
    void theEngineTablesHaveTheIndexesForManyOpenComplaints() {
        assertThat(jdbc.sql("select indexdef from pg_indexes where indexname in ('cmp_act_ru_job_duedate', "
                                + "'cmp_act_ru_task_parent') order by indexname")
                        .query(String.class)
                        .list())
                .satisfiesExactly(
                        job -> assertThat(job)
                                .containsIgnoringCase("act_ru_job")
                                .containsIgnoringCase("duedate_"),
                        task -> assertThat(task)
                                .containsIgnoringCase("act_ru_task")
                                .containsIgnoringCase("parent_task_id_"));
    }

    /** The production profile has the driver send the engine's batched inserts as multi-row inserts. */
    @Test
    void batchedInsertsGoAsMultiRowInserts() throws Exception {
        try (java.sql.Connection connection = dataSource.getConnection()) {
            assertThat(connection
                            .unwrap(org.postgresql.core.BaseConnection.class)
                            .getQueryExecutor()
                            .isReWriteBatchedInsertsEnabled())
                    .isTrue();
        }
    }

    /**
     * The register reads a new complaint back from its insert (PostgreSQL's returning clause), as it reads it later.
     */
    @Test
    void aNewComplaintComesBackFromItsInsertAsTheRegisterReadsIt() {
        Complaint created = new TransactionTemplate(transactionManager)
                .execute(tx -> register.create(new NewComplaint(
                        "letter",
                        Instant.parse("2026-03-02T09:30:00.123456Z"),
                        "intake",
                        "Bo",
                        "bo@example.org",
                        null,
                        "nl",
                        "Refund",
                        "Geld niet terug.",
                        LocalDate.of(2026, 2, 27),
                        null,
                        null,
                        "high",
                        "group",
                        "billing",
                        true)));
        assertThat(created).isEqualTo(register.get(created.id()));
        assertThat(created.receivedAt()).isEqualTo(Instant.parse("2026-03-02T09:30:00.123456Z"));
        assertThat(created.stage()).isEqualTo(ComplaintStage.RECEIVED);
        assertThat(created.reviewRound()).isZero();
        assertThat(created.trackingToken()).hasSize(43);
    }

    /**
     * A staff member's task queries look each task's grants up by index rather than comparing every task with all of
     * the group's grants, run without parallel workers and are planned for their parameters
     * (operations/TaskQueryPlanning), and so does the query for the variables a Tasklist page shows: only in those
     * commands, only for their transaction.
     */
    @Test
    void aStaffMembersTaskQueriesArePlannedForThemselves() {
        String planned = "enable_material off, max_parallel_workers_per_gather 0, plan_cache_mode force_custom_plan";
        String defaults = "enable_material on, max_parallel_workers_per_gather 2, plan_cache_mode auto";
        String filter = filterService
                .createFilterQuery()
                .filterName("Complaint handlers")
                .singleResult()
                .getId();
        identityService.setAuthentication("handler", List.of(StaffGroups.HANDLERS));
        try {
            assertThat(planningAfter(
                            () -> runtimeService.createProcessInstanceQuery().count()))
                    .as("another query")
                    .isEqualTo(defaults);
            assertThat(planningAfter(() -> taskService
                            .createTaskQuery()
                            .taskCandidateGroup(StaffGroups.HANDLERS)
                            .listPage(0, 50)))
                    .as("a task query")
                    .isEqualTo(planned);
            assertThat(planningAfter(() -> filterService.listPage(filter, 0, 50)))
                    .as("a Tasklist filter")
                    .isEqualTo(planned);
            assertThat(planningAfter(() -> runtimeService
                            .createVariableInstanceQuery()
                            .variableNameIn("reference", "responseDeadline")
                            .unlimitedList()))
                    .as("the variables Tasklist shows as a page's columns")
                    .isEqualTo(planned);
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(planningAfter(() -> {})).as("after the transaction").isEqualTo(defaults);
        assertThat(planningAfter(() -> taskService.createTaskQuery().count()))
                .as("the engine's own task query, no authorization check")
                .isEqualTo(defaults);
    }

    /**
     * A reading REST request runs its commands in one transaction (RestReadTransaction): one that fails inside the
     * engine still gets the REST API's own readable answer, and the next request is served as usual.
     */
    @Test
    void aReadThatFailsInsideTheEngineIsAnsweredReadably() {
        Reply refused = get("handler", "/task/no-such-task/form");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("message").asText()).contains("Cannot get form for task no-such-task");
        String filter = filterService
                .createFilterQuery()
                .filterName("Complaint handlers")
                .singleResult()
                .getId();
        Reply page = get("handler", "/filter/" + filter + "/list?firstResult=0&maxResults=5");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.json().isArray()).isTrue();
    }

    /** The planner settings TaskQueryPlanning changes, in a transaction, after that work ran in it. */
    private String planningAfter(Runnable work) {
        return new TransactionTemplate(transactionManager).execute(tx -> {
            work.run();
            return "enable_material "
                    + jdbc.sql("show enable_material").query(String.class).single()
                    + ", max_parallel_workers_per_gather "
                    + jdbc.sql("show max_parallel_workers_per_gather")
                            .query(String.class)
                            .single()
                    + ", plan_cache_mode "
                    + jdbc.sql("show plan_cache_mode").query(String.class).single();
        });
    }

    @Test
    void aMessageForAnUnknownReferenceIsRefusedReadably() {
        // complainants' messages arrive through their channels only; through the engine's API nobody sends one
        Reply reply =
                post("intake", "/message", Map.of("messageName", "DecisionAccepted", "businessKey", "CMP-2099-999999"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(403);
        String message = reply.json().path("message").asText();
        assertThat(message).as(reply.body()).contains("messages").contains("through its tasks and the staff API");
        assertThat(jdbc.sql("select count(*) from cmp_complaint where reference = 'CMP-2099-999999'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aComplaintGoesFromIntakeToClosureThroughTheRestApi() throws Exception {
        String email = "jan.de.vries." + UUID.randomUUID().toString().substring(0, 8) + "@example.net";

        // --- intake registers a phone complaint with the start form (ISO 10002 7.2) ---
        Reply started = post(
                "intake",
                "/process-definition/key/complaint-handling/submit-form",
                Map.of(
                        "variables",
                        variables(
                                "channel", "phone",
                                "complainantName", "Jan de Vries",
                                "complainantEmail", email,
                                "complainantPhone", "+31 20 123 4567",
                                "preferredLanguage", "nl",
                                "productOrService", "Thuisbezorging " + email,
                                "description", "Het pakket is in de regen buiten gezet en de inhoud is beschadigd.",
                                "incidentDate", "2026-11-20",
                                "remedySought", "Vervanging van de beschadigde goederen",
                                "severity", "medium",
                                "impact", "individual",
                                "category", "service",
                                "safetyRelevant", false)));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String processInstanceId = started.json().path("id").asText();
        assertThat(processInstanceId).isNotBlank();

        Reply instance = get("quality", "/process-instance/" + processInstanceId);
        assertThat(instance.status()).as(instance.body()).isEqualTo(200);
        String reference = instance.json().path("businessKey").asText();
        assertThat(reference).matches("CMP-\\d{4}-\\d{6}");

        Map<String, Object> registered = complaintRow(reference);
        assertThat(registered.get("received_by"))
                .as("the signed-in REST user registered it")
                .isEqualTo("intake");
        assertThat(registered.get("channel")).isEqualTo("phone");
        assertThat(registered.get("language")).isEqualTo("nl");
        assertThat(registered.get("process_instance_id")).isEqualTo(processInstanceId);

        // --- assessed by the job executor just after the receipt; the acknowledgement reaches the complainant,
        // in Dutch (7.4) ---
        MimeMessage acknowledgement = awaitMail(messageId("acknowledgement", reference), processInstanceId);
        Map<String, Object> assessed = complaintRow(reference);
        // decision table: medium severity, one customer -> normal priority, 15 working days, complaint handlers
        assertThat(assessed.get("priority")).isEqualTo("normal");
        assertThat(assessed.get("response_days")).isEqualTo(15);
        assertThat(assessed.get("handling_group")).isEqualTo("complaint-handlers");
        assertThat(assessed.get("response_deadline")).isNotNull();
        assertThat(recipients(acknowledgement)).containsExactly(email);
        assertThat(acknowledgement.getFrom()).extracting(Address::toString).containsExactly(MAIL_FROM);
        Locale dutch = Locale.forLanguageTag("nl");
        Object[] subjectArguments = {reference, ORGANISATION};
        String dutchSubject = messageSource.getMessage("mail.acknowledgement.subject", subjectArguments, dutch);
        assertThat(acknowledgement.getSubject()).isEqualTo(dutchSubject).contains(reference);
        if (getClass().getResource("/messages_nl.properties") != null) {
            assertThat(acknowledgement.getSubject())
                    .as("Dutch wording, not the English default")
                    .isNotEqualTo(
                            messageSource.getMessage("mail.acknowledgement.subject", subjectArguments, Locale.ENGLISH));
        }
        assertThat(text(acknowledgement)).contains(reference);

        // --- a handler confirms the initial assessment (7.5) ---
        String confirmTask = awaitTask(reference, "Task_ConfirmAssessment", processInstanceId);
        claim(confirmTask, "handler");
        complete(
                "handler",
                confirmTask,
                variables(
                        "scopeDecision", "in-scope",
                        "severity", "medium",
                        "impact", "individual",
                        "category", "service",
                        "safetyRelevant", false,
                        "overrideAssessment", false));

        // --- investigation (7.6) ---
        String investigateTask = awaitTask(reference, "Task_InvestigateComplaint", processInstanceId);
        claim(investigateTask, "handler");
        complete(
                "handler",
                investigateTask,
                variables(
                        "findings", "The courier left the parcel outside the door during heavy rain without ringing.",
                        "rootCause", "process-failure",
                        "systemicIssue", false));

        // --- proposal: first without the remedy an upheld complaint needs, refused with a readable 400 (7.7) ---
        String proposeTask = awaitTask(reference, "Task_ProposeResolution", processInstanceId);
        claim(proposeTask, "handler");
        String reasons = "The courier did not follow our delivery instructions for bad weather; "
                + "the damage to the goods is therefore our responsibility.";
        Reply refused = post(
                "handler",
                "/task/" + proposeTask + "/complete",
                Map.of("variables", variables("outcome", "upheld", "decisionReasons", reasons)));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("message").asText()).as(refused.body()).contains("remedy");
        Reply stillOpen = get("handler", "/task/" + proposeTask);
        assertThat(stillOpen.status())
                .as("the refused task stays open: " + stillOpen.body())
                .isEqualTo(200);
        assertThat(stillOpen.json().path("assignee").asText()).isEqualTo("handler");
        assertThat(eventCount(reference, "PROPOSED"))
                .as("the refused proposal was rolled back")
                .isZero();

        complete(
                "handler",
                proposeTask,
                variables(
                        "outcome",
                        "partly-upheld",
                        "remedy",
                        "We deliver replacement goods free of charge.",
                        "monetaryRemedy",
                        50L,
                        "remedyKind",
                        "compensation",
                        "decisionReasons",
                        reasons));

        // --- normal priority and EUR 50 <= 500: no approval; the decision is e-mailed at once (7.8) ---
        MimeMessage decision = awaitMail(messageId("decision-1", reference), processInstanceId);
        assertThat(recipients(decision)).containsExactly(email);
        assertThat(decision.getSubject()).contains(reference);
        assertThat(text(decision)).contains(reference).contains(reasons).contains("50");
        assertThat(get(
                                "handler",
                                "/task?processInstanceId=" + processInstanceId
                                        + "&taskDefinitionKey=Task_ApproveResolution")
                        .json())
                .as("no approval task")
                .isEmpty();

        // --- the complainant accepts (7.9) ---
        await("the process to wait for the complainant's reaction", processInstanceId, () -> {
            JsonNode subscriptions = get(
                            "demo",
                            "/event-subscription?processInstanceId=" + processInstanceId
                                    + "&eventName=DecisionAccepted")
                    .json();
            return subscriptions.isArray() && subscriptions.size() == 1 ? subscriptions : null;
        });
        // through the complainant's own channel: staff cannot send the complainant's messages through the engine
        assertThat(post("demo", "/message", Map.of("messageName", "DecisionAccepted", "businessKey", reference))
                        .status())
                .isEqualTo(403);
        Reply accepted = appCall(
                null,
                HttpMethod.POST,
                "/api/complaints/" + reference + "/decision-response?token="
                        + complaintRow(reference).get("tracking_token"),
                Map.of("accepted", true));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);

        String remedyTask = awaitTask(reference, "Task_CarryOutRemedy", processInstanceId);
        // carrying out the remedy: its own stage with a committed date, no answer asked for, a second answer refused
        String statusPath = "/api/complaints/" + reference + "?token="
                + complaintRow(reference).get("tracking_token");
        JsonNode remedying = appCall(null, HttpMethod.GET, statusPath, null).json();
        assertThat(remedying.path("stage").asText()).isEqualTo("REMEDY");
        assertThat(remedying.path("awaitingDecisionResponse").asBoolean()).isFalse();
        assertThat(remedying.path("nextCommittedDate").isNull()).isFalse();
        Reply again = appCall(
                null,
                HttpMethod.POST,
                "/api/complaints/" + reference + "/decision-response?token="
                        + complaintRow(reference).get("tracking_token"),
                Map.of("accepted", false));
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().path("type").asText()).isEqualTo("urn:complaints:problem:already-answered");
        assertThat(again.json().path("title").asText()).isEqualTo("Decision already answered");
        claim(remedyTask, "handler");
        complete(
                "handler",
                remedyTask,
                variables(
                        "remedyCarriedOut", "Replacement goods delivered and EUR 50 refunded to the complainant.",
                        "remedyCompletedOn", "2026-11-23"));

        MimeMessage closure = awaitMail(messageId("closure-notice", reference), processInstanceId);
        assertThat(recipients(closure)).containsExactly(email);
        assertThat(text(closure)).contains(reference);
        await("the process instance to complete", processInstanceId, () -> {
            JsonNode history = get("quality", "/history/process-instance/" + processInstanceId)
                    .json();
            return "COMPLETED".equals(history.path("state").asText()) ? history : null;
        });

        // --- after closure: how satisfied is the complainant with the handling? In Dutch, once (8.3) ---
        MimeMessage survey = awaitMail(messageId("survey-invitation", reference), processInstanceId);
        assertThat(recipients(survey)).containsExactly(email);
        assertThat(survey.getSubject())
                .isEqualTo(messageSource.getMessage("mail.survey-invitation.subject", subjectArguments, dutch));
        java.util.regex.Matcher link = java.util.regex.Pattern.compile(
                        java.util.regex.Pattern.quote(PUBLIC_BASE_URL) + "/survey/([A-Za-z0-9_-]{43})")
                .matcher(text(survey));
        assertThat(link.find()).as(text(survey)).isTrue();
        Reply opened = publicCall(HttpMethod.GET, "/api/surveys/" + link.group(1), null);
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        assertThat(opened.json().path("language").asText()).isEqualTo("nl");
        Reply answered = publicCall(
                HttpMethod.POST,
                "/api/surveys/" + link.group(1),
                Map.of("handlingScore", 4, "outcomeScore", 5, "easeScore", 3, "comment", "Snel en duidelijk."));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(publicCall(
                                HttpMethod.POST,
                                "/api/surveys/" + link.group(1),
                                Map.of("handlingScore", 1, "outcomeScore", 1, "easeScore", 1))
                        .status())
                .isEqualTo(409);
        Map<String, Object> surveyed = jdbc.sql("""
                select s.* from cmp_survey s join cmp_complaint c on c.id = s.complaint_id where c.reference = ?""").param(reference).query().singleRow();
        assertThat(surveyed)
                .containsEntry("status", "SENT")
                .containsEntry("language", "nl")
                .containsEntry("handling_score", 4)
                .containsEntry("outcome_score", 5)
                .containsEntry("ease_score", 3)
                .containsEntry("comment", "Snel en duidelijk.");

        // --- the register (7.3, 7.9, 8.1) ---
        Map<String, Object> closed = complaintRow(reference);
        assertThat(closed.get("stage")).isEqualTo("CLOSED");
        assertThat(closed.get("closure_reason")).isEqualTo("ACCEPTED");
        assertThat(closed.get("closed_at")).isNotNull();
        assertThat(closed.get("acknowledged_at")).isNotNull();
        assertThat(closed.get("ack_sla_met")).isEqualTo(true);
        assertThat(closed.get("response_sla_met")).isEqualTo(true);
        assertThat(closed.get("outcome")).isEqualTo("partly-upheld");
        assertThat(closed.get("in_scope")).isEqualTo(true);
        assertThat(closed.get("root_cause")).isEqualTo("process-failure");

        Map<String, Object> firstDecision =
                jdbc.sql("""
                select d.* from cmp_decision d join cmp_complaint c on c.id = d.complaint_id
                where c.reference = ?""").param(reference).query().singleRow();
        assertThat(firstDecision.get("decision_round")).isEqualTo(1);
        assertThat(firstDecision.get("proposed_by")).isEqualTo("handler");
        assertThat(firstDecision.get("approval_required")).isEqualTo(false);
        assertThat(firstDecision.get("communicated_at")).isNotNull();

        List<String> dedupKeys =
                jdbc.sql("""
                select m.dedup_key from cmp_mail m join cmp_complaint c on c.id = m.complaint_id
                where c.reference = ? order by m.id""").param(reference).query(String.class).list();
        // without the production delay (an hour), the survey may go out before the closure notice's own step runs
        assertThat(dedupKeys.subList(0, 2)).containsExactly("acknowledgement", "decision-1");
        assertThat(dedupKeys)
                .containsExactlyInAnyOrder("acknowledgement", "decision-1", "closure-notice", "survey-invitation");
        List<String> loggedMessageIds =
                jdbc.sql("""
                select m.message_id from cmp_mail m join cmp_complaint c on c.id = m.complaint_id
                where c.reference = ? order by m.id""").param(reference).query(String.class).list();
        assertThat(loggedMessageIds)
                .containsExactlyInAnyOrder(
                        messageId("acknowledgement", reference),
                        messageId("decision-1", reference),
                        messageId("closure-notice", reference),
                        messageId("survey-invitation", reference));

        // exactly one message per Message-ID reached the SMTP server, and nothing else for this complainant
        Map<String, Long> received = new LinkedHashMap<>();
        for (MimeMessage message : MAILBOX.getReceivedMessages()) {
            if (recipients(message).contains(email)) {
                received.merge(message.getMessageID(), 1L, Long::sum);
            }
        }
        assertThat(received)
                .containsOnly(
                        Map.entry(messageId("acknowledgement", reference), 1L),
                        Map.entry(messageId("decision-1", reference), 1L),
                        Map.entry(messageId("closure-notice", reference), 1L),
                        Map.entry(messageId("survey-invitation", reference), 1L));

        List<String> events = jdbc.sql("""
                select e.event_type from cmp_event e join cmp_complaint c on c.id = e.complaint_id
                where c.reference = ? order by e.occurred_at, e.id""").param(reference).query(String.class).list();
        assertThat(events)
                .contains(
                        "RECEIVED",
                        "ACKNOWLEDGED",
                        "ASSESSED",
                        "INVESTIGATED",
                        "PROPOSED",
                        "DECIDED",
                        "DECISION_COMMUNICATED",
                        "CLOSED");
        assertThat(events)
                .containsSubsequence(
                        "RECEIVED",
                        "ACKNOWLEDGED",
                        "ASSESSED",
                        "INVESTIGATED",
                        "PROPOSED",
                        "DECIDED",
                        "DECISION_COMMUNICATED",
                        "CLOSED",
                        "SURVEY_SENT",
                        "SURVEY_ANSWERED");
        assertThat(events.stream().filter("PROPOSED"::equals).count()).isEqualTo(1);
        assertThat(events.stream().filter("MAIL_SENT"::equals).count()).isEqualTo(4);
        assertThat(events).doesNotContain("RETURNED", "APPROVED");

        // --- what the auditor and the quality manager read of it (8.3 in the evidence record and the reports) ---
        Reply evidence = appCall("quality", HttpMethod.GET, "/staff/complaints/" + reference + "/evidence", null);
        assertThat(evidence.status()).as(evidence.body()).isEqualTo(200);
        assertThat(evidence.body())
                .contains("Satisfaction survey (8.3)")
                .contains("4 / 5 / 3")
                .contains("Snel en duidelijk.")
                .contains("8.3 Satisfaction");
        String today =
                java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).toString();
        String period = "?from=" + today + "&to=" + today;
        Reply page = appCall("quality", HttpMethod.GET, "/staff/reports" + period, null);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body())
                .contains("Satisfaction with complaint handling (8.3)")
                .contains("Corrective actions (8.7)");
        Reply csv = appCall("quality", HttpMethod.GET, "/api/staff/reports/performance.csv" + period, null);
        assertThat(csv.body())
                .containsPattern("satisfaction,handling,answers,[1-9]")
                .contains("corrective actions,opened,,");
    }
}
