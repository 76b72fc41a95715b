package org.complaints.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.complaints.PostgresApplicationTestSupport;
import org.complaints.escalation.DeadlineReminderService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * Access marked later removes access given earlier: a complaint marked confidential, or naming staff, after
 * people already claimed, registered or read it. Each attack is replayed through HTTP as the role that tried it,
 * then every role outside the allowed set is tried on every engine, webapp and staff surface.
 */
class LaterMarkingPostgresIT extends PostgresApplicationTestSupport {

    /** A second manager to mark complaints that name the first; a third handler; a second intake clerk. */
    private static final Map<String, List<String>> EXTRA_STAFF = Map.of(
            "manager2", List.of(StaffGroups.MANAGERS),
            "handler3", List.of(StaffGroups.HANDLERS),
            "intake2", List.of(StaffGroups.INTAKE));

    @Autowired
    DeadlineReminderService reminders;

    @Autowired
    AccessGrants accessGrants;

    @Autowired
    AuthorizationService authorizations;

    @BeforeEach
    void extraStaff() {
        EXTRA_STAFF.forEach((id, groups) -> {
            if (identityService.createUserQuery().userId(id).count() == 0) {
                User user = identityService.newUser(id);
                user.setPassword(PASSWORD);
                user.setFirstName(id);
                user.setLastName("Staff");
                user.setEmail(id + "@staff.example.org");
                identityService.saveUser(user);
            }
            for (String group : groups) {
                if (identityService
                                .createUserQuery()
                                .userId(id)
                                .memberOfGroup(group)
                                .count()
                        == 0) {
                    identityService.createMembership(id, group);
                }
            }
        });
    }

    // ---------------------------------------------------------------- the attacks, as reported

    @Test
    void aFormerAssigneeLosesTheComplaintWhenItIsMarkedConfidential() throws Exception {
        Complaint c = webComplaint("The delivery driver was rude to me at the door.");
        claim(c.task(), "handler");
        assertThat(get("handler", "/task/" + c.task() + "/variables").status()).isEqualTo(200);

        mark("manager", c, true);

        assertThat(get("handler", "/task/" + c.task()).status()).isIn(403, 404);
        assertThat(get("handler", "/task/" + c.task() + "/variables").status()).isIn(403, 404);
        assertThat(get("handler", "/history/task?processInstanceId=" + c.instance())
                        .json())
                .isEmpty();
        assertThat(get("handler", "/history/process-instance?processInstanceId=" + c.instance())
                        .json())
                .isEmpty();
        assertThat(get("handler", "/history/variable-instance?processInstanceId=" + c.instance())
                        .json())
                .isEmpty();
        Reply claimAgain = post("handler", "/task/" + c.task() + "/claim", Map.of("userId", "handler"));
        assertThat(claimAgain.status()).as(claimAgain.body()).isIn(403, 404);
        assertThat(get("handler", "/process-instance?processInstanceIds=" + c.instance())
                        .json())
                .isEmpty();
        Reply complete = post("handler", "/task/" + c.task() + "/complete", Map.of("variables", inScopeAssessment()));
        assertThat(complete.status()).as(complete.body()).isIn(403, 404);
        // the task is untouched and waits for a complaint manager
        JsonNode task = get("manager", "/task/" + c.task()).json();
        assertThat(task.path("assignee").isNull()).as(task.toString()).isTrue();
    }

    @Test
    void aNamedHandlerWhoClaimedEarlierReadsNothingOfIt() throws Exception {
        Complaint c = webComplaint("Hanna at your counter lost my documents.");
        claim(c.task(), "handler");

        mark("manager", c, false, "handler");

        assertThat(get("handler", "/task/" + c.task()).status()).isIn(403, 404);
        assertThat(get("handler", "/task/" + c.task() + "/variables").status()).isIn(403, 404);
        assertThat(get("handler", "/history/task?processInstanceId=" + c.instance())
                        .json())
                .isEmpty();
        assertThat(get("handler", "/history/variable-instance?processInstanceId=" + c.instance())
                        .json())
                .isEmpty();
        assertThat(post("handler", "/task/" + c.task() + "/claim", Map.of("userId", "handler"))
                        .status())
                .isIn(403, 404);
        // the others of the group still work it
        assertThat(ids(get("handler2", "/task?processInstanceId=" + c.instance())))
                .containsExactly(c.task());
    }

    @Test
    void aNamedManagerReadsNoHistoryAndCannotTakeTheirNameOff() throws Exception {
        Complaint c = webComplaint("The complaints manager ignored my three letters.");
        assertThat(get("manager", "/history/process-instance?processInstanceId=" + c.instance())
                        .json())
                .hasSize(1);

        mark("manager2", c, false, "manager");

        for (String path : List.of(
                "/history/process-instance?processInstanceId=",
                "/history/task?processInstanceId=",
                "/history/variable-instance?processInstanceId=",
                "/history/activity-instance?processInstanceId=",
                "/history/detail?processInstanceId=",
                "/process-instance?processInstanceIds=",
                "/variable-instance?processInstanceIdIn=",
                "/task?processInstanceId=")) {
            Reply reply = get("manager", path + c.instance());
            assertThat(reply.status()).as(path + reply.body()).isEqualTo(200);
            assertThat(reply.json()).as(path).isEmpty();
        }
        // a named person neither changes nor reads the marking, not even to take their own name off
        Reply unname = appCall(
                "manager",
                HttpMethod.PUT,
                "/api/staff/complaints/" + c.reference() + "/access",
                Map.of("confidential", false, "namedStaff", List.of()));
        assertThat(unname.status()).as(unname.body()).isEqualTo(403);
        assertThat(unname.json().path("detail").asText()).contains("names you");
        assertThat(appCall("manager", HttpMethod.GET, "/api/staff/complaints/" + c.reference() + "/access", null)
                        .status())
                .isEqualTo(403);
        assertThat(get("manager", "/history/process-instance?processInstanceId=" + c.instance())
                        .json())
                .isEmpty();
        // another complaint manager reads it all and decides
        assertThat(get("manager2", "/history/process-instance?processInstanceId=" + c.instance())
                        .json())
                .hasSize(1);
        assertThat(get("manager2", "/history/variable-instance?processInstanceId=" + c.instance())
                        .json())
                .isNotEmpty();
        Reply other = appCall("manager2", HttpMethod.GET, "/api/staff/complaints/" + c.reference() + "/access", null);
        assertThat(other.json().path("namedStaff")).extracting(JsonNode::asText).containsExactly("manager");
    }

    @Test
    void aNamedManagerAnswersNoRequestAboutTheComplaint() throws Exception {
        String email = "named." + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
        Complaint c = webComplaint("Manager Max refused to give me his name.", email);
        mark("manager2", c, false, "manager");

        Reply export = appCall("manager", HttpMethod.GET, "/api/staff/privacy/subject-access?email=" + email, null);
        assertThat(export.status()).as(export.body()).isEqualTo(403);
        assertThat(export.json().path("detail").asText()).contains("names you");
        Reply erasure = appCall(
                "manager",
                HttpMethod.POST,
                "/api/staff/privacy/erasures",
                Map.of("email", email, "reason", "The complainant asked by phone to delete their data"));
        assertThat(erasure.status()).as(erasure.body()).isEqualTo(403);
        assertThat(complaintRow(c.reference()).get("complainant_email")).isEqualTo(email);
        assertThat(appCall(
                                "manager",
                                HttpMethod.PUT,
                                "/api/staff/complaints/" + c.reference() + "/legal-hold",
                                Map.of("held", true, "reason", "Court case announced by the complainant"))
                        .status())
                .isEqualTo(403);
        assertThat(appCall(
                                "manager",
                                HttpMethod.GET,
                                "/api/staff/complaints/" + c.reference() + "/corrective-actions",
                                null)
                        .status())
                .isEqualTo(403);
        // another complaint manager answers the request
        assertThat(appCall("manager2", HttpMethod.GET, "/api/staff/privacy/subject-access?email=" + email, null)
                        .status())
                .isEqualTo(200);
    }

    /** A database set up by an earlier version: managers held the history of every complaint through the definition. */
    @Test
    void aDatabaseFromBeforeGivesManagersEachComplaintsHistoryInsteadOfTheWholeDefinitions() throws Exception {
        Complaint c = webComplaint("Manager Max lost my file, I am told.");
        mark("manager2", c, false, "manager");
        try {
            Authorization wide = managersWideDefinitionGrant();
            wide.addPermission(ProcessDefinitionPermissions.READ_HISTORY);
            authorizations.saveAuthorization(wide);
            authorizations
                    .createAuthorizationQuery()
                    .groupIdIn(StaffGroups.MANAGERS)
                    .resourceType(Resources.HISTORIC_PROCESS_INSTANCE)
                    .resourceId(c.instance())
                    .list()
                    .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
            // the engine asks the definition first for history: the wide grant outranks the named manager's revoke
            assertThat(get("manager", "/history/process-instance?processInstanceId=" + c.instance())
                            .json())
                    .hasSize(1);
        } finally {
            accessGrants.createGrants();
        }

        assertThat(managersWideDefinitionGrant().isPermissionGranted(ProcessDefinitionPermissions.READ_HISTORY))
                .isFalse();
        assertThat(get("manager", "/history/process-instance?processInstanceId=" + c.instance())
                        .json())
                .isEmpty();
        assertThat(get("manager2", "/history/process-instance?processInstanceId=" + c.instance())
                        .json())
                .hasSize(1);
        assertThat(get("manager2", "/history/task?processInstanceId=" + c.instance())
                        .json())
                .isNotEmpty();
    }

    private Authorization managersWideDefinitionGrant() {
        return authorizations
                .createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(StaffGroups.MANAGERS)
                .resourceType(Resources.PROCESS_DEFINITION)
                .resourceId("*")
                .singleResult();
    }

    @Test
    void intakeReadsOnlyTheComplaintsItsMemberRegistered() throws Exception {
        Complaint web = webComplaint("The web shop charged me twice.");
        for (String user : List.of("intake", "intake2")) {
            assertThat(get(user, "/task?processInstanceId=" + web.instance()).json())
                    .as(user)
                    .isEmpty();
            assertThat(get(user, "/task/" + web.task()).status()).as(user).isIn(403, 404);
            assertThat(get(user, "/variable-instance?processInstanceIdIn=" + web.instance())
                            .json())
                    .as(user)
                    .isEmpty();
            assertThat(get(user, "/history/process-instance?processInstanceId=" + web.instance())
                            .json())
                    .as(user)
                    .isEmpty();
        }

        Complaint phone = registeredBy("intake");
        assertThat(ids(get("intake", "/task?processInstanceId=" + phone.instance())))
                .containsExactly(phone.task());
        assertThat(get(
                                "intake",
                                "/variable-instance?processInstanceIdIn=" + phone.instance()
                                        + "&variableName=reference")
                        .json()
                        .path(0)
                        .path("value")
                        .asText())
                .isEqualTo(phone.reference());
        assertThat(post("intake", "/task/" + phone.task() + "/claim", Map.of("userId", "intake"))
                        .status())
                .isEqualTo(403);
        // a colleague of the same group did not take that call
        assertThat(get("intake2", "/task?processInstanceId=" + phone.instance()).json())
                .isEmpty();
        assertThat(get("intake2", "/variable-instance?processInstanceIdIn=" + phone.instance())
                        .json())
                .isEmpty();
    }

    @Test
    void remindersOfAConfidentialComplaintGoToComplaintManagersItDoesNotName() throws Exception {
        Complaint c = webComplaint("Your manager and a handler covered up my complaint.");
        awaitHandlingGroup(c);
        mark("manager2", c, true, "manager", "handler2");

        reminders.remind(complaintId(c));

        List<String> to = recipients(awaitMail(messageId("deadline-reminder", c.reference()), c.instance()));
        List<String> managers = identityService.createUserQuery().memberOfGroup(StaffGroups.MANAGERS).list().stream()
                .map(User::getEmail)
                .toList();
        assertThat(to)
                .contains("manager2@staff.example.org")
                .doesNotContain("manager@staff.example.org", "handler2@staff.example.org", "handler@staff.example.org");
        assertThat(managers).containsAll(to);
    }

    @Test
    void remindersNeverGoToStaffTheComplaintNames() throws Exception {
        Complaint c = webComplaint("Handler Hanna promised a call back and never called.");
        awaitHandlingGroup(c);
        mark("manager", c, false, "handler");

        reminders.remind(complaintId(c));

        List<String> to = recipients(awaitMail(messageId("deadline-reminder", c.reference()), c.instance()));
        assertThat(to).contains("handler2@staff.example.org").doesNotContain("handler@staff.example.org");
    }

    // ---------------------------------------------------------------- every role, every surface, every moment

    /** Marked confidential, naming a handler and a manager, after intake registered it and a handler claimed it. */
    @Test
    void afterMarkingConfidentialNobodyOutsideTheAllowedSetReadsOrWorksAnything() throws Exception {
        Complaint c = registeredBy("intake");
        claim(c.task(), "handler");
        assertThat(ids(get("intake", "/task?processInstanceId=" + c.instance())))
                .containsExactly(c.task());
        assertThat(ids(get("quality", "/process-instance?processInstanceIds=" + c.instance())))
                .containsExactly(c.instance());

        mark("manager2", c, true, "handler3", "manager");

        assertEveryCellRefused(c, List.of("handler", "handler2", "handler3", "manager", "intake", "quality"));
        assertThat(ids(get("manager2", "/task?processInstanceId=" + c.instance())))
                .containsExactly(c.task());
        assertThat(get("manager2", "/history/task?processInstanceId=" + c.instance())
                        .json())
                .isNotEmpty();
    }

    /**
     * Confidential first, a handler assigned by a manager under it, then a later marking names that handler and a
     * manager.
     */
    @Test
    void afterNamingNobodyOutsideTheAllowedSetReadsOrWorksAnything() throws Exception {
        Complaint c = registeredBy("intake");
        claim(c.task(), "handler");
        mark("manager2", c, true);
        assertThat(post("manager2", "/task/" + c.task() + "/assignee", Map.of("userId", "handler3"))
                        .status())
                .isEqualTo(204);
        assertThat(get("handler3", "/task/" + c.task() + "/variables").status()).isEqualTo(200);
        assertThat(get("manager", "/history/process-instance?processInstanceId=" + c.instance())
                        .json())
                .hasSize(1);

        mark("manager2", c, true, "handler3", "manager");

        assertEveryCellRefused(c, List.of("handler", "handler2", "handler3", "manager", "intake", "quality"));
        assertThat(ids(get("manager2", "/task?processInstanceId=" + c.instance())))
                .containsExactly(c.task());
    }

    private void assertEveryCellRefused(Complaint c, List<String> users) throws Exception {
        List<String> failures = new ArrayList<>();
        for (String user : users) {
            String i = c.instance();
            String t = c.task();
            empty(failures, user, "/task?processInstanceId=" + i);
            refused(failures, user, "GET /task/" + t, get(user, "/task/" + t));
            refused(failures, user, "GET /task/" + t + "/variables", get(user, "/task/" + t + "/variables"));
            empty(failures, user, "/process-instance?processInstanceIds=" + i);
            empty(failures, user, "/variable-instance?processInstanceIdIn=" + i);
            empty(failures, user, "/history/process-instance?processInstanceId=" + i);
            empty(failures, user, "/history/task?processInstanceId=" + i);
            empty(failures, user, "/history/variable-instance?processInstanceId=" + i);
            empty(failures, user, "/history/activity-instance?processInstanceId=" + i);
            empty(failures, user, "/history/detail?processInstanceId=" + i);
            empty(failures, user, "/history/identity-link-log?taskId=" + t);
            empty(failures, user, "/history/user-operation?processInstanceId=" + i);
            refused(
                    failures,
                    user,
                    "POST /task/" + t + "/claim",
                    post(user, "/task/" + t + "/claim", Map.of("userId", user)));
            Webapp webapp = new Webapp(user);
            Reply list = webapp.get("/camunda/api/engine/engine/default/task?processInstanceId=" + i);
            if (!(list.status() == 403 || list.status() == 200 && list.json().isEmpty())) {
                failures.add(user + " webapp task list: " + list.status() + " " + list.body());
            }
            Reply history =
                    webapp.get("/camunda/api/engine/engine/default/history/process-instance?processInstanceId=" + i);
            if (!(history.status() == 403
                    || history.status() == 200 && history.json().isEmpty())) {
                failures.add(user + " webapp history: " + history.status() + " " + history.body());
            }
            refused(failures, user, "webapp task", webapp.get("/camunda/api/engine/engine/default/task/" + t));
            refused(
                    failures,
                    user,
                    "webapp task variables",
                    webapp.get("/camunda/api/engine/engine/default/task/" + t + "/variables"));
            refused(
                    failures,
                    user,
                    "evidence page",
                    appCall(user, HttpMethod.GET, "/staff/complaints/" + c.reference() + "/evidence", null));
        }
        assertThat(failures).as("cells not refused").isEmpty();
    }

    private void empty(List<String> failures, String user, String path) {
        Reply reply = get(user, path);
        if (reply.status() != 200 || !reply.json().isArray() || !reply.json().isEmpty()) {
            failures.add(user + " GET " + path + ": " + reply.status() + " " + reply.body());
        }
    }

    private static void refused(List<String> failures, String user, String what, Reply reply) {
        if (reply.status() != 403 && reply.status() != 404) {
            failures.add(user + " " + what + ": " + reply.status() + " " + reply.body());
        }
    }

    // ---------------------------------------------------------------- helpers

    record Complaint(String reference, String instance, String task) {}

    private Complaint webComplaint(String description) throws Exception {
        return webComplaint(description, "later." + UUID.randomUUID().toString().substring(0, 8) + "@example.net");
    }

    private Complaint webComplaint(String description, String email) throws Exception {
        String reference = fileComplaint("Lena Later", email, null, description)
                .path("reference")
                .asText();
        String instance = processInstanceOf(reference);
        return new Complaint(reference, instance, awaitTask(reference, "Task_ConfirmAssessment", instance));
    }

    /** A phone complaint registered by {@code user} with the staff start form, as in Tasklist. */
    private Complaint registeredBy(String user) throws Exception {
        String email = "phone." + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
        Reply started = post(
                user,
                "/process-definition/key/complaint-handling/submit-form",
                Map.of(
                        "variables",
                        variables(
                                "channel",
                                "phone",
                                "complainantName",
                                "Piet Phone",
                                "complainantEmail",
                                email,
                                "preferredLanguage",
                                "en",
                                "productOrService",
                                "Boiler repair " + email,
                                "description",
                                "The engineer left the boiler leaking and did not come back.",
                                "remedySought",
                                "A working boiler",
                                "severity",
                                "medium",
                                "impact",
                                "individual",
                                "category",
                                "service",
                                "safetyRelevant",
                                false)));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String instance = started.json().path("id").asText();
        String reference = get("demo", "/process-instance/" + instance)
                .json()
                .path("businessKey")
                .asText();
        return new Complaint(reference, instance, awaitTask(reference, "Task_ConfirmAssessment", instance));
    }

    private void mark(String manager, Complaint c, boolean confidential, String... named) {
        Reply marked = appCall(
                manager,
                HttpMethod.PUT,
                "/api/staff/complaints/" + c.reference() + "/access",
                Map.of("confidential", confidential, "namedStaff", List.of(named)));
        assertThat(marked.status()).as(marked.body()).isEqualTo(200);
    }

    private long complaintId(Complaint c) {
        return ((Number) complaintRow(c.reference()).get("id")).longValue();
    }

    private void awaitHandlingGroup(Complaint c) throws Exception {
        await(
                "handling group of " + c.reference(),
                c.instance(),
                () -> complaintRow(c.reference()).get("handling_group"));
    }

    /** A member of staff signed in to Tasklist, calling the webapps' engine API with the session. */
    private final class Webapp {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient browser =
                HttpClient.newBuilder().cookieHandler(cookies).build();

        Webapp(String user) throws Exception {
            HttpResponse<String> login = signInToTasklist(browser, cookies, user);
            assertThat(login.statusCode()).as(user + " login: " + login.body()).isEqualTo(200);
        }

        Reply get(String path) throws Exception {
            HttpResponse<String> response = browser.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .header("Accept", "application/json")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        }
    }
}
