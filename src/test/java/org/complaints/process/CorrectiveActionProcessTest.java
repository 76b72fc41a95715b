package org.complaints.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.complaints.intake.Submissions.aWebComplaint;
import static org.complaints.intake.Submissions.uniqueEmail;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.complaints.deadlines.WorkingDayCalendar;
import org.complaints.engine.InvalidInputException;
import org.complaints.improvement.ActionOwnerReminders;
import org.complaints.improvement.ActionStatus;
import org.complaints.improvement.ActionSubject;
import org.complaints.improvement.ActionTrigger;
import org.complaints.improvement.CorrectiveAction;
import org.complaints.improvement.CorrectiveActionOpening;
import org.complaints.improvement.CorrectiveActionProperties;
import org.complaints.improvement.CorrectiveActionRegister;
import org.complaints.intake.IntakeService;
import org.complaints.register.Complaint;
import org.complaints.security.StaffGroups;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path through processes/corrective-action.bpmn (ISO 10002 8.7), on the real Spring context with a real
 * SMTP server: effective at the first check, ineffective and re-planned, ineffective and re-analysed, the
 * owner's reminder, the overdue escalation with a manager's supervision, the waiting period before the check.
 * Timers fire by moving the engine clock; only this test's instances run their jobs.
 */
@ProcessTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CorrectiveActionProcessTest extends ProcessTestBase {

    static final String KEY = "corrective-action";
    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    @Autowired
    IntakeService intake;

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    CorrectiveActionOpening opening;

    @Autowired
    CorrectiveActionRegister actions;

    @Autowired
    CorrectiveActionProperties properties;

    @Autowired
    ActionOwnerReminders reminders;

    // ------------------------------------------------------------------ acting on an action

    /** A complaint about a product of its own, and a corrective action about that product opened for it. */
    private Opened opened() {
        String email = uniqueEmail();
        Complaint complaint = intake.file(aWebComplaint()
                .withName("Piet Jansen")
                .withEmail(email)
                .withProductOrService("Smart meter " + email)
                .withDescription("The meter shows twice the consumption of last year for the same house.")
                .withSeverity("medium")
                .withImpact("individual")
                .withCategory("billing")
                .build());
        CorrectiveActionOpening.Outcome outcome = opening.openManually(
                ActionSubject.product(complaint.productOrService()),
                List.of(complaint.id()),
                "Internal audit found the meters of this batch miscalibrated",
                "manager");
        assertThat(outcome.opened()).isTrue();
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processDefinitionKey(KEY)
                .processInstanceBusinessKey(outcome.action().reference())
                .singleResult();
        assertThat(instance).isNotNull().isWaitingAt("StartEvent_CorrectiveActionOpened");
        staff.runDueJobsOf(instance.getId());
        assertThat(instance).isWaitingAt("Task_AnalyseRootCause");
        return new Opened(complaint, outcome.action(), instance);
    }

    private record Opened(Complaint complaint, CorrectiveAction action, ProcessInstance instance) {}

    private CorrectiveAction reload(Opened opened) {
        return actions.get(opened.action().id());
    }

    private static Map<String, Object> analysis() {
        return Map.of(
                "rootCause",
                "process-failure",
                "rootCauseAnalysis",
                "Calibration step skipped at the end of line 2 since the new test rig arrived in March.");
    }

    private LocalDate workingDaysFromToday(int days) {
        LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(ZONE).toLocalDate();
        return calendar.addWorkingDays(today, days);
    }

    private Map<String, Object> plan(String owner, LocalDate due) {
        Map<String, Object> plan = new HashMap<>();
        plan.put(
                "actionPlan",
                "Add the calibration step to the test rig's checklist and recalibrate all meters of batch 7.");
        plan.put("actionOwner", owner);
        plan.put("actionDueDate", due == null ? null : due.toString());
        return plan;
    }

    private static Map<String, Object> implemented() {
        return Map.of(
                "implementationNotes", "Checklist changed on 12 March; 412 meters of batch 7 recalibrated on site.");
    }

    private static Map<String, Object> check(String result, String sendBackTo) {
        Map<String, Object> check = new HashMap<>();
        check.put("effectivenessResult", result);
        check.put("effectivenessNotes", "Complaints about the meters since the change: see the count on the form.");
        check.put("sendBackTo", sendBackTo);
        return check;
    }

    /** Analysis and plan by a complaint manager, then the owner's implementation; waits for the effectiveness check. */
    private void plannedAndImplemented(Opened opened, String owner) {
        staff.complete("manager", opened.instance(), "Task_AnalyseRootCause", analysis());
        staff.complete(
                "manager", opened.instance(), "Task_PlanCorrectiveAction", plan(owner, workingDaysFromToday(10)));
        staff.complete(owner, opened.instance(), "Task_ImplementCorrectiveAction", implemented());
        assertThat(opened.instance()).isWaitingAt("Event_EffectivenessWaitOver");
    }

    // ------------------------------------------------------------------ main paths

    @Test
    @Order(1)
    void actionAnalysedPlannedImplementedAndFoundEffectiveAfterTheWaitingPeriod() {
        Opened opened = opened();
        ProcessInstance instance = opened.instance();
        assertThat(instance).hasBusinessKey(opened.action().reference());
        assertThat(opened.action().reference()).matches("CAPA-\\d{4}-\\d{4}");
        assertThat(opened.action().trigger()).isEqualTo(ActionTrigger.MANUAL);
        assertThat(opened.action().status()).isEqualTo(ActionStatus.ANALYSIS);
        // the process carries ids, flags, dates and what the forms show; the action lives in the register
        assertThat(runtime.getVariable(instance.getId(), "actionId"))
                .isEqualTo(opened.action().id());
        assertThat(runtime.getVariables(instance.getId())).doesNotContainKeys("complaintId", "complainantEmail");

        Task analyse = staff.task(instance, "Task_AnalyseRootCause");
        assertThat(analyse).hasCandidateGroup(StaffGroups.MANAGERS);
        assertThat(analyse.getDueDate()).isAfter(ClockUtil.getCurrentTime());
        assertThat((String) runtime.getVariable(instance.getId(), "linkedComplaintsSummary"))
                .contains(opened.complaint().reference())
                .contains("billing")
                .contains("linked by a complaint manager");

        staff.complete("manager", instance, "Task_AnalyseRootCause", analysis());
        assertThat(instance).hasPassed("Task_RecordRootCause").isWaitingAt("Task_PlanCorrectiveAction");
        assertThat(reload(opened).status()).isEqualTo(ActionStatus.PLANNING);
        assertThat(reload(opened).rootCause()).isEqualTo("process-failure");

        LocalDate due = workingDaysFromToday(10);
        staff.complete("manager", instance, "Task_PlanCorrectiveAction", plan("handler", due));
        assertThat(instance).isWaitingAt("Task_ImplementCorrectiveAction");
        Task implement = staff.task(instance, "Task_ImplementCorrectiveAction");
        assertThat(implement).isAssignedTo("handler");
        assertThat(implement.getDueDate()).isEqualTo(Date.from(calendar.endOf(due)));
        CorrectiveAction planned = reload(opened);
        assertThat(planned.status()).isEqualTo(ActionStatus.IMPLEMENTING);
        assertThat(planned.owner()).isEqualTo("handler");
        assertThat(planned.dueDate()).isEqualTo(calendar.endOf(due));
        // the owner, a complaint handler, sees the task assigned to them and no other task of the action
        assertThat(staff.as(
                        "handler",
                        () -> tasks.createTaskQuery()
                                .processInstanceId(instance.getId())
                                .list()))
                .extracting(Task::getTaskDefinitionKey)
                .containsExactly("Task_ImplementCorrectiveAction");
        assertThat(staff.as(
                        "handler2",
                        () -> tasks.createTaskQuery()
                                .processInstanceId(instance.getId())
                                .count()))
                .isZero();

        staff.complete("handler", instance, "Task_ImplementCorrectiveAction", implemented());
        assertThat(instance)
                .hasPassed("Task_RecordImplementation", "End_ActionImplemented")
                .isWaitingAt("Event_EffectivenessWaitOver");
        CorrectiveAction monitored = reload(opened);
        assertThat(monitored.status()).isEqualTo(ActionStatus.MONITORING);
        assertThat(monitored.implementedAt()).isNotNull();
        Date checkDue = staff.dateVariable(instance, "effectivenessCheckDue");
        assertThat(checkDue).isEqualTo(Date.from(monitored.effectivenessCheckDue()));
        LocalDate checkDay = checkDue.toInstant().atZone(ZONE).toLocalDate();
        assertThat(checkDay)
                .isAfterOrEqualTo(
                        monitored.implementedAt().atZone(ZONE).toLocalDate().plus(properties.effectivenessWait()));
        assertThat(calendar.isWorkingDay(checkDay)).isTrue();

        // the waiting period: nothing happens a minute before it ends
        ClockUtil.setCurrentTime(new Date(checkDue.getTime() - 120_000));
        staff.runDueJobsOf(instance.getId());
        assertThat(instance).isWaitingAt("Event_EffectivenessWaitOver");
        staff.advanceAndRun(checkDue, instance.getId());
        assertThat(instance).isWaitingAt("Task_CheckEffectiveness");
        assertThat((String) runtime.getVariable(instance.getId(), "recurrenceSinceImplementation"))
                .startsWith("0 complaint(s) about product or service 'Smart meter");

        staff.complete("manager", instance, "Task_CheckEffectiveness", check("effective", null));
        assertThat(instance)
                .isEnded()
                .hasPassed("Task_RecordEffectivenessCheck", "Task_CloseCorrectiveAction", "End_CorrectiveActionClosed")
                .hasNotPassed("Gateway_StartAgainFrom");
        CorrectiveAction closed = reload(opened);
        assertThat(closed.status()).isEqualTo(ActionStatus.CLOSED);
        assertThat(closed.effective()).isTrue();
        assertThat(closed.closedAt()).isNotNull();
        assertThat(closed.round()).isEqualTo(1);
        assertThat(actions.events(closed.id()))
                .extracting(CorrectiveActionRegister.ActionEvent::type)
                .containsExactly(
                        "OPENED",
                        "COMPLAINT_LINKED",
                        "ROOT_CAUSE_ANALYSED",
                        "PLANNED",
                        "IMPLEMENTED",
                        "CHECKED",
                        "CLOSED");
        assertThat(staff.eventTypes(opened.complaint()))
                .contains("CORRECTIVE_ACTION_OPENED", "CORRECTIVE_ACTION_CLOSED");
        // closed: the subject is free, a new pattern of complaints about it opens a new action
        assertThat(actions.findOpen(ActionSubject.product(opened.complaint().productOrService())))
                .isEmpty();
    }

    @Test
    @Order(2)
    void ineffectiveActionIsReplannedInASecondRoundAndThenFoundEffective() {
        Opened opened = opened();
        ProcessInstance instance = opened.instance();
        plannedAndImplemented(opened, "handler");
        staff.advanceAndRun(staff.dateVariable(instance, "effectivenessCheckDue"), instance.getId());

        // the effectiveness check refuses a result without the way back
        String checkTask = staff.task(instance, "Task_CheckEffectiveness").getId();
        assertThatThrownBy(() -> staff.as("manager", () -> {
                    tasks.complete(checkTask, check("not-effective", null));
                    return null;
                }))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("sendBackTo");
        assertThat(instance).isWaitingAt("Task_CheckEffectiveness");

        staff.complete("manager", instance, "Task_CheckEffectiveness", check("not-effective", "action-plan"));
        assertThat(instance).hasPassed("Gateway_StartAgainFrom").isWaitingAt("Task_PlanCorrectiveAction");
        CorrectiveAction secondRound = reload(opened);
        assertThat(secondRound.status()).isEqualTo(ActionStatus.PLANNING);
        assertThat(secondRound.round()).isEqualTo(2);
        assertThat(secondRound.effective()).isFalse();
        assertThat(runtime.getVariable(instance.getId(), "actionRound")).isEqualTo(2);
        // the next round's forms say why, and start without the last round's report and result
        assertThat((String) runtime.getVariable(instance.getId(), "previousRoundFindings"))
                .contains("Complaints about the meters");
        assertThat(runtime.getVariables(instance.getId()))
                .doesNotContainKeys("implementationNotes", "effectivenessResult", "effectivenessNotes");

        staff.complete("manager", instance, "Task_PlanCorrectiveAction", plan("handler2", workingDaysFromToday(5)));
        assertThat(staff.task(instance, "Task_ImplementCorrectiveAction")).isAssignedTo("handler2");
        staff.complete("handler2", instance, "Task_ImplementCorrectiveAction", implemented());
        staff.advanceAndRun(staff.dateVariable(instance, "effectivenessCheckDue"), instance.getId());
        staff.complete("demo", instance, "Task_CheckEffectiveness", check("effective", null));
        assertThat(instance).isEnded();
        CorrectiveAction closed = reload(opened);
        assertThat(closed.status()).isEqualTo(ActionStatus.CLOSED);
        assertThat(closed.round()).isEqualTo(2);
        assertThat(closed.owner()).isEqualTo("handler2");
        assertThat(actions.events(closed.id()))
                .extracting(CorrectiveActionRegister.ActionEvent::summary)
                .contains("Round 1: not effective, back to the action plan", "Closed as effective after 2 round(s)");
    }

    @Test
    @Order(3)
    void ineffectiveActionWhoseCauseWasMisjudgedGoesBackToTheRootCauseAnalysis() {
        Opened opened = opened();
        ProcessInstance instance = opened.instance();
        plannedAndImplemented(opened, "handler");
        staff.advanceAndRun(staff.dateVariable(instance, "effectivenessCheckDue"), instance.getId());
        staff.complete("manager", instance, "Task_CheckEffectiveness", check("not-effective", "root-cause"));

        assertThat(instance).isWaitingAt("Task_AnalyseRootCause");
        assertThat(reload(opened).status()).isEqualTo(ActionStatus.ANALYSIS);
        assertThat(reload(opened).round()).isEqualTo(2);
        // the first analysis is offered for revision
        assertThat(runtime.getVariable(instance.getId(), "rootCauseAnalysis"))
                .asString()
                .contains("Calibration step");
        staff.complete(
                "manager",
                instance,
                "Task_AnalyseRootCause",
                Map.of(
                        "rootCause",
                        "product-defect",
                        "rootCauseAnalysis",
                        "The meters of batch 7 drift after a week: the sensor itself is defective."));
        assertThat(reload(opened).rootCause()).isEqualTo("product-defect");
        assertThat(instance).isWaitingAt("Task_PlanCorrectiveAction");
    }

    // ------------------------------------------------------------------ timers and escalation

    @Test
    @Order(4)
    void ownerIsRemindedBeforeTheDueDateThenManagersSuperviseTheOverdueActionAndHandItOver() throws Exception {
        Opened opened = opened();
        ProcessInstance instance = opened.instance();
        staff.complete("manager", instance, "Task_AnalyseRootCause", analysis());
        staff.complete("manager", instance, "Task_PlanCorrectiveAction", plan("handler", workingDaysFromToday(10)));
        Date reminder = staff.dateVariable(instance, "implementationReminder");
        Date due = staff.dateVariable(instance, "implementationDue");
        LocalDate dueDay = due.toInstant().atZone(ZONE).toLocalDate();
        assertThat(reminder)
                .isEqualTo(Date.from(
                        calendar.endOf(calendar.addWorkingDays(dueDay, -properties.reminderWorkingDaysBefore()))));

        staff.advanceAndRun(reminder, instance.getId());
        assertThat(instance)
                .hasPassed("Boundary_ActionReminderDue", "Task_RemindActionOwner", "End_ActionOwnerReminded")
                .isWaitingAt("Task_ImplementCorrectiveAction");
        String reference = opened.action().reference();
        List<MimeMessage> sent = staff.mailsWithSubject("Reminder: corrective action " + reference);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getMessageID()).isEqualTo("<capa-reminder-1." + reference + "@complaints.example.org>");
        assertThat(sent.get(0).getAllRecipients()[0].toString()).isEqualTo("handler@staff.example.org");
        assertThat(GreenMailUtil.getBody(sent.get(0)))
                .contains(reference)
                .contains(dueDay.toString())
                .contains("recalibrate all meters");
        // a repeated step does not send again
        assertThat(reminders.remind(opened.action().id())).isFalse();
        assertThat(staff.mailsWithSubject("Reminder: corrective action " + reference))
                .hasSize(1);

        staff.advanceAndRun(due, instance.getId());
        assertThat(instance)
                .hasPassed("StartEvent_ImplementationDueReached", "End_EscalateActionOverdue", "Boundary_ActionOverdue")
                .isWaitingAt("Task_ImplementCorrectiveAction", "Task_SuperviseOverdueAction");
        assertThat(staff.task(instance, "Task_SuperviseOverdueAction")).hasCandidateGroup(StaffGroups.MANAGERS);

        LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(ZONE).toLocalDate();
        String superviseTask =
                staff.task(instance, "Task_SuperviseOverdueAction").getId();
        assertThatThrownBy(() -> staff.as("manager", () -> {
                    tasks.complete(
                            superviseTask,
                            Map.of(
                                    "supervisionNotes",
                                    "Owner is on leave until next month.",
                                    "revisedDueDate",
                                    calendar.addWorkingDays(today, -1).toString(),
                                    "newActionOwner",
                                    "nobody-here"));
                    return null;
                }))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("revisedDueDate")
                .hasMessageContaining("has already passed")
                .hasMessageContaining("newActionOwner")
                .hasMessageContaining("no staff account \"nobody-here\"");
        assertThat(instance).isWaitingAt("Task_SuperviseOverdueAction");

        LocalDate revised = calendar.addWorkingDays(today, 5);
        staff.complete(
                "manager",
                instance,
                "Task_SuperviseOverdueAction",
                Map.of(
                        "supervisionNotes",
                        "Owner is on leave until next month; handler2 takes over.",
                        "revisedDueDate",
                        revised.toString(),
                        "newActionOwner",
                        "handler2"));
        assertThat(instance)
                .hasPassed("Task_RecordActionSupervision", "End_OverdueActionSupervised")
                .isWaitingAt("Task_ImplementCorrectiveAction");
        Task implement = staff.task(instance, "Task_ImplementCorrectiveAction");
        assertThat(implement).isAssignedTo("handler2");
        assertThat(implement.getDueDate()).isEqualTo(Date.from(calendar.endOf(revised)));
        assertThat(reload(opened).owner()).isEqualTo("handler2");
        assertThat(reload(opened).dueDate()).isEqualTo(calendar.endOf(revised));
        // the previous owner's access to the task ended with the hand-over
        assertThat(staff.as(
                        "handler",
                        () -> tasks.createTaskQuery().taskId(implement.getId()).count()))
                .isZero();
        assertThat(staff.as(
                        "handler2",
                        () -> tasks.createTaskQuery().taskId(implement.getId()).count()))
                .isOne();

        staff.complete("handler2", instance, "Task_ImplementCorrectiveAction", implemented());
        assertThat(instance).isWaitingAt("Event_EffectivenessWaitOver");
        assertThat(actions.events(opened.action().id()))
                .extracting(CorrectiveActionRegister.ActionEvent::type)
                .containsSubsequence("PLANNED", "REMINDER_SENT", "SUPERVISED", "OWNER_CHANGED", "IMPLEMENTED");
    }

    // ------------------------------------------------------------------ what people enter, who may do what

    @Test
    @Order(5)
    void planIsCheckedOnTheServerAndWithoutADueDateTheDefaultApplies() {
        Opened opened = opened();
        ProcessInstance instance = opened.instance();
        staff.complete("manager", instance, "Task_AnalyseRootCause", analysis());
        String planTask = staff.task(instance, "Task_PlanCorrectiveAction").getId();
        LocalDate saturday = workingDaysFromToday(5);
        while (calendar.isWorkingDay(saturday)) {
            saturday = saturday.plusDays(1);
        }
        Map<String, Object> wrong = plan("outsider-1", saturday);
        wrong.put("actionPlan", "Fix it");
        assertThatThrownBy(() -> staff.as("manager", () -> {
                    tasks.claim(planTask, "manager");
                    tasks.complete(planTask, wrong);
                    return null;
                }))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("actionPlan: describe what will be done in at least 20 characters")
                .hasMessageContaining("actionOwner: there is no staff account \"outsider-1\"")
                .hasMessageContaining("actionDueDate: " + saturday + " is not a working day");
        assertThat(instance).isWaitingAt("Task_PlanCorrectiveAction");
        assertThat(reload(opened).status()).isEqualTo(ActionStatus.PLANNING);

        staff.as("manager", () -> {
            tasks.complete(planTask, plan("handler", null));
            return null;
        });
        LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(ZONE).toLocalDate();
        assertThat(staff.task(instance, "Task_ImplementCorrectiveAction").getDueDate())
                .isEqualTo(Date.from(calendar.workingDaysAfter(
                        ClockUtil.getCurrentTime().toInstant(), properties.defaultImplementationWorkingDays())));
        assertThat(reload(opened).dueDate()).isAfter(calendar.endOf(today));
    }

    @Test
    @Order(6)
    void theOwnerCannotCheckTheirOwnActionAndQualityManagersOnlyLook() {
        Opened opened = opened();
        ProcessInstance instance = opened.instance();
        // quality managers read the action's tasks and change nothing
        String analyseTask = staff.task(instance, "Task_AnalyseRootCause").getId();
        identity.setAuthentication("quality", List.of(StaffGroups.QUALITY));
        try {
            assertThat(tasks.createTaskQuery().taskId(analyseTask).count()).isOne();
            assertThat(runtime.createProcessInstanceQuery()
                            .processInstanceId(instance.getId())
                            .count())
                    .isOne();
            assertThatThrownBy(() -> tasks.claim(analyseTask, "quality")).isInstanceOf(AuthorizationException.class);
        } finally {
            identity.clearAuthentication();
        }
        // complaint handlers do not see the managers' tasks of an action
        assertThat(staff.as(
                        "handler",
                        () -> tasks.createTaskQuery().taskId(analyseTask).count()))
                .isZero();

        plannedAndImplemented(opened, "manager");
        staff.advanceAndRun(staff.dateVariable(instance, "effectivenessCheckDue"), instance.getId());
        String checkTask = staff.task(instance, "Task_CheckEffectiveness").getId();
        assertThat(staff.as(
                        "manager",
                        () -> tasks.createTaskQuery().taskId(checkTask).count()))
                .isZero();
        assertThat(staff.as(
                        "demo", () -> tasks.createTaskQuery().taskId(checkTask).count()))
                .isOne();
        assertThatThrownBy(() -> staff.as("demo", () -> {
                    tasks.setAssignee(checkTask, "manager");
                    return null;
                }))
                .hasRootCauseInstanceOf(InvalidInputException.class)
                .hasMessageContaining("manager owns this corrective action and cannot check its effectiveness");
        staff.complete("demo", instance, "Task_CheckEffectiveness", check("effective", null));
        assertThat(instance).isEnded();
    }

    @Test
    @Order(7)
    void whoeverTheImplementationIsHandedToOwnsTheActionAndOnlyStaffCanBe() {
        Opened opened = opened();
        ProcessInstance instance = opened.instance();
        staff.complete("manager", instance, "Task_AnalyseRootCause", analysis());
        staff.complete("manager", instance, "Task_PlanCorrectiveAction", plan("handler", workingDaysFromToday(10)));
        String implement =
                staff.task(instance, "Task_ImplementCorrectiveAction").getId();

        // a manager hands the task over in Tasklist
        staff.as("manager", () -> {
            tasks.setAssignee(implement, "handler2");
            return null;
        });
        assertThat(reload(opened).owner()).isEqualTo("handler2");
        assertThat(runtime.getVariable(instance.getId(), "actionOwner")).isEqualTo("handler2");
        assertThat(actions.events(opened.action().id()))
                .extracting(CorrectiveActionRegister.ActionEvent::summary)
                .contains("Owner handler replaced by handler2");
        assertThat(staff.as(
                        "handler",
                        () -> tasks.createTaskQuery().taskId(implement).count()))
                .isZero();
        // someone outside the complaint groups cannot own an action
        assertThatThrownBy(() -> staff.as("manager", () -> {
                    tasks.setAssignee(implement, "testadmin");
                    return null;
                }))
                .hasRootCauseInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no staff account \"testadmin\"");
        assertThat(staff.task(instance, "Task_ImplementCorrectiveAction")).isAssignedTo("handler2");

        staff.complete("handler2", instance, "Task_ImplementCorrectiveAction", implemented());
        staff.advanceAndRun(staff.dateVariable(instance, "effectivenessCheckDue"), instance.getId());
        // the new owner is the one who may not check the action
        String checkTask = staff.task(instance, "Task_CheckEffectiveness").getId();
        assertThat(staff.as(
                        "handler2",
                        () -> tasks.createTaskQuery().taskId(checkTask).count()))
                .isZero();
        assertThatThrownBy(() -> staff.as("demo", () -> {
                    tasks.setAssignee(checkTask, "handler2");
                    return null;
                }))
                .hasRootCauseInstanceOf(InvalidInputException.class)
                .hasMessageContaining("handler2 owns this corrective action");
    }

    @Test
    @Order(8)
    void anInstanceCancelledByAnAdministratorCancelsItsActionAndFreesTheSubject() {
        Opened opened = opened();
        staff.complete("manager", opened.instance(), "Task_AnalyseRootCause", analysis());
        runtime.deleteProcessInstance(opened.instance().getId(), "Opened twice by mistake");
        CorrectiveAction cancelled = reload(opened);
        assertThat(cancelled.status()).isEqualTo(ActionStatus.CANCELLED);
        assertThat(cancelled.isOpen()).isFalse();
        assertThat(cancelled.closedAt()).isNotNull();
        assertThat(actions.findOpen(ActionSubject.product(opened.complaint().productOrService())))
                .isEmpty();
        assertThat(actions.events(cancelled.id())).last().satisfies(e -> {
            assertThat(e.type()).isEqualTo("CANCELLED");
            assertThat(e.detail()).isEqualTo("Opened twice by mistake");
        });
        assertThat(staff.eventTypes(opened.complaint())).contains("CORRECTIVE_ACTION_CANCELLED");
        assertThat(actions.list(false)).extracting(CorrectiveAction::reference).contains(cancelled.reference());
        assertThat(actions.list(true)).extracting(CorrectiveAction::reference).doesNotContain(cancelled.reference());
    }

    @Test
    @Order(9)
    void theProcessBelongsToOneActionOpenedByTheApplication() {
        assertThat(repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(KEY)
                        .latestVersion()
                        .singleResult()
                        .isStartableInTasklist())
                .isFalse();
        long before =
                runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count();
        assertThatThrownBy(() -> staff.as("manager", () -> runtime.startProcessInstanceByKey(KEY, "CAPA-2026-9999")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("actionId: a corrective action is opened by");
        Opened opened = opened();
        assertThatThrownBy(() -> staff.as(
                        "manager",
                        () -> runtime.startProcessInstanceByKey(
                                KEY,
                                opened.action().reference(),
                                Map.of("actionId", opened.action().id()))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(opened.action().reference() + " is already being worked on");
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey(KEY)
                        .count())
                .isEqualTo(before + 1);
    }
}
