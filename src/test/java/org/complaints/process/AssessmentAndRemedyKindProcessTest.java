package org.complaints.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.complaints.intake.Submissions.aPhoneComplaint;
import static org.complaints.intake.Submissions.aWebComplaint;
import static org.complaints.intake.Submissions.uniqueEmail;
import static org.complaints.process.ProcessTestSupport.assessInScope;
import static org.complaints.process.ProcessTestSupport.findings;
import static org.complaints.process.ProcessTestSupport.proposal;

import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.complaints.analysis.PerformanceReport;
import org.complaints.analysis.PerformanceReports;
import org.complaints.deadlines.WorkingDayCalendar;
import org.complaints.engine.InvalidInputException;
import org.complaints.intake.ComplainantMessages;
import org.complaints.intake.ComplaintNotOpenException;
import org.complaints.intake.IntakeService;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintStage;
import org.complaints.register.DecisionRegister;
import org.complaints.tracking.ComplaintStatusService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The initial assessment's promises (ISO 10002 7.5) and what a remedy is (7.7, 7.9), through
 * processes/complaint-handling.bpmn: the decision table evaluated again with the handler's classification, an amount
 * of money that is always explicit and named as what it is, "not a complaint" told apart from "out of scope", and
 * the open period after either.
 */
@ProcessTest
class AssessmentAndRemedyKindProcessTest extends ProcessTestBase {

    @Autowired
    DecisionRegister decisions;

    @Autowired
    IntakeService intake;

    @Autowired
    ComplainantMessages messages;

    @Autowired
    ComplaintStatusService statusService;

    @Autowired
    PerformanceReports reports;

    @Autowired
    WorkingDayCalendar calendar;

    private ProcessInstance processOf(Complaint complaint) {
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(complaint.reference())
                .singleResult();
    }

    /** A web complaint: no severity, impact or category of its own, so the table's default row at receipt. */
    private ProcessInstance webComplaintAwaitingAssessment(String language) {
        Complaint filed = intake.file(aWebComplaint()
                .withEmail(uniqueEmail())
                .withLanguage(language)
                .withProductOrService("Branch Utrecht")
                .withDescription("The assistant at the counter shouted at me in front of other customers.")
                .build());
        ProcessInstance instance = processOf(filed);
        staff.runDueJobsOf(instance.getId());
        assertThat(instance).isWaitingAt("Task_ConfirmAssessment");
        return instance;
    }

    private ProcessInstance proposing(String language) {
        ProcessInstance instance = staff.startByStaff(aPhoneComplaint()
                .withEmail(uniqueEmail())
                .withLanguage(language)
                .startForm());
        staff.runDueJobsOf(instance.getId());
        staff.complete("handler", instance, "Task_ConfirmAssessment", assessInScope());
        staff.complete("handler", instance, "Task_InvestigateComplaint", findings());
        assertThat(instance).isWaitingAt("Task_ProposeResolution");
        return instance;
    }

    private void refused(String user, ProcessInstance instance, String taskKey, Map<String, Object> form, String why) {
        String taskId = staff.task(instance, taskKey).getId();
        assertThatThrownBy(() -> staff.as(user, () -> {
                    tasks.claim(taskId, user);
                    tasks.complete(taskId, form);
                    return null;
                }))
                .satisfies(refusal -> assertThat(refusalIn(refusal))
                        .as("an InvalidInputException, which Tasklist shows as 400 on the form")
                        .isNotNull()
                        .hasMessageContaining(why));
        assertThat(instance).isWaitingAt(taskKey);
    }

    /** The refusal itself or, from a task listener, the cause the engine wrapped it in (the REST API unwraps it). */
    private static InvalidInputException refusalIn(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof InvalidInputException refusal) {
                return refusal;
            }
        }
        return null;
    }

    private static String body(MimeMessage message) throws Exception {
        return (String) message.getContent();
    }

    // ------------------------------------------------------------------ decision table with the handler's
    // classification

    @Test
    void aWebComplaintReclassifiedAsStaffConductGoesToManagersAndNeedsApproval() {
        ProcessInstance instance = webComplaintAwaitingAssessment("en");
        Complaint received = staff.complaintOf(instance);
        assertThat(received.priority()).as("default row at receipt").isEqualTo("normal");
        assertThat(received.handlingGroup()).isEqualTo("complaint-handlers");
        assertThat(staff.task(instance, "Task_ConfirmAssessment")).hasCandidateGroup("complaint-handlers");

        Map<String, Object> assess = assessInScope();
        assess.put("severity", "high");
        assess.put("category", "staff-conduct");
        staff.complete("handler", instance, "Task_ConfirmAssessment", assess);

        Complaint assessed = staff.reload(received);
        assertThat(assessed.priority()).isEqualTo("high");
        assertThat(assessed.handlingGroup()).isEqualTo("complaint-managers");
        assertThat(runtime.getVariable(instance.getId(), "handlingGroup")).isEqualTo("complaint-managers");
        assertThat(staff.task(instance, "Task_InvestigateComplaint")).hasCandidateGroup("complaint-managers");
        // 10 instead of 15 working days: the committed date comes forward, never later
        assertThat(assessed.responseDeadline())
                .isEqualTo(calendar.workingDaysAfter(received.receivedAt(), 10))
                .isBefore(received.responseDeadline());
        assertThat(events.list(received.id()))
                .anySatisfy(e -> assertThat(e.detail())
                        .contains("priority high, 10 working days, handling group complaint-managers")
                        .contains("brought forward"));

        staff.complete("manager", instance, "Task_InvestigateComplaint", findings());
        staff.complete("manager", instance, "Task_ProposeResolution", proposal("not-upheld", null, null));
        assertThat(instance).isWaitingAt("Task_ApproveResolution");
    }

    @Test
    void theHandlersExplicitOverrideStillWinsOverTheReEvaluatedTable() {
        ProcessInstance instance = webComplaintAwaitingAssessment("nl");
        Complaint received = staff.complaintOf(instance);
        Map<String, Object> assess = assessInScope();
        assess.put("severity", "high");
        assess.put("category", "staff-conduct");
        assess.putAll(Map.of(
                "overrideAssessment",
                true,
                "priorityOverride",
                "low",
                "handlingGroupOverride",
                "complaint-handlers",
                "overrideReason",
                "A misunderstanding about opening hours, not conduct"));
        staff.complete("handler", instance, "Task_ConfirmAssessment", assess);

        Complaint assessed = staff.reload(received);
        assertThat(assessed.priority()).isEqualTo("low");
        assertThat(assessed.handlingGroup()).isEqualTo("complaint-handlers");
        assertThat(staff.task(instance, "Task_InvestigateComplaint")).hasCandidateGroup("complaint-handlers");
        assertThat(events.list(received.id()))
                .anySatisfy(e -> assertThat(e.summary()).contains("(rule result overridden)"))
                .anySatisfy(e -> assertThat(e.detail())
                        .contains("handling group complaint-managers")
                        .contains("Override reason: A misunderstanding"));
        staff.complete("handler", instance, "Task_InvestigateComplaint", findings());
        staff.complete("handler", instance, "Task_ProposeResolution", proposal("not-upheld", null, null));
        assertThat(instance).as("low priority, no money: no approval").isWaitingAt("Task_CommunicateDecision");
    }

    // ------------------------------------------------------------------ money made explicit

    @Test
    void moneyNeedsItsKindAndAmountAndAnAmountInTheTextAloneIsRefused() {
        ProcessInstance instance = proposing("en");
        Complaint complaint = staff.complaintOf(instance);

        Map<String, Object> refundWithoutAmount = proposal("upheld", "We refund the parcel.", null);
        refundWithoutAmount.put("remedyKind", "refund");
        refused("handler", instance, "Task_ProposeResolution", refundWithoutAmount, "monetaryRemedy");

        Map<String, Object> amountWithoutMoneyKind = proposal("upheld", "A new parcel.", 649);
        amountWithoutMoneyKind.put("remedyKind", "replacement-repair");
        refused("handler", instance, "Task_ProposeResolution", amountWithoutMoneyKind, "remedyKind");

        Map<String, Object> amountOnlyInText = proposal("upheld", "We pay you EUR 649 for the damaged goods.", null);
        amountOnlyInText.put("remedyKind", "apology-other");
        refused("handler", instance, "Task_ProposeResolution", amountOnlyInText, "names an amount of money");

        Map<String, Object> amountInTextAsEuroSign = proposal("upheld", "A gesture of 649 € for the trouble.", null);
        amountInTextAsEuroSign.put("remedyKind", "none");
        refused("handler", instance, "Task_ProposeResolution", amountInTextAsEuroSign, "names an amount of money");
        assertThat(staff.eventTypes(complaint)).doesNotContain("PROPOSED");

        Map<String, Object> explicit = proposal("upheld", "We replace the damaged goods.", 649);
        explicit.put("remedyKind", "compensation");
        staff.complete("handler", instance, "Task_ProposeResolution", explicit);
        assertThat(instance).as("EUR 649 is above the limit of 500").isWaitingAt("Task_ApproveResolution");
        assertThat(decisions.get(complaint.id(), 1).remedyKind()).isEqualTo("compensation");
    }

    @Test
    void aReviewDecisionsMoneyIsExplicitToo() {
        ProcessInstance instance = proposing("en");
        Complaint complaint = staff.complaintOf(instance);
        staff.complete("handler", instance, "Task_ProposeResolution", proposal("not-upheld", null, null));
        staff.runDueJobsOf(instance.getId());
        messages.rejectDecision(complaint.reference(), "Please look again.");
        assertThat(instance).isWaitingAt("Task_ReviewComplaint");

        Map<String, Object> review = new java.util.HashMap<>(Map.of(
                "reviewOutcome",
                "upheld",
                "reviewRemedy",
                "A goodwill gesture for the trouble.",
                "reviewRemedyKind",
                "goodwill",
                "reviewReasons",
                "The courier's photo shows the parcel left in the rain."));
        refused("manager", instance, "Task_ReviewComplaint", review, "reviewMonetaryRemedy");
        review.put("reviewRemedyKind", "apology-other");
        review.put("reviewRemedy", "We send you 25 euro as a goodwill gesture.");
        refused("manager", instance, "Task_ReviewComplaint", review, "reviewRemedy");
        review.put("reviewMonetaryRemedy", 25);
        refused("manager", instance, "Task_ReviewComplaint", review, "reviewRemedyKind");
        review.put("reviewRemedyKind", "goodwill");
        staff.complete("manager", instance, "Task_ReviewComplaint", review);
        assertThat(decisions.get(complaint.id(), 2).remedyKind()).isEqualTo("goodwill");
    }

    @Test
    void theComplainantIsToldWhetherTheMoneyIsARefundACompensationOrAGoodwillGesture() throws Exception {
        ProcessInstance turkish = proposing("tr");
        Map<String, Object> refund = proposal("partly-upheld", "Ürünü değiştiriyoruz.", 49);
        refund.put("remedyKind", "refund");
        staff.complete("handler", turkish, "Task_ProposeResolution", refund);
        staff.runDueJobsOf(turkish.getId());
        Complaint turkishComplaint = staff.complaintOf(turkish);
        String turkishMail = body(staff.mailsWithSubject(turkishComplaint.reference()).stream()
                .filter(m -> ProcessTestSupport.subject(m).contains("karar"))
                .findFirst()
                .orElseThrow());
        assertThat(turkishMail).contains("Geri ödeme: EUR 49").doesNotContain("Tazminat");
        assertThat(statusService.status(turkishComplaint).decision().moneyLabelKey())
                .isEqualTo("page.status.money.refund");

        ProcessInstance dutch = proposing("nl");
        Map<String, Object> goodwill = proposal("upheld", "Wij bieden onze excuses aan.", 25);
        goodwill.put("remedyKind", "goodwill");
        staff.complete("handler", dutch, "Task_ProposeResolution", goodwill);
        staff.runDueJobsOf(dutch.getId());
        Complaint dutchComplaint = staff.complaintOf(dutch);
        List<MimeMessage> dutchMails = staff.mailsWithSubject(dutchComplaint.reference());
        assertThat(dutchMails)
                .anySatisfy(m -> assertThat(body(m))
                        .contains("Tegemoetkoming uit coulance: EUR 25")
                        .doesNotContain("Vergoeding:"));
    }

    // ------------------------------------------------------------------ not a complaint, out of scope, the open period

    private PerformanceReport.Totals totalsToday() {
        LocalDate today = LocalDate.now(reports.zone());
        return reports.report(reports.period(today.minusDays(1).toString(), today.toString()))
                .totals();
    }

    private ProcessInstance answeredAsNotInScope(String scopeDecision, String language) {
        ProcessInstance instance = staff.startByStaff(aPhoneComplaint()
                .withEmail(uniqueEmail())
                .withLanguage(language)
                .startForm());
        staff.runDueJobsOf(instance.getId());
        Map<String, Object> assess = assessInScope();
        assess.put("scopeDecision", scopeDecision);
        assess.put("notComplaintKind", "suggestion");
        assess.put("scopeReason", "Thank you: we pass your idea for longer opening hours to the branch manager.");
        staff.complete("handler", instance, "Task_ConfirmAssessment", assess);
        staff.runDueJobsOf(instance.getId());
        assertThat(instance).isWaitingAt("Gateway_AwaitScopeReaction");
        return instance;
    }

    @Test
    void notAComplaintIsAnsweredWithItsOwnLetterClosedWithItsOwnReasonAndCountedApart() throws Exception {
        PerformanceReport.Totals before = totalsToday();
        ProcessInstance notAComplaint = answeredAsNotInScope("not-a-complaint", "nl");
        ProcessInstance outOfScope = answeredAsNotInScope("out-of-scope", "nl");
        PerformanceReport.Totals after = totalsToday();
        assertThat(after.notAComplaint() - before.notAComplaint()).isEqualTo(1);
        assertThat(after.outOfScope() - before.outOfScope()).isEqualTo(1);

        Complaint suggestion = staff.complaintOf(notAComplaint);
        MimeMessage letter = staff.mailsWithSubject(suggestion.reference()).stream()
                .filter(m -> ProcessTestSupport.subject(m).contains("geen klacht"))
                .findFirst()
                .orElseThrow();
        assertThat(body(letter))
                .contains("het is geen klacht maar een suggestie")
                .contains("longer opening hours")
                .contains("U kunt tot ");
        Complaint other = staff.complaintOf(outOfScope);
        assertThat(staff.mailsWithSubject(other.reference()))
                .anySatisfy(m -> assertThat(ProcessTestSupport.subject(m)).contains("valt buiten"));

        staff.advanceAndRun(staff.dateVariable(notAComplaint, "scopeOpenUntil"), notAComplaint.getId());
        assertThat(notAComplaint).isEnded().hasPassed("Event_OpenPeriodEnded", "End_ClosedOutOfScope");
        assertThat(staff.reload(suggestion).closureReason()).isEqualTo("NOT_A_COMPLAINT");
        assertThat(staff.reload(suggestion).responseSlaMet()).isTrue();
        assertThatThrownBy(() -> messages.addInformation(suggestion.reference(), "One more idea.", "web"))
                .isInstanceOf(ComplaintNotOpenException.class)
                .hasMessageContaining("is already closed (NOT_A_COMPLAINT)");
        assertThat(outOfScope).isWaitingAt("Gateway_AwaitScopeReaction");
    }

    @Test
    void aDisagreementInTheOpenPeriodReachesAManagerWhoSendsItBackToAssessment() {
        ProcessInstance instance = answeredAsNotInScope("out-of-scope", "en");
        Complaint complaint = staff.complaintOf(instance);
        // the status shows the open period: its own stage, and its end as the date to react by
        Complaint answered = staff.reload(complaint);
        assertThat(answered.stage()).isEqualTo(ComplaintStage.SCOPE_DECIDED);
        assertThat(statusService.committedDate(answered))
                .isEqualTo(staff.dateVariable(instance, "scopeOpenUntil").toInstant());
        assertThat(statusService.status(answered).nextStep()).contains("if you disagree");
        messages.addInformation(complaint.reference(), "I disagree: I bought it from you, see the receipt.", "web");

        assertThat(instance).isWaitingAt("Task_ReviewScopeReaction");
        assertThat(runtime.createExecutionQuery()
                        .processInstanceId(instance.getId())
                        .activityId("Task_ReviewAddedInformation")
                        .count())
                .as("not the handlers' review of added information")
                .isZero();
        Task review = staff.task(instance, "Task_ReviewScopeReaction");
        assertThat(review).hasCandidateGroup("complaint-managers");
        assertThat(review.getDueDate()).isNotNull().isAfter(ClockUtil.getCurrentTime());
        assertThat(runtime.getVariable(instance.getId(), "addedInformation"))
                .asString()
                .contains("see the receipt");

        refused(
                "manager",
                instance,
                "Task_ReviewScopeReaction",
                Map.of("scopeReviewDecision", "reassess"),
                "scopeReviewNotes");
        staff.complete(
                "manager",
                instance,
                "Task_ReviewScopeReaction",
                Map.of("scopeReviewDecision", "reassess", "scopeReviewNotes", "The receipt shows our own shop."));
        assertThat(instance).isWaitingAt("Task_ConfirmAssessment");
        assertThat(staff.eventTypes(complaint)).contains("SCOPE_REVIEWED");
        assertThat(staff.reload(complaint).stage()).isEqualTo(ComplaintStage.ASSESSMENT);

        staff.complete("handler", instance, "Task_ConfirmAssessment", assessInScope());
        assertThat(instance).isWaitingAt("Task_InvestigateComplaint");
        assertThat(staff.reload(complaint).inScope()).isTrue();
        assertThat(staff.reload(complaint).isClosed()).isFalse();
    }

    @Test
    void aManagerWhoConfirmsTheClosureClosesItAndLaterMessagesAreRefusedAsClosed() {
        ProcessInstance instance = answeredAsNotInScope("out-of-scope", "et");
        Complaint complaint = staff.complaintOf(instance);
        assertThat(staff.reload(complaint).isClosed())
                .as("open during the period")
                .isFalse();
        messages.addInformation(complaint.reference(), "I do not agree with this.", "web");
        staff.complete(
                "manager",
                instance,
                "Task_ReviewScopeReaction",
                Map.of("scopeReviewDecision", "confirm", "scopeReviewNotes", "The product is sold by another firm."));
        assertThat(instance).isEnded().hasPassed("Gateway_ScopeReviewed", "Task_CloseOutOfScope");
        assertThat(staff.reload(complaint).closureReason()).isEqualTo("OUT_OF_SCOPE");
        assertThatThrownBy(() -> messages.addInformation(complaint.reference(), "Still no.", "web"))
                .isInstanceOf(ComplaintNotOpenException.class)
                .hasMessageContaining("is already closed (OUT_OF_SCOPE)");
    }
}
