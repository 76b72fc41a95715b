package org.complaints.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.complaints.intake.Submissions.aPhoneComplaint;
import static org.complaints.process.ProcessTestSupport.assessInScope;
import static org.complaints.process.ProcessTestSupport.findings;
import static org.complaints.process.ProcessTestSupport.proposal;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.complaints.deadlines.DeadlineProperties;
import org.complaints.deadlines.TaskDeadlineProperties;
import org.complaints.deadlines.WorkingDayCalendar;
import org.complaints.engine.InvalidInputException;
import org.complaints.intake.ComplainantMessages;
import org.complaints.register.Complaint;
import org.complaints.security.StaffGroups;
import org.complaints.tracking.ComplaintStatusService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Deadlines and escalation on every stage (ISO 10002 4.15, 7.3): the response escalation re-armed after every
 * revised date and bounded by the maximum extension, the reason in the delay notice, and a due date with an
 * escalation to complaint-managers on every user task of the main diagram, driven by the engine clock.
 */
@ProcessTest
class DeadlineEscalationProcessTest extends ProcessTestBase {

    @Autowired
    ComplainantMessages messages;

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    ComplaintStatusService statusService;

    @Autowired
    DeadlineProperties deadlineProperties;

    @Autowired
    TaskDeadlineProperties taskDeadlineProperties;

    // ------------------------------------------------------------------ revised response date

    @Test
    void missedRevisedDateEscalatesAgainAndEveryDelayNoticeCarriesTheReason() throws Exception {
        ProcessInstance instance = investigating(aPhoneComplaint().withLanguage("en"));
        Complaint complaint = staff.complaintOf(instance);

        staff.advanceAndRun(staff.dateVariable(instance, "responseDeadline"), instance.getId());
        assertThat(instance).hasPassed("End_EscalateResponseOverdue").isWaitingAt("Task_SuperviseOverdueComplaint");
        Task supervise = staff.task(instance, "Task_SuperviseOverdueComplaint");
        assertThat(supervise.getDueDate())
                .isEqualTo(Date.from(calendar.workingDaysAfter(
                        supervise.getCreateTime().toInstant(), days("Task_SuperviseOverdueComplaint"))));

        LocalDate firstRevision = calendar.addWorkingDays(today(), 3);
        supervise(instance, firstRevision, "A supplier's report we need is late; we expect it this week.");
        List<MimeMessage> notices = staff.mailsWithSubject("Your complaint " + complaint.reference());
        assertThat(bodiesOf(notices))
                .anySatisfy(body -> assertThat(body)
                        .contains(
                                "Why we need more time: A supplier's report we need is late; we expect it this week."));

        // the revised date passes while the complaint is still being investigated: a manager is asked again
        staff.advanceAndRun(Date.from(calendar.endOf(firstRevision)), instance.getId());
        assertThat(instance)
                .hasPassed("StartEvent_DeadlineRevised", "Event_RevisedDatePassed", "End_EscalateRevisedDateMissed")
                .isWaitingAt("Task_InvestigateComplaint", "Task_SuperviseOverdueComplaint");
        LocalDate secondRevision = calendar.addWorkingDays(today(), 2);
        supervise(instance, secondRevision, "The supplier's report came in incomplete; we asked for the rest.");
        assertThat(staff.task(instance, "Task_InvestigateComplaint").getDueDate())
                .isEqualTo(Date.from(calendar.endOf(secondRevision)));

        // and again, as often as it is missed
        staff.advanceAndRun(Date.from(calendar.endOf(secondRevision)), instance.getId());
        assertThat(instance).isWaitingAt("Task_InvestigateComplaint", "Task_SuperviseOverdueComplaint");
        supervise(instance, calendar.addWorkingDays(today(), 2), "The report is in; we are writing our answer.");
        assertThat(staff.eventTypes(complaint).stream().filter("DEADLINE_REVISED"::equals))
                .hasSize(3);
        List<String> bodies = bodiesOf(staff.mailsWithSubject("we need more time"));
        assertThat(bodies.stream().filter(b -> b.contains(complaint.reference())))
                .hasSize(3)
                .anySatisfy(b -> assertThat(b).contains("we asked for the rest"));

        // the answer goes out while the third revised date is watched: the stage ends, and the watch with it
        staff.complete("handler", instance, "Task_InvestigateComplaint", findings());
        staff.complete("handler", instance, "Task_ProposeResolution", proposal("not-upheld", null, null));
        staff.runDueJobsOf(instance.getId());
        assertThat(instance).hasPassed("End_ResolutionReady").isWaitingAt("Gateway_AwaitReaction");
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(instance.getId())
                        .activityId("Event_RevisedDatePassed")
                        .count())
                .isZero();
    }

    @Test
    void delayNoticeCarriesTheReasonInTheComplainantsLanguage() throws Exception {
        ProcessInstance instance = investigating(aPhoneComplaint().withLanguage("nl"));
        Complaint complaint = staff.complaintOf(instance);
        staff.advanceAndRun(staff.dateVariable(instance, "responseDeadline"), instance.getId());
        supervise(instance, calendar.addWorkingDays(today(), 5), "De leverancier moet de reparatie nog beoordelen.");

        MimeMessage notice = staff.mailsWithSubject("Uw klacht " + complaint.reference()).stream()
                .filter(m -> ProcessTestSupport.subject(m).contains("meer tijd"))
                .findFirst()
                .orElseThrow();
        assertThat(GreenMailUtil.getBody(notice).replace("=\r\n", ""))
                .contains("Waarom wij meer tijd nodig hebben: De leverancier moet de reparatie nog beoordelen.");
    }

    @Test
    void revisedDateBeyondTheMaximumExtensionOrWithoutReasonIsRefusedAndChangesNothing() {
        ProcessInstance instance = investigating(aPhoneComplaint());
        Complaint complaint = staff.complaintOf(instance);
        Date missed = staff.dateVariable(instance, "responseDeadline");
        staff.advanceAndRun(missed, instance.getId());
        String superviseTask =
                staff.task(instance, "Task_SuperviseOverdueComplaint").getId();
        int max = taskDeadlineProperties.maxExtensionDays();

        LocalDate tooLate = calendar.addWorkingDays(today(), max + 1);
        assertThatThrownBy(() -> completeSupervision(superviseTask, tooLate, "The supplier needs two months."))
                .hasRootCauseInstanceOf(InvalidInputException.class)
                .hasMessageContaining("revisedResponseDate")
                .hasMessageContaining("more than " + max + " working days ahead");
        assertThatThrownBy(() -> completeSupervision(superviseTask, calendar.addWorkingDays(today(), 2), " "))
                .hasRootCauseInstanceOf(InvalidInputException.class)
                .hasMessageContaining("delayReason");

        assertThat(instance).isWaitingAt("Task_InvestigateComplaint", "Task_SuperviseOverdueComplaint");
        assertThat(staff.dateVariable(instance, "responseDeadline")).isEqualTo(missed);
        assertThat(staff.reload(complaint).deadlineRevisedAt()).isNull();
        assertThat(staff.eventTypes(complaint)).doesNotContain("DEADLINE_REVISED");
        assertThat(staff.mailsWithSubject("we need more time")).isEmpty();

        // the last day within the maximum is accepted
        LocalDate latest = calendar.addWorkingDays(today(), max);
        staff.complete(
                "manager", instance, "Task_SuperviseOverdueComplaint", supervision(latest, "Waiting for the lab."));
        assertThat(staff.dateVariable(instance, "responseDeadline")).isEqualTo(Date.from(calendar.endOf(latest)));
    }

    // ------------------------------------------------------------------ due dates and escalation of every task

    @Test
    void everyTaskBeforeTheDecisionEscalatesToManagersWhenOverdueOnly() throws Exception {
        ProcessInstance instance = staff.startByStaff(aPhoneComplaint().startForm());
        staff.runDueJobsOf(instance.getId());
        Complaint complaint = staff.complaintOf(instance);

        Task confirm = staff.task(instance, "Task_ConfirmAssessment");
        assertThat(confirm.getDueDate()).isEqualTo(staff.dateVariable(instance, "assessmentDue"));
        escalatesWhenOverdue(instance, complaint, confirm, false);
        Map<String, Object> assess = assessInScope();
        assess.put("safetyRelevant", true);
        staff.complete("handler", instance, "Task_ConfirmAssessment", assess);

        Task immediate = staff.task(instance, "Task_TakeImmediateAction");
        assertThat(immediate.getDueDate()).isEqualTo(dueByRule(immediate));
        escalatesWhenOverdue(instance, complaint, immediate, true);
        staff.complete(
                "manager",
                instance,
                "Task_TakeImmediateAction",
                Map.of("immediateAction", "Batch 42 withdrawn from sale.", "hazardContained", true));

        messages.addInformation(complaint.reference(), "The heater smelled of burning plastic.", "web");
        Task review = staff.task(instance, "Task_ReviewAddedInformation");
        assertThat(review.getDueDate()).isEqualTo(dueByRule(review));
        // the decision table sends a safety-relevant complaint to complaint-managers: their task already
        escalatesWhenOverdue(instance, complaint, review, true);
        staff.complete(
                "manager",
                instance,
                "Task_ReviewAddedInformation",
                Map.of("informationReviewNotes", "Matches the hazard report."));
    }

    @Test
    void everyTaskAfterTheDecisionEscalatesToManagersWhenOverdue() throws Exception {
        ProcessInstance instance = awaitingReaction(proposal("not-upheld", null, null));
        Complaint complaint = staff.complaintOf(instance);

        messages.rejectDecision(complaint.reference(), "I was at home all day.");
        Task review = staff.task(instance, "Task_ReviewComplaint");
        assertThat(review.getDueDate())
                .isEqualTo(Date.from(calendar.workingDaysAfter(
                        review.getCreateTime().toInstant(), deadlineProperties.reviewDays())));
        escalatesWhenOverdue(instance, complaint, review, true);
        staff.complete(
                "manager",
                instance,
                "Task_ReviewComplaint",
                Map.of(
                        "reviewOutcome",
                        "not-upheld",
                        "reviewReasons",
                        "The delivery photo shows the parcel handed over in good condition."));
        staff.runDueJobsOf(instance.getId());

        messages.rejectDecision(complaint.reference(), "I will go to the ombudsman.");
        staff.runDueJobsOf(instance.getId());
        messages.answerExternalReferral(complaint.reference(), true, "I have filed it.");
        Task referral = staff.task(instance, "Task_RecordExternalReferral");
        assertThat(referral.getDueDate()).isEqualTo(dueByRule(referral));
        escalatesWhenOverdue(instance, complaint, referral, true);
        staff.complete(
                "manager",
                instance,
                "Task_RecordExternalReferral",
                Map.of("adrBody", "Example Board", "referredAt", today().toString(), "adrCaseReference", "ADR-9"));

        Task outcome = staff.task(instance, "Task_RecordExternalOutcome");
        assertThat(outcome.getDueDate()).isEqualTo(dueByRule(outcome));
        escalatesWhenOverdue(instance, complaint, outcome, true);
    }

    @Test
    void remedyTaskHasItsOwnDueDateAsTheCommittedDateAndEscalatesWhenOverdue() throws Exception {
        ProcessInstance instance = awaitingReaction(proposal("upheld", "Refund of the delivery fee", 12));
        Complaint complaint = staff.complaintOf(instance);
        messages.acceptDecision(complaint.reference(), null);
        Task remedy = staff.task(instance, "Task_CarryOutRemedy");
        assertThat(remedy.getDueDate()).isEqualTo(dueByRule(remedy));
        assertThat(statusService.committedDate(staff.reload(complaint)))
                .isEqualTo(remedy.getDueDate().toInstant());
        escalatesWhenOverdue(instance, complaint, remedy, false);
    }

    @Test
    void tasksCompletedInTimeAreNotEscalated() {
        ProcessInstance instance = staff.startByStaff(aPhoneComplaint().startForm());
        staff.runDueJobsOf(instance.getId());
        Complaint complaint = staff.complaintOf(instance);
        Date assessmentDue = staff.task(instance, "Task_ConfirmAssessment").getDueDate();
        assertThat(timeoutTimer(instance, "Task_ConfirmAssessment")).isNotNull();
        staff.complete("handler", instance, "Task_ConfirmAssessment", assessInScope());
        assertThat(timeoutTimer(instance, "Task_ConfirmAssessment")).isNull();

        messages.addInformation(complaint.reference(), "The order number is 1234.", "web");
        Date reviewDue = staff.task(instance, "Task_ReviewAddedInformation").getDueDate();
        staff.complete(
                "handler", instance, "Task_ReviewAddedInformation", Map.of("informationReviewNotes", "Order found."));
        assertThat(timeoutTimer(instance, "Task_ReviewAddedInformation")).isNull();

        // both due dates pass while the complaint is still being investigated
        staff.advanceAndRun(assessmentDue.after(reviewDue) ? assessmentDue : reviewDue, instance.getId());
        assertThat(instance).isWaitingAt("Task_InvestigateComplaint");
        assertThat(staff.eventTypes(complaint)).doesNotContain("TASK_OVERDUE");
        assertThat(staff.mailsWithSubject("Overdue task on complaint " + complaint.reference()))
                .isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Not before the due date; at it, the task is offered to complaint-managers as well, the managers are mailed and
     * the escalation is in the event log, once.
     */
    private void escalatesWhenOverdue(ProcessInstance instance, Complaint complaint, Task task, boolean managersTask)
            throws Exception {
        Job timer = timeoutTimer(instance, task.getTaskDefinitionKey());
        assertThat(timer)
                .as("escalation timer of " + task.getTaskDefinitionKey())
                .isNotNull();
        assertThat(timer.getDuedate()).isEqualTo(task.getDueDate());
        if (!managersTask) {
            assertThat(candidateGroups(task)).doesNotContain(StaffGroups.MANAGERS);
        }
        ClockUtil.setCurrentTime(new Date(task.getDueDate().getTime() - 60_000));
        staff.runDueJobsOf(instance.getId());
        assertThat(overdueEvents(complaint, task.getName())).isZero();

        staff.advanceAndRun(task.getDueDate(), instance.getId());
        assertThat(overdueEvents(complaint, task.getName())).isEqualTo(1);
        assertThat(staff.task(instance, task.getTaskDefinitionKey())).hasCandidateGroup(StaffGroups.MANAGERS);
        List<MimeMessage> mails = staff.mailsWithSubject("Overdue task on complaint " + complaint.reference());
        assertThat(bodiesOf(mails)).anySatisfy(body -> assertThat(body).contains("\"" + task.getName() + "\""));
        assertThat(mails.get(0).getAllRecipients()).extracting(Object::toString).contains("manager@staff.example.org");
        assertThat(timeoutTimer(instance, task.getTaskDefinitionKey())).isNull();
    }

    private List<String> candidateGroups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .map(link -> link.getGroupId())
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    private long overdueEvents(Complaint complaint, String taskName) {
        return events.list(complaint.id()).stream()
                .filter(e -> e.type().equals("TASK_OVERDUE") && e.summary().contains("'" + taskName + "'"))
                .count();
    }

    private Job timeoutTimer(ProcessInstance instance, String taskKey) {
        return management
                .createJobQuery()
                .processInstanceId(instance.getId())
                .timers()
                .activityId(taskKey)
                .singleResult();
    }

    private Date dueByRule(Task task) {
        return Date.from(
                calendar.workingDaysAfter(task.getCreateTime().toInstant(), days(task.getTaskDefinitionKey())));
    }

    private int days(String taskKey) {
        return taskDeadlineProperties.taskDays().entrySet().stream()
                .filter(e -> e.getKey().replace("_", "").equalsIgnoreCase(taskKey.replace("_", "")))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow();
    }

    private ProcessInstance investigating(org.complaints.intake.Submissions.Builder complaint) {
        ProcessInstance instance = staff.startByStaff(complaint.startForm());
        staff.runDueJobsOf(instance.getId());
        staff.complete("handler", instance, "Task_ConfirmAssessment", assessInScope());
        assertThat(instance).isWaitingAt("Task_InvestigateComplaint");
        return instance;
    }

    private ProcessInstance awaitingReaction(Map<String, Object> proposal) {
        ProcessInstance instance = investigating(aPhoneComplaint());
        staff.complete("handler", instance, "Task_InvestigateComplaint", findings());
        staff.complete("handler", instance, "Task_ProposeResolution", proposal);
        staff.runDueJobsOf(instance.getId());
        assertThat(instance).isWaitingAt("Gateway_AwaitReaction");
        return instance;
    }

    private void supervise(ProcessInstance instance, LocalDate revised, String reason) {
        staff.complete("manager", instance, "Task_SuperviseOverdueComplaint", supervision(revised, reason));
        staff.runDueJobsOf(instance.getId());
    }

    private Object completeSupervision(String taskId, LocalDate revised, String reason) {
        return staff.as("manager", () -> {
            tasks.complete(taskId, supervision(revised, reason));
            return null;
        });
    }

    private static Map<String, Object> supervision(LocalDate revised, String reason) {
        Map<String, Object> form = new HashMap<>();
        form.put("supervisionNotes", "Handler was ill; handler2 takes over.");
        form.put("revisedResponseDate", revised.toString());
        form.put("delayReason", reason);
        return form;
    }

    private static LocalDate today() {
        return ClockUtil.getCurrentTime()
                .toInstant()
                .atZone(ZoneId.of("Europe/Amsterdam"))
                .toLocalDate();
    }

    private static List<String> bodiesOf(List<MimeMessage> mails) {
        return mails.stream()
                .map(m -> GreenMailUtil.getBody(m).replace("=\r\n", ""))
                .toList();
    }
}
