package org.complaints.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.complaints.intake.Submissions.aPhoneComplaint;
import static org.complaints.intake.Submissions.uniqueEmail;
import static org.complaints.process.ProcessTestSupport.assessInScope;
import static org.complaints.process.ProcessTestSupport.findings;
import static org.complaints.process.ProcessTestSupport.proposal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.complaints.deadlines.WorkingDayCalendar;
import org.complaints.engine.InvalidInputException;
import org.complaints.engine.authorization.EngineAuthority;
import org.complaints.intake.ComplainantMessages;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintEvent;
import org.complaints.register.DecisionRegister;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The user tasks whose result has consequences hand it to the Record service task directly after them
 * (docs/process-owners.md, "Recording a task's result"): the scope review, the supervision of an overdue complaint,
 * the external referral and both approvals. Each test shows the event written once, by the Record task, in the
 * transaction that completes the user task: a refused completion (by the Record task or by a check before it, four
 * eyes included) leaves the task open and writes nothing.
 */
@ProcessTest
class RecordTasksProcessTest extends ProcessTestBase {

    @Autowired
    ComplainantMessages messages;

    @Autowired
    DecisionRegister decisions;

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    EngineAuthority authority;

    // ------------------------------------------------------------------ scope review

    @Test
    void theScopeReviewIsRecordedByItsRecordTaskAndARefusedAnswerRecordsNothing() {
        ProcessInstance instance =
                staff.startByStaff(aPhoneComplaint().withEmail(uniqueEmail()).startForm());
        staff.runDueJobsOf(instance.getId());
        Map<String, Object> assess = assessInScope();
        assess.put("scopeDecision", "out-of-scope");
        assess.put("notComplaintKind", "suggestion");
        assess.put("scopeReason", "We do not sell this product; the shop that does is named in our letter.");
        staff.complete("handler", instance, "Task_ConfirmAssessment", assess);
        staff.runDueJobsOf(instance.getId());
        Complaint complaint = staff.complaintOf(instance);
        messages.addInformation(complaint.reference(), "I disagree: the receipt is from your shop.", "web");
        assertThat(instance).isWaitingAt("Task_ReviewScopeReaction");

        InvalidInputException refused = refusal(
                "manager",
                instance,
                "Task_ReviewScopeReaction",
                Map.of("scopeReviewDecision", "reassess", "scopeReviewNotes", "short"));
        assertThat(refused).hasMessageContaining("scopeReviewNotes");
        assertThat(instance).isWaitingAt("Task_ReviewScopeReaction").hasNotPassed("Task_RecordScopeReview");
        assertThat(staff.eventTypes(complaint)).doesNotContain("SCOPE_REVIEWED");

        staff.complete(
                "manager",
                instance,
                "Task_ReviewScopeReaction",
                Map.of("scopeReviewDecision", "reassess", "scopeReviewNotes", "The receipt shows our own shop."));
        assertThat(instance).hasPassed("Task_RecordScopeReview").isWaitingAt("Task_ConfirmAssessment");
        assertThat(only(complaint, "SCOPE_REVIEWED"))
                .satisfies(e -> assertThat(e.actor()).isEqualTo("manager"))
                .satisfies(e ->
                        assertThat(e.summary()).isEqualTo("Sent back to assessment after the complainant's reaction"))
                .satisfies(e -> assertThat(e.detail()).isEqualTo("The receipt shows our own shop."));
        assertRecordedOnlyByItsRecordTask(complaint, "Task_ReviewScopeReaction");
    }

    // ------------------------------------------------------------------ supervision of an overdue complaint

    @Test
    void theRevisedDateIsRecordedByItsRecordTaskAndARefusedDateRecordsNothing() {
        ProcessInstance instance = investigating();
        Complaint complaint = staff.complaintOf(instance);
        Date missed = staff.dateVariable(instance, "responseDeadline");
        staff.advanceAndRun(missed, instance.getId());
        assertThat(instance).isWaitingAt("Task_InvestigateComplaint", "Task_SuperviseOverdueComplaint");

        // refused by the check before the Record task: the completion is rolled back with everything
        String superviseTask =
                staff.task(instance, "Task_SuperviseOverdueComplaint").getId();
        assertThatThrownBy(() -> staff.as("manager", () -> {
                    tasks.complete(superviseTask, supervision(today().minusDays(1)));
                    return null;
                }))
                .hasRootCauseInstanceOf(InvalidInputException.class)
                .hasMessageContaining("revisedResponseDate");
        assertThat(instance)
                .isWaitingAt("Task_InvestigateComplaint", "Task_SuperviseOverdueComplaint")
                .hasNotPassed("Task_RecordSupervision");
        assertThat(staff.eventTypes(complaint)).doesNotContain("DEADLINE_REVISED");
        assertThat(staff.dateVariable(instance, "responseDeadline")).isEqualTo(missed);
        assertThat(staff.reload(complaint).deadlineRevisedAt()).isNull();

        LocalDate revised = calendar.addWorkingDays(today(), 3);
        staff.complete("manager", instance, "Task_SuperviseOverdueComplaint", supervision(revised));
        Date due = Date.from(calendar.endOf(revised));
        assertThat(instance)
                .hasPassed("Task_RecordSupervision", "StartEvent_DeadlineRevised")
                .isWaitingAt("Task_InvestigateComplaint", "Task_SendDelayNotice");
        assertThat(only(complaint, "DEADLINE_REVISED"))
                .satisfies(e -> assertThat(e.actor()).isEqualTo("manager"))
                .satisfies(
                        e -> assertThat(e.summary()).startsWith("Overdue complaint supervised; revised response date"))
                .satisfies(e -> assertThat(e.detail())
                        .contains("Reason given to the complainant: The supplier's report we need is late."));
        assertThat(staff.dateVariable(instance, "responseDeadline")).isEqualTo(due);
        // the task that was due at the missed date moved with it
        assertThat(staff.task(instance, "Task_InvestigateComplaint").getDueDate())
                .isEqualTo(due);
        assertRecordedOnlyByItsRecordTask(complaint, "Task_SuperviseOverdueComplaint");
    }

    // ------------------------------------------------------------------ external referral

    @Test
    void theReferralIsRecordedByItsRecordTaskAndARefusedReferralRecordsNothing() {
        ProcessInstance instance = decided("handler", proposal("not-upheld", null, null), null);
        Complaint complaint = staff.complaintOf(instance);
        messages.rejectDecision(complaint.reference(), "Please look again.");
        staff.complete("manager", instance, "Task_ReviewComplaint", review(null));
        staff.runDueJobsOf(instance.getId());
        messages.rejectDecision(complaint.reference(), "I still do not agree.");
        staff.runDueJobsOf(instance.getId());
        messages.answerExternalReferral(complaint.reference(), true, "I have filed it.");
        assertThat(instance).isWaitingAt("Task_RecordExternalReferral");

        InvalidInputException refused =
                refusal("manager", instance, "Task_RecordExternalReferral", Map.of("adrCaseReference", "ADR-7"));
        assertThat(refused).hasMessageContaining("adrBody").hasMessageContaining("referredAt");
        assertThat(instance).isWaitingAt("Task_RecordExternalReferral").hasNotPassed("Task_RecordReferralDetails");
        assertThat(staff.eventTypes(complaint)).doesNotContain("EXTERNAL_REFERRAL");
        assertThat(staff.reload(complaint).externalReferral()).isFalse();

        staff.complete(
                "manager",
                instance,
                "Task_RecordExternalReferral",
                Map.of("adrBody", "Example Board", "referredAt", "2026-12-01", "adrCaseReference", "ADR-7"));
        assertThat(instance).hasPassed("Task_RecordReferralDetails").isWaitingAt("Task_RecordExternalOutcome");
        assertThat(only(complaint, "EXTERNAL_REFERRAL"))
                .satisfies(e -> assertThat(e.actor()).isEqualTo("manager"))
                .satisfies(
                        e -> assertThat(e.summary()).isEqualTo("Referred to Example Board on 2026-12-01 (case ADR-7)"));
        assertThat(staff.reload(complaint).externalReferral()).isTrue();
        assertRecordedOnlyByItsRecordTask(complaint, "Task_RecordExternalReferral");
    }

    // ------------------------------------------------------------------ approvals

    @Test
    void theApprovalIsRecordedByItsRecordTaskAndTheProposersOwnApprovalRecordsNothing() {
        ProcessInstance instance =
                staff.startByStaff(aPhoneComplaint().withEmail(uniqueEmail()).startForm());
        staff.runDueJobsOf(instance.getId());
        Complaint complaint = staff.complaintOf(instance);
        staff.complete("manager", instance, "Task_ConfirmAssessment", assessInScope());
        staff.complete("manager", instance, "Task_InvestigateComplaint", findings());
        staff.complete("manager", instance, "Task_ProposeResolution", proposal("upheld", "Full refund", 900));
        assertThat(instance).isWaitingAt("Task_ApproveResolution");
        String approval = staff.task(instance, "Task_ApproveResolution").getId();

        // the proposer past the authorization (as a client without it would be): the four-eyes check refuses
        assertThatThrownBy(() -> staff.as(
                        "manager",
                        () -> authority.withoutAuthorization(() -> {
                            tasks.complete(approval, Map.of("approvalDecision", "approve"));
                            return null;
                        })))
                .hasRootCauseInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Four-eyes principle: manager proposed this resolution and cannot approve it");
        approvalRecordedNothing(instance, complaint, "Task_ApproveResolution", "Task_RecordApproval");
        assertThat(decisions.get(complaint.id(), 1).approvedBy()).isNull();

        // an answer that is neither approve nor return is refused by the Record task, also without a trace
        InvalidInputException refused =
                refusal("demo", instance, "Task_ApproveResolution", Map.of("approvalDecision", "maybe"));
        assertThat(refused).hasMessageContaining("approvalDecision: choose approve or return");
        approvalRecordedNothing(instance, complaint, "Task_ApproveResolution", "Task_RecordApproval");

        staff.complete("demo", instance, "Task_ApproveResolution", Map.of("approvalDecision", "approve"));
        assertThat(instance).hasPassed("Task_RecordApproval").isWaitingAt("Task_CommunicateDecision");
        assertThat(only(complaint, "APPROVED"))
                .satisfies(e -> assertThat(e.actor()).isEqualTo("demo"))
                .satisfies(e -> assertThat(e.summary()).isEqualTo("Proposed resolution approved"));
        assertThat(decisions.get(complaint.id(), 1).approvedBy()).isEqualTo("demo");
        assertRecordedOnlyByItsRecordTask(complaint, "Task_ApproveResolution");
    }

    @Test
    void theReviewApprovalIsRecordedByItsRecordTaskAndTheReviewersOwnApprovalRecordsNothing() {
        ProcessInstance instance = decided("handler", proposal("not-upheld", null, null), null);
        Complaint complaint = staff.complaintOf(instance);
        messages.rejectDecision(complaint.reference(), "A refund at least.");
        staff.complete("demo", instance, "Task_ReviewComplaint", review(6000));
        assertThat(instance).isWaitingAt("Task_ApproveReviewDecision");
        String approval = staff.task(instance, "Task_ApproveReviewDecision").getId();

        assertThatThrownBy(() -> staff.as(
                        "demo",
                        () -> authority.withoutAuthorization(() -> {
                            tasks.complete(approval, Map.of("approvalDecision", "approve"));
                            return null;
                        })))
                .hasRootCauseInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Four-eyes principle: demo made this review decision and cannot approve it");
        approvalRecordedNothing(instance, complaint, "Task_ApproveReviewDecision", "Task_RecordReviewApproval");
        assertThat(decisions.latestDecided(complaint.id()).orElseThrow().round())
                .isEqualTo(1);

        // a return without saying what needs rework is refused by the Record task
        InvalidInputException refused =
                refusal("manager", instance, "Task_ApproveReviewDecision", Map.of("approvalDecision", "return"));
        assertThat(refused).hasMessageContaining("approvalComment");
        approvalRecordedNothing(instance, complaint, "Task_ApproveReviewDecision", "Task_RecordReviewApproval");

        staff.complete("manager", instance, "Task_ApproveReviewDecision", Map.of("approvalDecision", "approve"));
        assertThat(instance).hasPassed("Task_RecordReviewApproval").isWaitingAt("Task_CommunicateDecision");
        assertThat(only(complaint, "APPROVED"))
                .satisfies(e -> assertThat(e.actor()).isEqualTo("manager"))
                .satisfies(e -> assertThat(e.summary()).isEqualTo("Internal review decision approved"));
        assertThat(decisions.get(complaint.id(), 2).approvedBy()).isEqualTo("manager");
        assertThat(decisions.latestDecided(complaint.id()).orElseThrow().round())
                .isEqualTo(2);
        assertThat(staff.eventTypes(complaint)).contains("REVIEW_DECIDED");
        assertRecordedOnlyByItsRecordTask(complaint, "Task_ApproveReviewDecision");
    }

    // ------------------------------------------------------------------ helpers

    private void approvalRecordedNothing(
            ProcessInstance instance, Complaint complaint, String approvalTask, String recordTask) {
        assertThat(instance).isWaitingAt(approvalTask).hasNotPassed(recordTask);
        assertThat(staff.eventTypes(complaint)).doesNotContain("APPROVED", "RETURNED");
        assertThat(runtime.getVariable(instance.getId(), "approved")).isNull();
    }

    /** The Record task wrote its event, so the engine-wide recorder wrote no TASK_COMPLETED for the user task. */
    private void assertRecordedOnlyByItsRecordTask(Complaint complaint, String userTask) {
        assertThat(events.list(complaint.id()))
                .filteredOn(e -> "TASK_COMPLETED".equals(e.type()))
                .extracting(e -> e.origin().taskDefinitionKey())
                .doesNotContain(userTask);
    }

    private ComplaintEvent only(Complaint complaint, String type) {
        List<ComplaintEvent> found = events.list(complaint.id()).stream()
                .filter(e -> e.type().equals(type))
                .toList();
        assertThat(found).as(type + " written once").hasSize(1);
        return found.get(0);
    }

    /**
     * Claims and completes the task as {@code user}, expecting a readable refusal: the refusal itself from a Record
     * task, or the cause the engine wrapped it in from a check (the REST API unwraps both). The task stays claimed.
     */
    private InvalidInputException refusal(
            String user, ProcessInstance instance, String taskKey, Map<String, Object> form) {
        String taskId = staff.task(instance, taskKey).getId();
        Throwable thrown = catchThrowable(() -> staff.as(user, () -> {
            tasks.claim(taskId, user);
            tasks.complete(taskId, form);
            return null;
        }));
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof InvalidInputException refusal) {
                return refusal;
            }
        }
        throw new AssertionError("expected a readable refusal of " + taskKey + ", got " + thrown, thrown);
    }

    private ProcessInstance investigating() {
        ProcessInstance instance =
                staff.startByStaff(aPhoneComplaint().withEmail(uniqueEmail()).startForm());
        staff.runDueJobsOf(instance.getId());
        staff.complete("handler", instance, "Task_ConfirmAssessment", assessInScope());
        assertThat(instance).isWaitingAt("Task_InvestigateComplaint");
        return instance;
    }

    /** Assessed, investigated and proposed by {@code handler}, approved by {@code approver} where required. */
    private ProcessInstance decided(String handler, Map<String, Object> proposal, String approver) {
        ProcessInstance instance =
                staff.startByStaff(aPhoneComplaint().withEmail(uniqueEmail()).startForm());
        staff.runDueJobsOf(instance.getId());
        staff.complete(handler, instance, "Task_ConfirmAssessment", assessInScope());
        staff.complete(handler, instance, "Task_InvestigateComplaint", findings());
        staff.complete(handler, instance, "Task_ProposeResolution", proposal);
        if (approver != null) {
            staff.complete(approver, instance, "Task_ApproveResolution", Map.of("approvalDecision", "approve"));
        }
        staff.runDueJobsOf(instance.getId());
        assertThat(instance).isWaitingAt("Gateway_AwaitReaction");
        return instance;
    }

    /** An internal review decision; with an amount, a compensation that needs approval above the limit. */
    private static Map<String, Object> review(Number amount) {
        Map<String, Object> review = new HashMap<>();
        review.put("reviewOutcome", amount == null ? "not-upheld" : "upheld");
        review.put("reviewRemedy", amount == null ? null : "Refund and compensation");
        review.put("reviewMonetaryRemedy", amount);
        review.put("reviewRemedyKind", amount == null ? "none" : "compensation");
        review.put("reviewReasons", "The delivery records were checked again against the courier's photos.");
        return review;
    }

    private static Map<String, Object> supervision(LocalDate revised) {
        Map<String, Object> form = new HashMap<>();
        form.put("supervisionNotes", "Handler was ill; handler2 takes over.");
        form.put("revisedResponseDate", revised.toString());
        form.put("delayReason", "The supplier's report we need is late.");
        return form;
    }

    private static LocalDate today() {
        return ClockUtil.getCurrentTime()
                .toInstant()
                .atZone(ZoneId.of("Europe/Amsterdam"))
                .toLocalDate();
    }
}
