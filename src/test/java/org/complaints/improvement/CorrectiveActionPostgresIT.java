package org.complaints.improvement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.complaints.PostgresApplicationTestSupport;
import org.complaints.register.ComplaintRegister;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Corrective actions (ISO 10002 8.7) as production runs them, on PostgreSQL with authorization checks on: a
 * handler's systemic finding opens (or joins) an action, the staff API shows it both ways to those who may read
 * it and refuses the others, quality managers see no confidential complaint in it, the owner works the
 * implementation task through the REST API, and complaint managers open an action by hand.
 */
class CorrectiveActionPostgresIT extends PostgresApplicationTestSupport {

    private static final String ACTIONS = "/api/staff/corrective-actions";

    @Autowired
    CorrectiveActionOpening opening;

    @Autowired
    CorrectiveActionRegister actions;

    @Autowired
    ComplaintRegister complaints;

    @Autowired
    PlatformTransactionManager transactions;

    /** A complaint about a product of its own, through the public API; its reference. */
    private String fileAbout(String product) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Noor Example");
        body.put("email", "noor." + id + "@example.net");
        body.put("language", "en");
        body.put("productOrService", product);
        body.put("description", "The new tariff was applied to my account without my consent, twice this year.");
        body.put("consent", true);
        Reply reply = publicCall(HttpMethod.POST, "/api/complaints", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().path("reference").asText();
    }

    @Test
    void aSystemicFindingOpensAnActionTheStaffApiShowsBothWaysToThoseWhoMayReadIt() throws Exception {
        String product = "Tariff plan " + UUID.randomUUID();
        String reference = fileAbout(product);
        String instance = processInstanceOf(reference);
        complete(
                "handler",
                awaitTask(reference, "Task_ConfirmAssessment", instance),
                variables(
                        "scopeDecision",
                        "in-scope",
                        "severity",
                        "medium",
                        "impact",
                        "individual",
                        "category",
                        "billing",
                        "safetyRelevant",
                        false,
                        "overrideAssessment",
                        false));
        complete(
                "handler",
                awaitTask(reference, "Task_InvestigateComplaint", instance),
                variables(
                        "findings",
                        "The tariff migration script ignores the opt-out flag for all customers of 2025.",
                        "rootCause",
                        "process-failure",
                        "systemicIssue",
                        true));

        // from the complaint to its action
        Reply ofComplaint =
                appCall("manager", HttpMethod.GET, "/api/staff/complaints/" + reference + "/corrective-actions", null);
        assertThat(ofComplaint.status()).as(ofComplaint.body()).isEqualTo(200);
        assertThat(ofComplaint.json()).hasSize(1);
        String action = ofComplaint.json().get(0).path("reference").asText();
        assertThat(action).matches("CAPA-\\d{4}-\\d{4}");
        assertThat(ofComplaint.json().get(0).path("subject").asText()).isEqualTo("category billing");

        // from the action to its complaints, with its history
        Reply detail = appCall("manager", HttpMethod.GET, ACTIONS + "/" + action, null);
        assertThat(detail.status()).as(detail.body()).isEqualTo(200);
        JsonNode linked = linkOf(detail.json(), reference);
        assertThat(linked.path("linkReason").asText()).isEqualTo("SYSTEMIC_FINDING");
        assertThat(linked.path("category").asText()).isEqualTo("billing");
        assertThat(detail.json().path("history").findValuesAsText("type")).contains("COMPLAINT_LINKED");
        assertThat(appCall("quality", HttpMethod.GET, ACTIONS + "/" + action, null)
                        .status())
                .isEqualTo(200);
        assertThat(appCall("demo", HttpMethod.GET, ACTIONS + "?status=open", null)
                        .json()
                        .findValuesAsText("reference"))
                .contains(action);
        assertThat(appCall("quality", HttpMethod.GET, ACTIONS + "?status=closed", null)
                        .json()
                        .findValuesAsText("reference"))
                .doesNotContain(action);
        Reply badStatus = appCall("manager", HttpMethod.GET, ACTIONS + "?status=sometimes", null);
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.body()).contains("status: choose open or closed");

        // who may not read the register, and what does not exist
        for (String user : List.of("handler", "intake")) {
            Reply refused = appCall(user, HttpMethod.GET, ACTIONS + "/" + action, null);
            assertThat(refused.status()).as(user).isEqualTo(403);
            assertThat(refused.body()).contains("complaint-managers").contains("quality-managers");
            assertThat(appCall(user, HttpMethod.GET, ACTIONS, null).status())
                    .as(user)
                    .isEqualTo(403);
            assertThat(appCall(user, HttpMethod.GET, "/api/staff/complaints/" + reference + "/corrective-actions", null)
                            .status())
                    .as(user)
                    .isEqualTo(403);
        }
        assertThat(appCall(null, HttpMethod.GET, ACTIONS, null).status()).isEqualTo(401);
        Reply unknown = appCall("manager", HttpMethod.GET, ACTIONS + "/CAPA-2099-9999", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("detail").asText())
                .isEqualTo("No corrective action with reference CAPA-2099-9999 is registered.");
        Reply unknownComplaint =
                appCall("quality", HttpMethod.GET, "/api/staff/complaints/CMP-2099-999999/corrective-actions", null);
        assertThat(unknownComplaint.status()).isEqualTo(404);
        assertThat(unknownComplaint.json().path("detail").asText())
                .isEqualTo("No complaint with reference CMP-2099-999999 is registered.");

        // a confidential complaint: quality managers see that one is linked, not which (ISO 10002 4.10)
        assertThat(appCall(
                                "manager",
                                HttpMethod.PUT,
                                "/api/staff/complaints/" + reference + "/access",
                                Map.of("confidential", true))
                        .status())
                .isEqualTo(200);
        Reply hiddenReply = appCall("quality", HttpMethod.GET, ACTIONS + "/" + action, null);
        assertThat(hiddenReply.body()).doesNotContain(reference).contains("[confidential complaint]");
        JsonNode hidden = hiddenReply.json();
        assertThat(hidden.path("complaints").findValues("confidential")).anyMatch(JsonNode::asBoolean);
        assertThat(appCall(
                                "quality",
                                HttpMethod.GET,
                                "/api/staff/complaints/" + reference + "/corrective-actions",
                                null)
                        .status())
                .isEqualTo(404);
        assertThat(linkOf(
                                appCall("manager", HttpMethod.GET, ACTIONS + "/" + action, null)
                                        .json(),
                                reference)
                        .path("confidential")
                        .asBoolean())
                .isTrue();

        // the action's tasks: complaint managers work them, quality managers look, handlers do not see them
        String capaInstance = detail.json().path("processInstanceId").asText();
        String analyse = awaitTask(action, "Task_AnalyseRootCause", capaInstance);
        assertThat(ids(get("quality", "/task?processInstanceBusinessKey=" + action)))
                .containsExactly(analyse);
        assertThat(post("quality", "/task/" + analyse + "/claim", Map.of("userId", "quality"))
                        .status())
                .isIn(403, 404);
        assertThat(get("handler", "/task?processInstanceBusinessKey=" + action).json())
                .isEmpty();
        assertThat(filterNames("manager")).contains("Corrective actions");
        assertThat(filterNames("quality")).contains("Corrective actions");
        assertThat(filterNames("handler")).doesNotContain("Corrective actions");

        claim(analyse, "manager");
        complete(
                "manager",
                analyse,
                variables(
                        "rootCause",
                        "process-failure",
                        "rootCauseAnalysis",
                        "The migration script was tested only on accounts without an opt-out flag."));
        String plan = awaitTask(action, "Task_PlanCorrectiveAction", capaInstance);
        claim(plan, "manager");
        Reply refusedPlan = post(
                "manager",
                "/task/" + plan + "/complete",
                Map.of(
                        "variables",
                        variables(
                                "actionPlan",
                                "Fix the script and re-run it.",
                                "actionOwner",
                                "outsider-" + UUID.randomUUID())));
        assertThat(refusedPlan.status()).isEqualTo(400);
        assertThat(refusedPlan.json().path("message").asText()).contains("actionOwner: there is no staff account");
        complete(
                "manager",
                plan,
                variables(
                        "actionPlan",
                        "Fix the script to honour the opt-out flag, re-run it and refund the customers affected.",
                        "actionOwner",
                        "handler"));

        // the owner, a complaint handler, gets the implementation task and completes it through the REST API
        String implement = awaitTask(action, "Task_ImplementCorrectiveAction", capaInstance);
        assertThat(ids(get("handler", "/task?assignee=handler&processInstanceBusinessKey=" + action)))
                .containsExactly(implement);
        assertThat(get("handler2", "/task?processInstanceBusinessKey=" + action).json())
                .isEmpty();
        complete(
                "handler",
                implement,
                variables(
                        "implementationNotes",
                        "Script fixed and re-run on 3 March; 1,204 customers refunded by bank transfer."));
        JsonNode monitored = await("the action in monitoring", capaInstance, () -> {
            JsonNode now = appCall("manager", HttpMethod.GET, ACTIONS + "/" + action, null)
                    .json();
            return "MONITORING".equals(now.path("status").asText()) ? now : null;
        });
        assertThat(monitored.path("owner").asText()).isEqualTo("handler");
        assertThat(monitored.path("effectivenessCheckDue").asText()).isNotBlank();
    }

    @Test
    void complaintManagersOpenAnActionByHandAndTheNextOneAboutTheSubjectJoinsIt() {
        String product = "Water meter " + UUID.randomUUID();
        String first = fileAbout(product);
        String second = fileAbout(product);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("productOrService", product);
        request.put("complaints", List.of(first));
        request.put("reason", "Quarterly review: the meters read high after the firmware update.");

        assertThat(appCall("quality", HttpMethod.POST, ACTIONS, request).status())
                .isEqualTo(403);
        Reply invalid = appCall(
                "manager",
                HttpMethod.POST,
                ACTIONS,
                Map.of(
                        "category",
                        "billing",
                        "productOrService",
                        product,
                        "complaints",
                        List.of("CMP-2099-999998"),
                        "reason",
                        "short"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body())
                .contains("category: give either a category or a productOrService")
                .contains("no complaint with reference CMP-2099-999998")
                .contains("reason: say in at least 10 characters");

        Reply opened = appCall("manager", HttpMethod.POST, ACTIONS, request);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(opened.json().path("opened").asBoolean()).isTrue();
        assertThat(opened.json().path("trigger").asText()).isEqualTo("MANUAL");
        assertThat(opened.json().path("openedBy").asText()).isEqualTo("manager");
        String action = opened.json().path("reference").asText();

        request.put("complaints", List.of(second));
        Reply joined = appCall("demo", HttpMethod.POST, ACTIONS, request);
        assertThat(joined.status()).as(joined.body()).isEqualTo(200);
        assertThat(joined.json().path("opened").asBoolean()).isFalse();
        assertThat(joined.json().path("reference").asText()).isEqualTo(action);
        assertThat(joined.json().path("complaints").findValuesAsText("reference"))
                .containsExactly(first, second);
        assertThat(appCall("manager", HttpMethod.GET, "/api/staff/complaints/" + second + "/corrective-actions", null)
                        .json()
                        .findValuesAsText("reference"))
                .containsExactly(action);
    }

    /**
     * An opening reads the subject's open action again once it holds the opening lock. That read must not wait
     * for the complaints being linked to the action meanwhile (their links' foreign keys lock the action's row
     * for key share): with a steady stream of them a row lock never got its turn, and every opening queued
     * behind it for over a minute (benchmark, 100,000 open complaints).
     */
    @Test
    void anOpeningLooksForTheOpenActionWithoutWaitingForComplaintsBeingLinkedToIt() throws Exception {
        String product = "Smart plug " + UUID.randomUUID();
        ActionSubject subject = ActionSubject.product(product);
        long first = complaints.getByReference(fileAbout(product)).id();
        long second = complaints.getByReference(fileAbout(product)).id();
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        CorrectiveAction action = transaction
                .execute(tx -> opening.openManually(
                        subject, List.of(first), "Plugs switch themselves off, reported by two shops", "manager"))
                .action();
        int year = Integer.parseInt(action.reference().substring(5, 9));

        CountDownLatch linked = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        CompletableFuture<Void> linking = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(tx -> {
            opening.openOrLink(
                    new CorrectiveActionRegister.NewAction(
                            ActionTrigger.MANUAL,
                            subject,
                            null,
                            product,
                            "Another shop reports the same",
                            null,
                            "demo"),
                    List.of(second),
                    "demo");
            linked.countDown();
            try {
                done.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            assertThat(linked.await(30, TimeUnit.SECONDS)).isTrue();
            Optional<CorrectiveAction> seen = transaction.execute(tx -> {
                // a wait for the linking transaction fails this statement instead of hanging the test
                jdbc.sql("set local lock_timeout = '2s'").update();
                actions.lockForOpening(year);
                return actions.findOpenUnderLock(subject);
            });
            assertThat(seen).hasValueSatisfying(found -> assertThat(found.id()).isEqualTo(action.id()));
        } finally {
            done.countDown();
            linking.get(30, TimeUnit.SECONDS);
        }
        assertThat(actions.get(action.id()).reference()).isEqualTo(action.reference());
        assertThat(jdbc.sql("select complaint_id from cmp_corrective_action_complaint where action_id = ? order by "
                                + "complaint_id")
                        .param(action.id())
                        .query(Long.class)
                        .list())
                .containsExactly(first, second);
    }

    private static JsonNode linkOf(JsonNode action, String complaintReference) {
        for (JsonNode complaint : action.path("complaints")) {
            if (complaintReference.equals(complaint.path("reference").asText())) {
                return complaint;
            }
        }
        throw new AssertionError(complaintReference + " is not linked to "
                + action.path("reference").asText() + ": " + action);
    }

    private List<String> filterNames(String user) {
        return get(user, "/filter").json().findValuesAsText("name");
    }
}
