package org.complaints.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.complaints.PostgresApplicationTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * Who may see and do what, through every API, on PostgreSQL with authorization checks on: anonymous callers,
 * a user outside the complaint groups, each staff group, confidential complaints and named staff.
 */
class AccessControlPostgresIT extends PostgresApplicationTestSupport {

    @Autowired
    ProcessEngine engine;

    @BeforeEach
    void outsider() {
        if (identityService.createUserQuery().userId("outsider").count() == 0) {
            User user = identityService.newUser("outsider");
            user.setPassword(PASSWORD);
            user.setFirstName("Otto");
            user.setLastName("Outsider");
            identityService.saveUser(user);
        }
    }

    /**
     * All of a user's groups go into the checks; the engine would first read every grant's group
     * (AuthenticatedGroupsPlugin).
     */
    @Test
    void authorizationChecksTakeTheUsersGroupsAsTheyAre() {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        List<String> groups = configuration
                .getCommandExecutorTxRequired()
                .execute(context -> context.getAuthorizationManager()
                        .filterAuthenticatedGroupIds(
                                List.of(StaffGroups.HANDLERS, "group-without-grants", StaffGroups.HANDLERS)));
        assertThat(groups).containsExactly(StaffGroups.HANDLERS, "group-without-grants");
    }

    @Test
    void anonymousCallersGetNothingButTheEngineList() throws Exception {
        assertThat(call(null, null, HttpMethod.GET, "/engine", null).status()).isEqualTo(200);
        for (String path : List.of(
                "/task",
                "/process-instance",
                "/history/process-instance",
                "/process-definition",
                "/deployment",
                "/user",
                "/authorization",
                "/filter",
                "/history/variable-instance",
                "/incident",
                "/job")) {
            assertThat(call(null, null, HttpMethod.GET, path, null).status())
                    .as(path)
                    .isEqualTo(401);
        }
        assertThat(call(null, null, HttpMethod.POST, "/process-definition/key/complaint-handling/start", Map.of())
                        .status())
                .isEqualTo(401);
        // (a user of its own: failed sign-ins slow the next ones down)
        assertThat(call("outsider", "wrong-password", HttpMethod.GET, "/task", null)
                        .status())
                .isEqualTo(401);
        for (String path : List.of(
                "/api/staff/audit/verification",
                "/api/staff/reports/summary?from=2026-01-01&to=2026-12-31",
                "/api/staff/privacy/subject-access?email=a@b.example",
                "/api/staff/reports/performance?from=2026-01-01&to=2026-12-31",
                "/api/staff/management-reviews")) {
            Reply reply = appCall(null, HttpMethod.GET, path, null);
            assertThat(reply.status()).as(path).isEqualTo(401);
        }
        // a person opening a staff page signed out is sent to the webapps' sign-in, not the browser's Basic prompt
        for (String path : List.of("/staff/reports", "/staff/complaints/CMP-2026-000001/evidence")) {
            HttpResponse<String> page = http(HttpRequest.newBuilder(uri(path)).GET());
            assertThat(page.statusCode()).as(path).isEqualTo(302);
            assertThat(page.headers().firstValue("Location")).as(path).hasValue("/camunda/app/cockpit/default/");
            assertThat(page.headers().firstValue("WWW-Authenticate")).as(path).isEmpty();
        }
        // the webapps' own API answers 401 without a session; their pages are the login screen
        HttpResponse<String> webappApi = http(HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default/task"))
                .GET());
        assertThat(webappApi.statusCode()).isEqualTo(401);
        HttpResponse<String> cockpit = http(
                HttpRequest.newBuilder(uri("/camunda/app/cockpit/default/")).GET());
        assertThat(cockpit.statusCode()).isEqualTo(200);
        assertThat(cockpit.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(cockpit.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(cockpit.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void eachGroupSeesAndDoesExactlyWhatItMay() throws Exception {
        JsonNode filed = fileComplaint(
                "Paula Example",
                "paula.access@example.net",
                null,
                "The parcel never arrived and nobody answers the phone.");
        String reference = filed.path("reference").asText();
        String instance = processInstanceOf(reference);
        String task = awaitTask(reference, "Task_ConfirmAssessment", instance);

        // a user outside the complaint groups sees nothing and may start nothing
        assertThat(get("outsider", "/task").json()).isEmpty();
        assertThat(get("outsider", "/process-instance").json()).isEmpty();
        assertThat(get("outsider", "/history/process-instance").json()).isEmpty();
        assertThat(get("outsider", "/history/variable-instance?processInstanceId=" + instance)
                        .json())
                .isEmpty();
        assertThat(get("outsider", "/process-definition").json()).isEmpty();
        assertThat(post("outsider", "/process-definition/key/complaint-handling/start", Map.of())
                        .status())
                .isIn(403, 404);
        assertThat(appCall("outsider", HttpMethod.GET, "/api/staff/reports/summary?from=2026-01-01&to=2026-12-31", null)
                        .status())
                .isEqualTo(403);

        // handlers: the tasks offered to their group, and those complaints; nothing to delete or administer
        assertThat(ids(get("handler", "/task?processInstanceId=" + instance))).containsExactly(task);
        assertThat(ids(get("handler", "/process-instance?businessKey=" + reference)))
                .containsExactly(instance);
        assertThat(get("handler", "/history/process-instance?processInstanceBusinessKey=" + reference)
                        .json())
                .hasSize(1);
        assertThat(get("handler", "/variable-instance?processInstanceIdIn=" + instance)
                        .json())
                .isNotEmpty();
        assertThat(call("handler", PASSWORD, HttpMethod.DELETE, "/process-instance/" + instance, null)
                        .status())
                .isEqualTo(403);
        assertThat(get("handler", "/authorization").json()).isEmpty();
        assertThat(appCall("handler", HttpMethod.GET, "/api/staff/audit/verification", null)
                        .status())
                .isEqualTo(403);

        // intake staff: nothing of a complaint that came in through the web form; they read only the assessment
        // task of a complaint they registered themselves (LaterMarkingPostgresIT), and work none of its tasks
        assertThat(get("intake", "/task?processInstanceId=" + instance).json()).isEmpty();
        assertThat(get("intake", "/variable-instance?processInstanceIdIn=" + instance)
                        .json())
                .isEmpty();
        assertThat(post("intake", "/task/" + task + "/claim", Map.of("userId", "intake"))
                        .status())
                .isIn(403, 404);

        // quality managers read the complaint and its history and change nothing
        assertThat(ids(get("quality", "/process-instance?businessKey=" + reference)))
                .containsExactly(instance);
        assertThat(get("quality", "/history/activity-instance?processInstanceId=" + instance)
                        .json())
                .isNotEmpty();
        assertThat(get("quality", "/task?processInstanceId=" + instance).json()).isEmpty();
        assertThat(post("quality", "/task/" + task + "/claim", Map.of("userId", "quality"))
                        .status())
                .isIn(403, 404);
        assertThat(call(
                                "quality",
                                PASSWORD,
                                HttpMethod.PUT,
                                "/process-instance/" + instance + "/variables/severity",
                                Map.of("value", "low", "type", "String"))
                        .status())
                .isEqualTo(403);
        assertThat(call("quality", PASSWORD, HttpMethod.DELETE, "/process-instance/" + instance, null)
                        .status())
                .isEqualTo(403);
        assertThat(appCall("quality", HttpMethod.GET, "/api/staff/reports/summary?from=2026-01-01&to=2026-12-31", null)
                        .status())
                .isEqualTo(200);

        // the handler works the task
        claim(task, "handler");
        assertThat(get("handler", "/task/" + task).json().path("assignee").asText())
                .isEqualTo("handler");
    }

    @Test
    void aConfidentialComplaintIsInvisibleToHandlersThroughEveryApi() throws Exception {
        JsonNode filed = fileComplaint(
                "Rosa Example",
                "rosa.confidential@example.net",
                null,
                "Your employee Hanna Handler shouted at me at the counter.");
        String reference = filed.path("reference").asText();
        String instance = processInstanceOf(reference);
        String task = awaitTask(reference, "Task_ConfirmAssessment", instance);
        assertThat(ids(get("handler", "/task?processInstanceId=" + instance))).containsExactly(task);

        // a handler may not decide who sees a complaint
        assertThat(appCall(
                                "handler",
                                HttpMethod.PUT,
                                "/api/staff/complaints/" + reference + "/access",
                                Map.of("confidential", true))
                        .status())
                .isEqualTo(403);
        Reply unknown = appCall(
                "manager",
                HttpMethod.PUT,
                "/api/staff/complaints/" + reference + "/access",
                Map.of("confidential", true, "namedStaff", List.of("nobody-here")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("no staff account");

        Reply marked = appCall(
                "manager",
                HttpMethod.PUT,
                "/api/staff/complaints/" + reference + "/access",
                Map.of("confidential", true, "namedStaff", List.of("handler")));
        assertThat(marked.status()).as(marked.body()).isEqualTo(200);

        for (String user : List.of("handler", "handler2", "quality", "intake", "outsider")) {
            assertThat(get(user, "/task?processInstanceId=" + instance).json())
                    .as(user + " tasks")
                    .isEmpty();
            assertThat(get(user, "/task/" + task).status()).as(user + " task").isIn(403, 404);
            assertThat(get(user, "/task/" + task + "/variables").status())
                    .as(user + " task variables")
                    .isIn(403, 404);
            assertThat(get(user, "/process-instance?businessKey=" + reference).json())
                    .as(user + " instances")
                    .isEmpty();
            assertThat(get(user, "/variable-instance?processInstanceIdIn=" + instance)
                            .json())
                    .as(user + " variables")
                    .isEmpty();
            assertThat(get(user, "/history/process-instance?processInstanceBusinessKey=" + reference)
                            .json())
                    .as(user + " history")
                    .isEmpty();
            assertThat(get(user, "/history/variable-instance?processInstanceId=" + instance)
                            .json())
                    .as(user + " historic variables")
                    .isEmpty();
            assertThat(get(user, "/history/activity-instance?processInstanceId=" + instance)
                            .json())
                    .as(user + " historic activities")
                    .isEmpty();
            assertThat(get(user, "/history/task?processInstanceId=" + instance).json())
                    .as(user + " historic tasks")
                    .isEmpty();
        }
        // its evidence record too: not for quality managers, nor for the staff member it names
        Reply qualityEvidence =
                appCall("quality", HttpMethod.GET, "/staff/complaints/" + reference + "/evidence", null);
        assertThat(qualityEvidence.status()).isEqualTo(403);
        assertThat(qualityEvidence.body()).contains("is confidential");
        assertThat(appCall("manager", HttpMethod.GET, "/staff/complaints/" + reference + "/evidence", null)
                        .status())
                .isEqualTo(200);
        // complaint managers see it and get its tasks
        assertThat(ids(get("manager", "/task?processInstanceId=" + instance + "&candidateGroup=complaint-managers")))
                .containsExactly(task);
        assertThat(get("manager", "/history/variable-instance?processInstanceId=" + instance)
                        .json())
                .isNotEmpty();

        // the named member of staff can never be assigned; the refusal says why
        Reply refused = post("manager", "/task/" + task + "/assignee", Map.of("userId", "handler"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("message").asText()).contains("handler is named in complaint " + reference);

        // a manager assigns another handler, who then sees that complaint (and only through that assignment)
        assertThat(post("manager", "/task/" + task + "/assignee", Map.of("userId", "handler2"))
                        .status())
                .isEqualTo(204);
        assertThat(ids(get("handler2", "/task?processInstanceId=" + instance))).containsExactly(task);
        assertThat(ids(get("handler2", "/process-instance?businessKey=" + reference)))
                .containsExactly(instance);
        assertThat(get("handler", "/task?processInstanceId=" + instance).json()).isEmpty();
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void outsideDemoModeThereAreNoDemoAccountsOrMailbox() {
        // the staff accounts of these tests are created by the test support, as an administrator would
        assertThat(context.getBeanProvider(org.complaints.demo.DemoUsers.class).getIfAvailable())
                .isNull();
        assertThat(publicCall(HttpMethod.GET, "/api/demo/mailbox", null).status())
                .isEqualTo(404);
        assertThat(identityService
                        .createUserQuery()
                        .memberOfGroup(StaffGroups.ADMIN)
                        .list())
                .extracting(org.camunda.bpm.engine.identity.User::getId)
                .contains("itadmin");
        assertThat(call("itadmin", "it-admin-password-2026", HttpMethod.GET, "/authorization/count", null)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void expressionQueriesAndJavaSerializedVariablesAreRefused() throws Exception {
        Reply adhoc =
                get("manager", "/task?assigneeExpression=" + java.net.URLEncoder.encode("${currentUser()}", "UTF-8"));
        assertThat(adhoc.status()).isEqualTo(400);
        assertThat(adhoc.body()).containsIgnoringCase("expression");
        Reply nested = post(
                "manager", "/task", Map.of("orQueries", List.of(Map.of("assigneeExpression", "${currentUser()}"))));
        assertThat(nested.status()).isEqualTo(400);
        assertThat(post("manager", "/task", Map.of("candidateGroupExpression", "${currentUserGroups()}"))
                        .status())
                .isEqualTo(400);

        JsonNode filed =
                fileComplaint("Sam Example", "sam.serialized@example.net", null, "The invoice is wrong twice.");
        String instance = processInstanceOf(filed.path("reference").asText());
        Reply serialized = call(
                "demo",
                PASSWORD,
                HttpMethod.PUT,
                "/process-instance/" + instance + "/variables/evil",
                Map.of(
                        "value",
                        "rO0ABXQABGV2aWw=",
                        "type",
                        "Object",
                        "valueInfo",
                        Map.of(
                                "objectTypeName",
                                "java.lang.String",
                                "serializationDataFormat",
                                "application/x-java-serialized-object")));
        // clients write no process instance variables at all (ClientCommandRulesPostgresIT), serialized or not
        assertThat(serialized.status()).as(serialized.body()).isEqualTo(403);
        assertThat(get("demo", "/process-instance/" + instance + "/variables/evil")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theWebappsNeedTheirCsrfTokenAndKeepTheirCookiesToThemselves() throws Exception {
        java.net.CookieManager cookieJar = new java.net.CookieManager();
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookieJar).build();
        // the webapp hands out its CSRF token with any page; every modifying call must echo it in a header
        HttpResponse<String> login = signInToTasklist(client, cookieJar, "handler");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(login.headers().allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c)
                        .startsWith("JSESSIONID")
                        .containsIgnoringCase("HttpOnly")
                        .containsIgnoringCase("SameSite=Strict"));

        JsonNode filed =
                fileComplaint("Carla Example", "carla.csrf@example.net", null, "The courier damaged my fence.");
        String reference = filed.path("reference").asText();
        String task = awaitTask(reference, "Task_ConfirmAssessment", processInstanceOf(reference));
        // the session works for reading
        HttpResponse<String> read = client.send(
                HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default/task/" + task))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        // but a modifying call without the CSRF header is refused and changes nothing
        String claim = "/camunda/api/engine/engine/default/task/" + task + "/claim";
        HttpResponse<String> withoutToken = client.send(
                HttpRequest.newBuilder(uri(claim))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"handler\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(get("manager", "/task/" + task).json().path("assignee").isNull())
                .isTrue();
    }

    @Test
    void failedSignInsSlowDownButNeverLockTheAccountForGood() throws Exception {
        if (identityService.createUserQuery().userId("guarded").count() == 0) {
            User user = identityService.newUser("guarded");
            user.setPassword(PASSWORD);
            identityService.saveUser(user);
        }
        assertThat(call("guarded", "guess-1", HttpMethod.GET, "/task", null).status())
                .isEqualTo(401);
        // the source that failed waits: further tries, even with the right password, are not checked
        assertThat(call("guarded", "guess-2", HttpMethod.GET, "/task", null).status())
                .isEqualTo(429);
        assertThat(call("guarded", PASSWORD, HttpMethod.GET, "/task", null).status())
                .isEqualTo(429);
        // after the back-off (at most 60 s; here 3 s) it signs in again without an administrator (another
        // source at once: EdgeHardeningPostgresIT)
        await(
                "sign-in after back-off",
                null,
                () -> call("guarded", PASSWORD, HttpMethod.GET, "/task", null).status() == 200 ? Boolean.TRUE : null);
        assertThat(identityService.createUserQuery().userId("guarded").singleResult())
                .isNotNull();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> http(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
