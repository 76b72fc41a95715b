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

    @Autowired DeadlineReminderService reminders;

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
                if (identityService.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
                    identityService.createMembership(id, group);
                }
            }
        });
    }

    // ---------------------------------------------------------------- the attacks, as reported

    @Test
    void intakeReadsOnlyTheComplaintsItsMemberRegistered() throws Exception {
        Complaint web = webComplaint("The web shop charged me twice.");
        for (String user : List.of("intake", "intake2")) {
            assertThat(get(user, "/task?processInstanceId=" + web.instance()).json()).as(user).isEmpty();
            assertThat(get(user, "/task/" + web.task()).status()).as(user).isIn(403, 404);
            assertThat(get(user, "/variable-instance?processInstanceIdIn=" + web.instance()).json()).as(user).isEmpty();
            assertThat(get(user, "/history/process-instance?processInstanceId=" + web.instance()).json()).as(user)
                    .isEmpty();
        }

        Complaint phone = registeredBy("intake");
        assertThat(ids(get("intake", "/task?processInstanceId=" + phone.instance()))).containsExactly(phone.task());
        assertThat(get("intake", "/variable-instance?processInstanceIdIn=" + phone.instance() + "&variableName=reference")
                .json().path(0).path("value").asText()).isEqualTo(phone.reference());
        assertThat(post("intake", "/task/" + phone.task() + "/claim", Map.of("userId", "intake")).status()).isEqualTo(403);
        // a colleague of the same group did not take that call
        assertThat(get("intake2", "/task?processInstanceId=" + phone.instance()).json()).isEmpty();
        assertThat(get("intake2", "/variable-instance?processInstanceIdIn=" + phone.instance()).json()).isEmpty();
    }

    @Test
    void remindersOfAConfidentialComplaintGoToComplaintManagersItDoesNotName() throws Exception {
        Complaint c = webComplaint("Your manager and a handler covered up my complaint.");
        awaitHandlingGroup(c);
        mark("manager2", c, true, "manager", "handler2");

        reminders.remind(complaintId(c));

        List<String> to = recipients(awaitMail(messageId("deadline-reminder", c.reference()), c.instance()));
        List<String> managers = identityService.createUserQuery().memberOfGroup(StaffGroups.MANAGERS).list().stream()
                .map(User::getEmail).toList();
        assertThat(to).contains("manager2@staff.example.org")
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
            refused(failures, user, "POST /task/" + t + "/claim", post(user, "/task/" + t + "/claim", Map.of("userId", user)));
            Webapp webapp = new Webapp(user);
            Reply list = webapp.get("/camunda/api/engine/engine/default/task?processInstanceId=" + i);
            if (!(list.status() == 403 || list.status() == 200 && list.json().isEmpty())) {
                failures.add(user + " webapp task list: " + list.status() + " " + list.body());
            }
            refused(failures, user, "webapp task", webapp.get("/camunda/api/engine/engine/default/task/" + t));
            refused(failures, user, "webapp task variables",
                    webapp.get("/camunda/api/engine/engine/default/task/" + t + "/variables"));
            refused(failures, user, "evidence page",
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

    record Complaint(String reference, String instance, String task) {
    }

    private Complaint webComplaint(String description) throws Exception {
        String email = "later." + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
        String reference = fileComplaint("Lena Later", email, null, description).path("reference").asText();
        String instance = processInstanceOf(reference);
        return new Complaint(reference, instance, awaitTask(reference, "Task_ConfirmAssessment", instance));
    }

    /** A phone complaint registered by {@code user} with the staff start form, as in Tasklist. */
    private Complaint registeredBy(String user) throws Exception {
        String email = "phone." + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
        Reply started = post(user, "/process-definition/key/complaint-handling/submit-form", Map.of("variables",
                variables("channel", "phone", "complainantName", "Piet Phone", "complainantEmail", email,
                        "preferredLanguage", "en", "productOrService", "Boiler repair " + email,
                        "description", "The engineer left the boiler leaking and did not come back.",
                        "remedySought", "A working boiler", "severity", "medium", "impact", "individual",
                        "category", "service", "safetyRelevant", false)));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String instance = started.json().path("id").asText();
        String reference = get("demo", "/process-instance/" + instance).json().path("businessKey").asText();
        return new Complaint(reference, instance, awaitTask(reference, "Task_ConfirmAssessment", instance));
    }

    private void mark(String manager, Complaint c, boolean confidential, String... named) {
        Reply marked = appCall(manager, HttpMethod.PUT, "/api/staff/complaints/" + c.reference() + "/access",
                Map.of("confidential", confidential, "namedStaff", List.of(named)));
        assertThat(marked.status()).as(marked.body()).isEqualTo(200);
    }

    private long complaintId(Complaint c) {
        return ((Number) complaintRow(c.reference()).get("id")).longValue();
    }

    private void awaitHandlingGroup(Complaint c) throws Exception {
        await("handling group of " + c.reference(), c.instance(),
                () -> complaintRow(c.reference()).get("handling_group"));
    }

    private static Map<String, Object> assessment() {
        return variables("scopeDecision", "in-scope", "severity", "medium", "impact", "individual",
                "category", "other", "safetyRelevant", false, "overrideAssessment", false);
    }

    /** A member of staff signed in to Tasklist, calling the webapps' engine API with the session. */
    private final class Webapp {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();

        Webapp(String user) throws Exception {
            HttpResponse<String> login = signInToTasklist(browser, cookies, user);
            assertThat(login.statusCode()).as(user + " login: " + login.body()).isEqualTo(200);
        }

        Reply get(String path) throws Exception {
            HttpResponse<String> response = browser.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + path)).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        }
    }
}
