package org.complaints.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.complaints.PostgresApplicationTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * The attacks an ordinary staff account made on the engine's APIs, replayed through HTTP on PostgreSQL as the role
 * that tried them: expressions in queries (whatever the body's size or transfer), variables that steer another
 * complaint, and start requests that copy one.
 */
class ClientCommandRulesPostgresIT extends PostgresApplicationTestSupport {

    /** An expression that would leave a mark in this JVM if the engine evaluated it. */
    private static final String REFLECTION = "${''.getClass().forName('java.lang.System').getMethod('setProperty', "
            + "''.getClass(), ''.getClass()).invoke(null, 'complaints.pwned', 'yes') == null ? 'x' : 'y'}";

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    FilterService filters;

    @AfterEach
    void noMark() {
        assertThat(System.getProperty("complaints.pwned"))
                .as("an expression was evaluated")
                .isNull();
    }

    @Test
    void noQueryCarriesAnExpressionWhateverItsSizeOrTransfer() throws Exception {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("orQueries", List.of(Map.of("assigneeExpression", REFLECTION)));
        // padded past the size a servlet filter would inspect
        query.put("nameLike", "%" + "x".repeat(1_100_000) + "%");
        for (String user : List.of("handler", "intake", "handler2")) {
            Reply padded = post(user, "/task/count", query);
            assertThat(padded.status()).as(user + ": " + shortBody(padded)).isEqualTo(400);
            assertThat(padded.json().path("message").asText()).contains("Expressions are not allowed in queries");
        }
        // the read-only quality manager, with a due date expression
        Reply quality =
                post("quality", "/task", Map.of("orQueries", List.of(Map.of("dueBeforeExpression", REFLECTION))));
        assertThat(quality.status()).as(quality.body()).isEqualTo(400);
        // a top-level expression, in the query string
        Reply inQueryString = get(
                "handler",
                "/task?assigneeExpression=" + java.net.URLEncoder.encode(REFLECTION, StandardCharsets.UTF_8));
        assertThat(inQueryString.status()).as(inQueryString.body()).isEqualTo(400);

        // a chunked body of unknown length
        byte[] body = JSON.writeValueAsBytes(Map.of("orQueries", List.of(Map.of("assigneeExpression", REFLECTION))));
        HttpResponse<String> chunked = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/engine-rest/task/count"))
                                .header("Content-Type", "application/json")
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + java.util.Base64.getEncoder()
                                                        .encodeToString(("handler:" + PASSWORD)
                                                                .getBytes(StandardCharsets.UTF_8)))
                                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(400);

        // the webapps' engine API, with a Tasklist session
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        assertThat(signInToTasklist(browser, cookies, "handler").statusCode()).isEqualTo(200);
        // signing in starts a new session, whose CSRF token comes with the webapp's next answer
        String csrf = browser.send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + port + "/camunda/api/admin/auth/user/default"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .headers()
                .firstValue("X-XSRF-TOKEN")
                .orElseThrow();
        HttpResponse<String> webapp = browser.send(
                HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + port + "/camunda/api/engine/engine/default/task/count"))
                        .header("Content-Type", "application/json")
                        .header("X-XSRF-TOKEN", csrf)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(webapp.statusCode()).as(webapp.body()).isEqualTo(400);

        // a shared filter's count and list, extended by the caller's query
        String filterId = filters.createFilterQuery()
                .filterName("Complaint handlers")
                .singleResult()
                .getId();
        for (String operation : List.of("count", "list")) {
            Reply extended = post(
                    "handler",
                    "/filter/" + filterId + "/" + operation,
                    Map.of("orQueries", List.of(Map.of("assigneeExpression", REFLECTION))));
            assertThat(extended.status()).as(operation + ": " + extended.body()).isEqualTo(400);
        }
        // the filter itself still works
        assertThat(get("handler", "/filter/" + filterId + "/count").status()).isEqualTo(200);
    }

    @Test
    void storedFiltersKeepOnlyTheTasklistQueryFunctions() {
        Reply refused = post(
                "demo",
                "/filter/create",
                Map.of(
                        "resourceType",
                        "Task",
                        "name",
                        "Evil",
                        "query",
                        Map.of("assigneeExpression", "${complaintRegister.get(1).complainantEmail()}")));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("message").asText()).contains("may use only ${currentUser()}");
        Reply nested = post(
                "demo",
                "/filter/create",
                Map.of(
                        "resourceType",
                        "Task",
                        "name",
                        "Evil too",
                        "query",
                        Map.of("orQueries", List.of(Map.of("dueBeforeExpression", REFLECTION)))));
        assertThat(nested.status()).as(nested.body()).isEqualTo(400);
        assertThat(filters.createFilterQuery().filterName("Evil").count()).isZero();

        Reply allowed = post(
                "demo",
                "/filter/create",
                Map.of(
                        "resourceType",
                        "Task",
                        "name",
                        "Due this week",
                        "query",
                        Map.of(
                                "assigneeExpression",
                                "${currentUser()}",
                                "dueBeforeExpression",
                                "${dateTime().plusDays(7)}")));
        assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
        String id = allowed.json().path("id").asText();
        assertThat(get("demo", "/filter/" + id + "/count").status()).isEqualTo(200);
        filters.deleteFilter(id);

        // a filter written into the database some other way is refused when it runs
        Filter smuggled = filters.newTaskFilter("Smuggled");
        smuggled.setQuery(tasks.createTaskQuery().taskAssignee("nobody"));
        filters.saveFilter(smuggled);
        jdbc.sql("update act_ru_filter set query_ = ? where id_ = ?")
                .params("{\"assigneeExpression\":\"" + REFLECTION + "\"}", smuggled.getId())
                .update();
        assertThat(post("demo", "/filter/" + smuggled.getId() + "/count", Map.of())
                        .status())
                .isEqualTo(400);
        filters.deleteFilter(smuggled.getId());
    }

    @Test
    void aTaskTakesOnlyTheFieldsOfItsOwnForm() throws Exception {
        Filed victim = awaitingAssessment("Vera Victim", "vera.victim@example.net", "My order arrived broken twice.");
        String victimReference = victim.reference();
        long victimId = victim.id();

        JsonNode own = fileComplaint("Otto Own", "otto.own@example.net", null, "The delivery was two weeks late.");
        String reference = own.path("reference").asText();
        String instance = processInstanceOf(reference);
        decideUpTo(reference, instance);
        String propose = awaitTask(reference, "Task_ProposeResolution", instance);
        claim(propose, "handler");

        // the proposal pointed at another complaint: refused, and nothing reaches the other complaint
        Map<String, Object> steered = new LinkedHashMap<>(
                variables("outcome", "not-upheld", "decisionReasons", "Injected reasons for another complaint."));
        steered.put("complaintId", Map.of("value", victimId, "type", "Long"));
        Reply refused = post("handler", "/task/" + propose + "/complete", Map.of("variables", steered));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("message").asText())
                .contains("complaintId")
                .contains("takes only the fields of its form");
        assertThat(post("handler", "/task/" + propose + "/submit-form", Map.of("variables", steered))
                        .status())
                .isEqualTo(400);
        assertThat(complaintRow(victimReference).get("stage")).isEqualTo("ASSESSMENT");
        assertThat(jdbc.sql("select count(*) from cmp_decision where complaint_id = ?")
                        .param(victimId)
                        .query(Integer.class)
                        .single())
                .isZero();

        // system variables through the task's variables: re-routing and hiding the next task
        for (String name : List.of("handlingGroup", "complaintId", "proposedBy", "approvalRequired", "reference")) {
            Reply set = call(
                    "handler",
                    PASSWORD,
                    HttpMethod.PUT,
                    "/task/" + propose + "/variables/" + name,
                    Map.of("value", "complaint-intake", "type", "String"));
            assertThat(set.status()).as(name + ": " + set.body()).isEqualTo(400);
            Reply local = call(
                    "handler",
                    PASSWORD,
                    HttpMethod.PUT,
                    "/task/" + propose + "/localVariables/" + name,
                    Map.of("value", "complaint-intake", "type", "String"));
            assertThat(local.status()).as(name + " local: " + local.body()).isEqualTo(400);
        }
        Reply modified = post(
                "handler",
                "/task/" + propose + "/variables",
                Map.of(
                        "modifications",
                        Map.of("handlingGroup", Map.of("value", "complaint-intake", "type", "String"))));
        assertThat(modified.status()).as(modified.body()).isEqualTo(400);
        assertThat(call("handler", PASSWORD, HttpMethod.DELETE, "/task/" + propose + "/variables/handlingGroup", null)
                        .status())
                .isEqualTo(400);
        // a form field as an object that cannot be read back
        Reply object = call(
                "handler",
                PASSWORD,
                HttpMethod.PUT,
                "/task/" + propose + "/variables/remedy",
                Map.of(
                        "value",
                        "{}",
                        "type",
                        "Object",
                        "valueInfo",
                        Map.of(
                                "objectTypeName",
                                "com.example.Missing",
                                "serializationDataFormat",
                                "application/json")));
        assertThat(object.status()).as(object.body()).isEqualTo(400);
        assertThat(runtime.getVariable(instance, "handlingGroup")).isEqualTo("complaint-handlers");

        // the fields of its own form are taken
        complete(
                "handler",
                propose,
                variables(
                        "outcome",
                        "not-upheld",
                        "decisionReasons",
                        "The parcel was delivered on the date we committed to."));
        await(
                "decision of " + reference,
                instance,
                () -> jdbc.sql("select count(*) from cmp_decision d join "
                                                + "cmp_complaint c on c.id = d.complaint_id where c.reference = ?")
                                        .param(reference)
                                        .query(Integer.class)
                                        .single()
                                > 0
                        ? Boolean.TRUE
                        : null);
        assertThat(complaintRow(victimReference).get("stage")).isEqualTo("ASSESSMENT");
    }

    @Test
    void processInstanceVariablesMessagesAndSignalsAreNotForClients() throws Exception {
        Filed filed = awaitingAssessment("Nora Example", "nora.instance@example.net", "The meter reading is wrong.");
        String reference = filed.reference();
        String instance = filed.instance();
        for (String user : List.of("manager", "demo")) {
            Reply json = call(
                    user,
                    PASSWORD,
                    HttpMethod.PUT,
                    "/process-instance/" + instance + "/variables/evil",
                    Map.of(
                            "value",
                            "{}",
                            "type",
                            "Object",
                            "valueInfo",
                            Map.of(
                                    "objectTypeName",
                                    "com.example.Missing",
                                    "serializationDataFormat",
                                    "application/json")));
            assertThat(json.status()).as(user + ": " + json.body()).isEqualTo(403);
            Reply group = call(
                    user,
                    PASSWORD,
                    HttpMethod.PUT,
                    "/process-instance/" + instance + "/variables/handlingGroup",
                    Map.of("value", "complaint-intake", "type", "String"));
            assertThat(group.status()).as(user + ": " + group.body()).isEqualTo(403);
        }
        // the instance's variables still list (Cockpit's tab)
        assertThat(get("manager", "/process-instance/" + instance + "/variables")
                        .status())
                .isEqualTo(200);

        // a complainant's message faked by staff: a withdrawal, and a second start of the same complaint
        Reply withdrawal =
                post("manager", "/message", Map.of("messageName", "ComplainantWithdrew", "businessKey", reference));
        assertThat(withdrawal.status()).as(withdrawal.body()).isEqualTo(403);
        long id = filed.id();
        Reply restart = post(
                "intake",
                "/message",
                Map.of(
                        "messageName",
                        "ComplaintReceived",
                        "businessKey",
                        reference,
                        "processVariables",
                        Map.of("complaintId", Map.of("value", id, "type", "Long"))));
        assertThat(restart.status()).as(restart.body()).isEqualTo(403);
        assertThat(post("demo", "/signal", Map.of("name", "anything")).status()).isEqualTo(403);
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(reference)
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aStartTakesOnlyItsFormAndTheSignedInPersonRegisters() throws Exception {
        JsonNode existing =
                fileComplaint("Ilse Existing", "ilse.existing@example.net", null, "The repair engineer did not come.");
        String reference = existing.path("reference").asText();
        processInstanceOf(reference);
        long id = ((Number) complaintRow(reference).get("id")).longValue();

        // another complaint's id, to read it back and start a second process for it
        Map<String, Object> copy = new LinkedHashMap<>();
        copy.put("variables", Map.of("complaintId", Map.of("value", id, "type", "Long")));
        copy.put("withVariablesInReturn", true);
        Reply copied = post("intake", "/process-definition/key/complaint-handling/start", copy);
        assertThat(copied.status()).as(copied.body()).isEqualTo(400);
        assertThat(copied.body()).doesNotContain("ilse.existing").doesNotContain("repair engineer");
        // a business key of its own
        Reply keyed = post(
                "intake",
                "/process-definition/key/complaint-handling/start",
                Map.of("businessKey", reference, "variables", phoneComplaint("keyed@example.net")));
        assertThat(keyed.status()).as(keyed.body()).isEqualTo(400);
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(reference)
                        .count())
                .isEqualTo(1);
        // someone else as the registering person
        Map<String, Object> spoofed = new LinkedHashMap<>(phoneComplaint("spoofed@example.net"));
        spoofed.putAll(variables("registeredBy", "manager"));
        assertThat(post(
                                "intake",
                                "/process-definition/key/complaint-handling/submit-form",
                                Map.of("variables", spoofed))
                        .status())
                .isEqualTo(400);
        // started at a later step, skipping the registration
        Reply skipping = post(
                "intake",
                "/process-definition/key/complaint-handling/start",
                Map.of(
                        "startInstructions",
                        List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_SendAcknowledgement"))));
        assertThat(skipping.status()).as(skipping.body()).isIn(400, 403);

        // the start form's fields are taken, and the signed-in person is recorded as the one who registered it
        Reply started = post(
                "intake",
                "/process-definition/key/complaint-handling/submit-form",
                Map.of("variables", phoneComplaint("taken.by.phone@example.net")));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String newReference = jdbc.sql("select reference from cmp_complaint where complainant_email = ?")
                .param("taken.by.phone@example.net")
                .query(String.class)
                .single();
        assertThat(complaintRow(newReference).get("received_by")).isEqualTo("intake");
    }

    @Test
    void stepsFindTheirComplaintThroughTheProcessInstanceNotAVariable() throws Exception {
        Filed victim = awaitingAssessment("Wim Victim", "wim.victim@example.net", "My invoice was sent twice.");
        String victimReference = victim.reference();
        long victimId = victim.id();

        JsonNode own = fileComplaint("Ada Own", "ada.own@example.net", null, "The technician broke my window.");
        String reference = own.path("reference").asText();
        String instance = processInstanceOf(reference);
        String assess = awaitTask(reference, "Task_ConfirmAssessment", instance);
        int victimStages = eventCount(victimReference, "STAGE");
        // even a variable changed inside the application does not steer a step to another complaint
        runtime.setVariable(instance, "complaintId", victimId);
        claim(assess, "handler");
        complete("handler", assess, inScopeAssessment());
        awaitTask(reference, "Task_InvestigateComplaint", instance);
        assertThat(complaintRow(reference).get("stage")).isEqualTo("INVESTIGATION");
        assertThat(complaintRow(victimReference).get("stage")).isEqualTo("ASSESSMENT");
        assertThat(eventCount(victimReference, "STAGE")).isEqualTo(victimStages);
        assertThat(complaintRow(victimReference).get("in_scope")).isNull();
        assertThat(complaintRow(reference).get("in_scope")).isEqualTo(true);
    }

    private record Filed(String reference, String instance, long id) {}

    /** A web complaint, filed and waiting in its assessment task. */
    private Filed awaitingAssessment(String name, String email, String description) throws Exception {
        String reference =
                fileComplaint(name, email, null, description).path("reference").asText();
        String instance = processInstanceOf(reference);
        awaitTask(reference, "Task_ConfirmAssessment", instance);
        return new Filed(reference, instance, ((Number) complaintRow(reference).get("id")).longValue());
    }

    private void decideUpTo(String reference, String instance) throws Exception {
        String assess = awaitTask(reference, "Task_ConfirmAssessment", instance);
        claim(assess, "handler");
        complete("handler", assess, inScopeAssessment());
        String investigate = awaitTask(reference, "Task_InvestigateComplaint", instance);
        claim(investigate, "handler");
        complete(
                "handler",
                investigate,
                variables(
                        "findings",
                        "Late by the courier's error.",
                        "rootCause",
                        "process-failure",
                        "systemicIssue",
                        false));
    }

    private static Map<String, Object> phoneComplaint(String email) {
        return variables(
                "channel",
                "phone",
                "complainantName",
                "Pat Phone",
                "complainantEmail",
                email,
                "preferredLanguage",
                "en",
                "productOrService",
                "Home delivery",
                "description",
                "The parcel was left in the rain and the contents are damaged.",
                "severity",
                "medium",
                "impact",
                "individual",
                "category",
                "service",
                "safetyRelevant",
                false);
    }

    private static String shortBody(Reply reply) {
        return reply.body().length() > 300 ? reply.body().substring(0, 300) : reply.body();
    }
}
