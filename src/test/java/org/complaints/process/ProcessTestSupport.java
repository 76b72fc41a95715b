package org.complaints.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.complaints.demo.DemoUsers;
import org.complaints.mail.OutboxSender;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.EventLog;
import org.complaints.security.StaffGroups;

/**
 * Acting as staff in process tests: start forms, claim and complete tasks, run due jobs and send the e-mails they
 * queued (as the job executor and the outbox sender would), read mail.
 */
final class ProcessTestSupport {

    static final Map<String, List<String>> GROUPS = Map.of(
            "intake", List.of(StaffGroups.INTAKE),
            "handler", List.of(StaffGroups.HANDLERS),
            "handler2", List.of(StaffGroups.HANDLERS),
            "manager", List.of(StaffGroups.MANAGERS, StaffGroups.HANDLERS),
            "quality", List.of(StaffGroups.QUALITY),
            "demo", List.of(StaffGroups.ADMIN, StaffGroups.MANAGERS, StaffGroups.QUALITY));

    final RuntimeService runtime;
    final TaskService tasks;
    final FormService forms;
    final ManagementService management;
    final IdentityService identity;
    final RepositoryService repository;
    final ComplaintRegister register;
    final EventLog events;
    final GreenMailExtension mail;
    final OutboxSender outbox;

    ProcessTestSupport(
            RuntimeService runtime,
            TaskService tasks,
            FormService forms,
            ManagementService management,
            IdentityService identity,
            RepositoryService repository,
            ComplaintRegister register,
            EventLog events,
            GreenMailExtension mail,
            OutboxSender outbox) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.forms = forms;
        this.management = management;
        this.identity = identity;
        this.repository = repository;
        this.register = register;
        this.events = events;
        this.mail = mail;
        this.outbox = outbox;
        DemoUsers.seed(identity);
    }

    ProcessInstance startByStaff(Map<String, Object> form) {
        String definitionId = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey("complaint-handling")
                .latestVersion()
                .singleResult()
                .getId();
        return as("intake", () -> forms.submitStartForm(definitionId, form));
    }

    Complaint complaintOf(ProcessInstance instance) {
        return register.getByReference(runtime.createProcessInstanceQuery()
                .processInstanceId(instance.getId())
                .singleResult()
                .getBusinessKey());
    }

    Complaint reload(Complaint complaint) {
        return register.get(complaint.id());
    }

    Task task(ProcessInstance instance, String taskKey) {
        Task task = tasks.createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(taskKey)
                .singleResult();
        assertThat(task).as("open task " + taskKey).isNotNull();
        return task;
    }

    /** Claims and completes the task as {@code user}, as Tasklist does. */
    void complete(String user, ProcessInstance instance, String taskKey, Map<String, Object> variables) {
        Task task = task(instance, taskKey);
        as(user, () -> {
            tasks.claim(task.getId(), user);
            tasks.complete(task.getId(), variables);
            return null;
        });
    }

    <T> T as(String user, java.util.function.Supplier<T> action) {
        identity.setAuthentication(user, GROUPS.get(user));
        try {
            return action.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    /**
     * Runs every job that is due now, including the ones those jobs create, and sends the e-mails they queued, as
     * the job executor and the outbox sender would.
     */
    void runDueJobs() {
        runDue(() -> management.createJobQuery().executable().list());
    }

    /**
     * Runs the due jobs of these process instances only, including the ones they create, and sends the due e-mails:
     * for tests that move the engine clock far ahead, where every other class's timers would fall due too.
     */
    void runDueJobsOf(String... processInstanceIds) {
        runDue(() -> Arrays.stream(processInstanceIds)
                .flatMap(id -> management.createJobQuery().processInstanceId(id).executable().list().stream())
                .toList());
    }

    private void runDue(java.util.function.Supplier<List<Job>> dueJobs) {
        for (int round = 0; round < 100; round++) {
            List<Job> due = dueJobs.get();
            int sent = outbox.sendDue();
            if (due.isEmpty() && sent == 0) {
                return;
            }
            for (Job job : due) {
                management.executeJob(job.getId());
            }
        }
        throw new AssertionError("jobs keep becoming due: an endless timer loop?");
    }

    /** Moves the engine clock to just after {@code moment} and runs what fell due in these instances. */
    void advanceAndRun(Date moment, String... processInstanceIds) {
        ClockUtil.setCurrentTime(new Date(moment.getTime() + 60_000));
        runDueJobsOf(processInstanceIds);
    }

    /** Moves the engine clock to just after {@code moment} and runs what fell due. */
    void advanceTo(Date moment) {
        ClockUtil.setCurrentTime(new Date(moment.getTime() + 60_000));
        runDueJobs();
    }

    Date dateVariable(ProcessInstance instance, String name) {
        return (Date) runtime.getVariable(instance.getId(), name);
    }

    List<MimeMessage> mailsWithSubject(String fragment) {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(m -> subject(m).contains(fragment))
                .toList();
    }

    List<String> subjects() {
        return Arrays.stream(mail.getReceivedMessages())
                .map(ProcessTestSupport::subject)
                .toList();
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> eventTypes(Complaint complaint) {
        return events.list(complaint.id()).stream().map(e -> e.type()).toList();
    }

    static Map<String, Object> assessInScope() {
        return new HashMap<>(Map.of(
                "scopeDecision",
                "in-scope",
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
    }

    static Map<String, Object> findings() {
        return Map.of(
                "findings",
                "The courier left the parcel at the door without ringing; photos confirm the damage.",
                "rootCause",
                "third-party",
                "systemicIssue",
                false);
    }

    static Map<String, Object> proposal(String outcome, String remedy, Number amount) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("outcome", outcome);
        variables.put("remedy", remedy);
        variables.put("monetaryRemedy", amount);
        // money needs its kind; the tests that are about the kind set it themselves
        variables.put("remedyKind", amount != null ? "refund" : remedy != null ? "replacement-repair" : "none");
        variables.put("decisionReasons", "The courier did not follow our delivery instructions for this address.");
        return variables;
    }
}
