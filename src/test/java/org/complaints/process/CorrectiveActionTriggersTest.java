package org.complaints.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.complaints.intake.Submissions.aPhoneComplaint;
import static org.complaints.intake.Submissions.aWebComplaint;
import static org.complaints.intake.Submissions.uniqueEmail;
import static org.complaints.process.ProcessTestSupport.assessInScope;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.complaints.engine.authorization.EngineAuthority;
import org.complaints.improvement.ActionStatus;
import org.complaints.improvement.ActionSubject;
import org.complaints.improvement.ActionTrigger;
import org.complaints.improvement.CorrectiveAction;
import org.complaints.improvement.CorrectiveActionOpening;
import org.complaints.improvement.CorrectiveActionRegister;
import org.complaints.improvement.RecurrenceThreshold;
import org.complaints.improvement.SystemicFindings;
import org.complaints.intake.IntakeService;
import org.complaints.investigation.FindingsRecorded;
import org.complaints.register.Complaint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What opens a corrective action (ISO 10002 8.7), through the complaint-handling process as staff work it: an
 * investigator's systemic finding, and complaints exceeding the decision table recurrence-threshold in its
 * rolling window; one action per subject, linked both ways, also when two complaints trigger at once; a broken
 * rule never stops complaint handling.
 *
 * <p>Other classes' complaints share the in-memory database: the counting tests move the engine clock to a
 * year of their own, where only their complaints fall in the window, and run only their own instances' jobs.
 */
@ProcessTest
class CorrectiveActionTriggersTest extends ProcessTestBase {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    @Autowired
    IntakeService intake;

    @Autowired
    CorrectiveActionRegister actions;

    @Autowired
    CorrectiveActionOpening opening;

    @Autowired
    RecurrenceThreshold threshold;

    @Autowired
    SystemicFindings systemicFindings;

    @Autowired
    EngineAuthority authority;

    @Autowired
    PlatformTransactionManager transactions;

    // ------------------------------------------------------------------ complaints as staff handle them

    /** Moves the engine clock into a year of this test's own (working hours in the organisation's zone). */
    private static void inYear(int year) {
        ClockUtil.setCurrentTime(
                Date.from(LocalDateTime.of(year, 3, 6, 9, 0).atZone(ZONE).toInstant()));
    }

    private record Assessed(ProcessInstance instance, Complaint complaint) {}

    /** Registered by intake, acknowledged, and assessed by a complaint manager with this category and scope. */
    private Assessed assessed(String category, String productOrService, boolean inScope) {
        Map<String, Object> form = aPhoneComplaint()
                .withCategory(category)
                .withProductOrService(productOrService)
                .startForm();
        ProcessInstance instance = staff.startByStaff(form);
        Complaint complaint = staff.complaintOf(instance);
        staff.runDueJobsOf(instance.getId());
        Map<String, Object> assessment = assessInScope();
        assessment.put("category", category);
        if (!inScope) {
            assessment.put("scopeDecision", "out-of-scope");
            assessment.put("scopeReason", "This concerns a product another company sells.");
        }
        staff.complete("manager", instance, "Task_ConfirmAssessment", assessment);
        staff.runDueJobsOf(instance.getId());
        return new Assessed(instance, complaint);
    }

    private void investigated(Assessed assessed, boolean systemic) {
        staff.complete(
                "manager",
                assessed.instance(),
                "Task_InvestigateComplaint",
                Map.of(
                        "findings",
                        "Staff at the counter were never trained on the new refund policy; three branches affected.",
                        "rootCause",
                        "process-failure",
                        "systemicIssue",
                        systemic));
    }

    private List<Long> linkedIds(CorrectiveAction action) {
        return actions.complaintsOf(action.id()).stream()
                .map(CorrectiveActionRegister.LinkedComplaint::complaintId)
                .toList();
    }

    private List<ProcessInstance> instancesOf(CorrectiveAction action) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(CorrectiveActionOpening.PROCESS_KEY)
                .processInstanceBusinessKey(action.reference())
                .list();
    }

    /**
     * An action about this subject that another test class in this JVM opened would take the complaints of this
     * test: its instance is cancelled first, at the real time, which cancels the action in the register.
     */
    private void noOpenActionAbout(ActionSubject subject) {
        actions.findOpen(subject)
                .ifPresent(action -> authority.withoutAuthorization(() ->
                        instancesOf(action).forEach(i -> runtime.deleteProcessInstance(i.getId(), "test fixture"))));
        assertThat(actions.findOpen(subject)).isEmpty();
    }

    // ------------------------------------------------------------------ systemic findings

    @Test
    void systemicFindingOpensAnActionLinkedBothWaysAndTheNextOneOfTheCategoryJoinsIt() {
        ActionSubject staffConduct = ActionSubject.category("staff-conduct");
        noOpenActionAbout(staffConduct);
        inYear(2091);

        Assessed first = assessed("staff-conduct", "Counter service " + uniqueEmail(), true);
        investigated(first, true);
        assertThat(first.instance()).isWaitingAt("Task_ProposeResolution");
        Complaint a = first.complaint();
        assertThat(actions.actionsOf(a.id())).hasSize(1);
        CorrectiveAction action = actions.actionsOf(a.id()).get(0);
        assertThat(action.trigger()).isEqualTo(ActionTrigger.SYSTEMIC_FINDING);
        assertThat(action.subjectKey()).isEqualTo("category:staff-conduct");
        assertThat(action.status()).isEqualTo(ActionStatus.ANALYSIS);
        assertThat(action.rootCause()).isEqualTo("process-failure");
        assertThat(action.openedBy()).isEqualTo("manager");
        assertThat(action.openingReason())
                .isEqualTo("An investigation found a systemic cause (root cause process-failure)");
        assertThat(linkedIds(action)).containsExactly(a.id());
        assertThat(staff.eventTypes(a)).contains("INVESTIGATED", "CORRECTIVE_ACTION_OPENED");
        assertThat(actions.findOpen(staffConduct))
                .hasValueSatisfying(open -> assertThat(open.id()).isEqualTo(action.id()));

        // the action's own process, started with its reference; its first step runs in a job of its own
        List<ProcessInstance> capa = instancesOf(action);
        assertThat(capa).hasSize(1);
        assertThat(action.processInstanceId()).isEqualTo(capa.get(0).getId());
        staff.runDueJobsOf(capa.get(0).getId());
        assertThat(capa.get(0)).isWaitingAt("Task_AnalyseRootCause");
        assertThat(runtime.getVariable(capa.get(0).getId(), "rootCause")).isEqualTo("process-failure");
        assertThat((String) runtime.getVariable(capa.get(0).getId(), "linkedComplaintsSummary"))
                .contains(a.reference());

        // a second systemic complaint of the category joins the open action instead of opening another
        Assessed second = assessed("staff-conduct", "Phone service " + uniqueEmail(), true);
        investigated(second, true);
        Complaint b = second.complaint();
        assertThat(actions.actionsOf(b.id())).extracting(CorrectiveAction::id).containsExactly(action.id());
        assertThat(linkedIds(action)).containsExactly(a.id(), b.id());
        assertThat(staff.eventTypes(b)).contains("CORRECTIVE_ACTION_LINKED").doesNotContain("CORRECTIVE_ACTION_OPENED");
        assertThat(instancesOf(action)).hasSize(1);
        assertThat(actions.list(true))
                .filteredOn(o -> o.subjectKey().equals("category:staff-conduct"))
                .hasSize(1);

        // a finding recorded again (a repeated step) changes nothing
        new TransactionTemplate(transactions)
                .executeWithoutResult(tx -> systemicFindings.findingsRecorded(
                        new FindingsRecorded(b.id(), "process-failure", true, "manager")));
        assertThat(linkedIds(action)).containsExactly(a.id(), b.id());
        assertThat(staff.eventTypes(b).stream().filter("CORRECTIVE_ACTION_LINKED"::equals))
                .hasSize(1);

        // a cause that is not systemic opens nothing (three complaints do not exceed the category's threshold)
        Assessed third = assessed("staff-conduct", "Shop service " + uniqueEmail(), true);
        investigated(third, false);
        assertThat(actions.actionsOf(third.complaint().id())).isEmpty();
        assertThat(third.instance()).isWaitingAt("Task_ProposeResolution");
    }

    // ------------------------------------------------------------------ recurrence threshold

    @Test
    void complaintsOfOneCategoryOpenOneActionWhenTheyExceedTheThresholdAndNotBefore() {
        ActionSubject dataProtection = ActionSubject.category("data-protection");
        RecurrenceThreshold.Rule rule = threshold
                .rule(dataProtection, "data-protection", "Customer portal")
                .orElseThrow();
        assertThat(rule.threshold()).as("a threshold this test can exceed").isBetween(0, 10);
        noOpenActionAbout(dataProtection);
        inYear(2092);

        // out of scope: not counted
        Assessed outOfScope = assessed("data-protection", "Portal " + uniqueEmail(), false);
        assertThat(outOfScope.instance()).isWaitingAt("Gateway_AwaitScopeReaction");
        List<Long> counted = new ArrayList<>();
        for (int i = 0; i < rule.threshold(); i++) {
            Assessed assessed = assessed("data-protection", "Portal " + uniqueEmail(), true);
            counted.add(assessed.complaint().id());
            assertThat(actions.findOpen(dataProtection))
                    .as("after " + (i + 1) + " complaint(s)")
                    .isEmpty();
            assertThat(actions.actionsOf(assessed.complaint().id())).isEmpty();
        }

        Assessed exceeding = assessed("data-protection", "Portal " + uniqueEmail(), true);
        // the complaint itself goes on as usual
        assertThat(exceeding.instance()).isWaitingAt("Task_InvestigateComplaint");
        counted.add(exceeding.complaint().id());
        CorrectiveAction action = actions.findOpen(dataProtection).orElseThrow();
        assertThat(action.trigger()).isEqualTo(ActionTrigger.THRESHOLD);
        assertThat(action.category()).isEqualTo("data-protection");
        assertThat(action.openedBy()).isEqualTo("system");
        assertThat(action.openingReason())
                .isEqualTo((rule.threshold() + 1) + " complaints about category data-protection in " + "the last "
                        + rule.windowDays() + " days, more than the threshold of " + rule.threshold());
        assertThat(linkedIds(action))
                .containsExactlyInAnyOrderElementsOf(counted)
                .doesNotContain(outOfScope.complaint().id());
        for (long id : counted) {
            assertThat(actions.actionsOf(id))
                    .extracting(CorrectiveAction::reference)
                    .containsExactly(action.reference());
        }
        assertThat(instancesOf(action)).hasSize(1);

        // the next one joins the open action
        Assessed next = assessed("data-protection", "Portal " + uniqueEmail(), true);
        assertThat(actions.actionsOf(next.complaint().id()))
                .extracting(CorrectiveAction::id)
                .containsExactly(action.id());
        assertThat(actions.list(true))
                .filteredOn(o -> o.subjectKey().equals("category:data-protection"))
                .hasSize(1);
        assertThat(instancesOf(action)).hasSize(1);
        assertThat(staff.eventTypes(next.complaint())).contains("CORRECTIVE_ACTION_LINKED");
        counted.add(next.complaint().id());
        assertThat(linkedIds(action)).containsExactlyInAnyOrderElementsOf(counted);
    }

    @Test
    void complaintsAboutOneProductCountOnlyInsideTheRollingWindow() {
        String product = "Heat pump HP-" + uniqueEmail();
        ActionSubject heatPump = ActionSubject.product(product);
        RecurrenceThreshold.Rule rule =
                threshold.rule(heatPump, "product-quality", product).orElseThrow();
        inYear(2093);

        for (int i = 0; i < rule.threshold(); i++) {
            assessed("product-quality", product, true);
        }
        assertThat(actions.findOpen(heatPump)).isEmpty();

        // a day past the window the earlier complaints no longer count
        ClockUtil.setCurrentTime(
                Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(rule.windowDays() + 1))));
        List<Long> inWindow = new ArrayList<>();
        for (int i = 0; i < rule.threshold(); i++) {
            // product names are compared without regard to case
            inWindow.add(assessed("product-quality", i == 0 ? product.toUpperCase() : product, true)
                    .complaint()
                    .id());
            assertThat(actions.findOpen(heatPump))
                    .as(inWindow.size() + " in the window")
                    .isEmpty();
        }
        inWindow.add(assessed("product-quality", product, true).complaint().id());
        CorrectiveAction action = actions.findOpen(heatPump).orElseThrow();
        assertThat(action.trigger()).isEqualTo(ActionTrigger.THRESHOLD);
        assertThat(action.productOrService()).isEqualTo(product);
        assertThat(linkedIds(action)).containsExactlyInAnyOrderElementsOf(inWindow);
    }

    // ------------------------------------------------------------------ robustness

    @Test
    void twoComplaintsOpeningAtOnceShareOneAction() throws Exception {
        String product = "Router R-" + uniqueEmail();
        ActionSubject router = ActionSubject.product(product);
        List<Complaint> complaints = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            complaints.add(intake.file(aWebComplaint()
                    .withName("Eva Example")
                    .withProductOrService(product)
                    .withDescription("The router drops the connection every evening at the same time.")
                    .withSeverity("medium")
                    .withImpact("individual")
                    .withCategory("service")
                    .build()));
        }
        CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
        CompletableFuture<CorrectiveActionOpening.Outcome> first =
                CompletableFuture.supplyAsync(() -> new TransactionTemplate(transactions).execute(tx -> {
                    CorrectiveActionOpening.Outcome outcome = opening.openManually(
                            router,
                            List.of(complaints.get(0).id()),
                            "Evening drop-outs reported by the network team",
                            "manager");
                    firstHoldsTheLock.countDown();
                    sleep(400);
                    return outcome;
                }));
        assertThat(firstHoldsTheLock.await(20, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<CorrectiveActionOpening.Outcome> second =
                CompletableFuture.supplyAsync(() -> opening.openManually(
                        router, List.of(complaints.get(1).id()), "Evening drop-outs seen by the help desk", "demo"));

        CorrectiveActionOpening.Outcome a = first.get(30, TimeUnit.SECONDS);
        CorrectiveActionOpening.Outcome b = second.get(30, TimeUnit.SECONDS);
        assertThat(a.opened()).isTrue();
        assertThat(b.opened()).isFalse();
        assertThat(b.action().id()).isEqualTo(a.action().id());
        assertThat(linkedIds(a.action()))
                .containsExactly(complaints.get(0).id(), complaints.get(1).id());
        assertThat(instancesOf(a.action())).hasSize(1);
    }

    @Test
    void aDecisionTableLeftUnusableDoesNotStopComplaintHandling() throws Exception {
        String broken = Files.readString(Path.of("processes", "recurrence-threshold.dmn"))
                .replace(
                        "<outputEntry id=\"Rule_Product_Out1\"><text>30</text>",
                        "<outputEntry id=\"Rule_Product_Out1\"><text>0</text>");
        assertThat(broken).contains("<text>0</text>");
        Deployment deployment = repository
                .createDeployment()
                .name("broken recurrence rule")
                .addString("recurrence-threshold.dmn", broken)
                .deploy();
        try {
            Assessed assessed = assessed("other", "Garden hose " + uniqueEmail(), true);
            assertThat(assessed.instance()).isWaitingAt("Task_InvestigateComplaint");
            Complaint complaint = assessed.complaint();
            assertThat(events.list(complaint.id()))
                    .filteredOn(e -> e.type().equals("RECURRENCE_CHECK_FAILED"))
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.summary()).contains("for the product could not be checked");
                        assertThat(e.detail()).contains("window 0");
                    });
            assertThat(actions.actionsOf(complaint.id())).isEmpty();
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
        assertThat(threshold.rule(ActionSubject.product("x"), "other", "x")).isPresent();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
