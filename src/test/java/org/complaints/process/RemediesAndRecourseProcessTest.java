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
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.complaints.engine.InvalidInputException;
import org.complaints.intake.ComplainantMessages;
import org.complaints.intake.ComplaintNotOpenException;
import org.complaints.intake.DecisionAlreadyAnsweredException;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintEvent;
import org.complaints.register.ComplaintStage;
import org.complaints.register.DecisionRegister;
import org.complaints.tracking.ComplaintStatus;
import org.complaints.tracking.ComplaintStatusService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The promises of ISO 10002 7.9 on the late and negative paths of processes/complaint-handling.bpmn: an independent
 * internal reviewer, four eyes on the review decision, a promised remedy carried out whatever way the decision came
 * to stand, and the ISO 10003 step after a second rejection (asked, answered or not, referral and outcome recorded).
 */
@ProcessTest
class RemediesAndRecourseProcessTest extends ProcessTestBase {

    @Autowired
    DecisionRegister decisions;

    @Autowired
    ComplainantMessages messages;

    @Autowired
    ComplaintStatusService statusService;

    /** Assessed and investigated by {@code handler}, proposed by them and, where required, approved. */
    private ProcessInstance decided(String handler, Map<String, Object> proposal, String approver) {
        ProcessInstance instance = staff.startByStaff(aPhoneComplaint().startForm());
        staff.runDueJobs();
        staff.complete(handler, instance, "Task_ConfirmAssessment", assessInScope());
        staff.complete(handler, instance, "Task_InvestigateComplaint", findings());
        staff.complete(handler, instance, "Task_ProposeResolution", proposal);
        if (approver != null) {
            staff.complete(approver, instance, "Task_ApproveResolution", Map.of("approvalDecision", "approve"));
        }
        staff.runDueJobs();
        assertThat(instance).isWaitingAt("Gateway_AwaitReaction");
        return instance;
    }

    private static Map<String, Object> review(String outcome, String remedy, Number amount) {
        Map<String, Object> review = new java.util.HashMap<>();
        review.put("reviewOutcome", outcome);
        review.put("reviewRemedy", remedy);
        review.put("reviewMonetaryRemedy", amount);
        review.put("reviewRemedyKind", amount != null ? "compensation" : remedy != null ? "apology-other" : "none");
        review.put("reviewReasons", "The delivery records were checked again against the courier's photos.");
        return review;
    }

    /** Rejected, reviewed by {@code manager} without a remedy, rejected again: the ISO 10003 question is sent. */
    private ProcessInstance askedAboutExternalReferral() {
        ProcessInstance instance = decided("handler", proposal("not-upheld", null, null), null);
        Complaint complaint = staff.complaintOf(instance);
        messages.rejectDecision(complaint.reference(), "Please look again.");
        staff.complete("manager", instance, "Task_ReviewComplaint", review("not-upheld", null, null));
        staff.runDueJobs();
        messages.rejectDecision(complaint.reference(), "I still do not agree.");
        assertThat(instance).isWaitingAt("Task_OfferExternalReferral");
        staff.runDueJobs();
        assertThat(instance).isWaitingAt("Gateway_AwaitReferralAnswer");
        return instance;
    }

    private String closureNotice(Complaint complaint) {
        List<MimeMessage> notices = staff.mailsWithSubject("Your complaint " + complaint.reference() + " is closed");
        assertThat(notices).hasSize(1);
        return GreenMailUtil.getBody(notices.get(0)).replaceAll("=\r?\n", "");
    }

    private ComplaintEvent event(Complaint complaint, String type) {
        return events.list(complaint.id()).stream()
                .filter(e -> e.type().equals(type))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no event " + type));
    }

    // ------------------------------------------------------------------ independence and four eyes

    @Test
    void theApproverOfTheFirstDecisionIsExcludedFromTheReviewAndAReviewAboveTheLimitNeedsApproval() {
        ProcessInstance instance = decided("handler", proposal("upheld", "Replacement of the parcel", 900), "manager");
        Complaint complaint = staff.complaintOf(instance);
        messages.rejectDecision(complaint.reference(), "A replacement is not enough.");
        assertThat(instance).isWaitingAt("Task_ReviewComplaint");
        String reviewTask = staff.task(instance, "Task_ReviewComplaint").getId();

        // the approver of the first decision is neither offered nor given the review, with the reason
        assertThat(staff.as(
                        "manager",
                        () -> tasks.createTaskQuery().taskId(reviewTask).count()))
                .isZero();
        assertThatThrownBy(() -> staff.as("manager", () -> {
                    tasks.claim(reviewTask, "manager");
                    return null;
                }))
                .isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> staff.as("demo", () -> {
                    tasks.setAssignee(reviewTask, "manager");
                    return null;
                }))
                .hasRootCauseInstanceOf(InvalidInputException.class)
                .hasMessageContaining(
                        "Independent review: manager handled this complaint before (approved the decision)");
        assertThatThrownBy(() -> staff.as("demo", () -> {
                    tasks.setAssignee(reviewTask, "handler");
                    return null;
                }))
                .hasMessageContaining("handler handled this complaint before (assessed, investigated, proposed");
        assertThat(event(complaint, "REVIEWER_EXCLUDED").summary())
                .contains("handler (assessed, investigated, proposed the decision)")
                .contains("manager (approved the decision)");
        assertThat(staff.task(instance, "Task_ReviewComplaint").getDescription())
                .doesNotContain("No complaint manager is independent");

        // EUR 6,000 after review: the approval rule of every round applies, the first decision stands meanwhile
        staff.complete("demo", instance, "Task_ReviewComplaint", review("upheld", "Refund and compensation", 6000));
        assertThat(instance).isWaitingAt("Task_ApproveReviewDecision");
        assertThat(staff.task(instance, "Task_ApproveReviewDecision").getDueDate())
                .isNotNull();
        assertThat(decisions.latestDecided(complaint.id()).orElseThrow().round())
                .isEqualTo(1);
        assertThat(staff.mailsWithSubject("internal review of your complaint")).isEmpty();
        String approval = staff.task(instance, "Task_ApproveReviewDecision").getId();
        // the reviewer is not offered the approval of their own review decision, nor can they complete it
        assertThat(staff.as(
                        "demo", () -> tasks.createTaskQuery().taskId(approval).count()))
                .isZero();
        assertThatThrownBy(() -> staff.as("demo", () -> {
                    tasks.complete(approval, Map.of("approvalDecision", "approve"));
                    return null;
                }))
                .isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> staff.as("manager", () -> {
                    tasks.setAssignee(approval, "demo");
                    return null;
                }))
                .hasRootCauseInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Four-eyes principle: demo made this review decision and cannot approve it");

        // returned: back to the reviewer, then approved by another manager
        staff.complete(
                "manager",
                instance,
                "Task_ApproveReviewDecision",
                Map.of("approvalDecision", "return", "approvalComment", "Explain the compensation part."));
        assertThat(instance).isWaitingAt("Task_ReviewComplaint");
        staff.complete("demo", instance, "Task_ReviewComplaint", review("upheld", "Refund and compensation", 6000));
        assertThat(instance).isWaitingAt("Task_ApproveReviewDecision");
        assertThat(runtime.getVariable(instance.getId(), "approvalDecision")).isNull();
        staff.complete("manager", instance, "Task_ApproveReviewDecision", Map.of("approvalDecision", "approve"));
        assertThat(instance).isWaitingAt("Task_CommunicateDecision");
        assertThat(decisions.get(complaint.id(), 2).approvedBy()).isEqualTo("manager");
        assertThat(decisions.latestDecided(complaint.id()).orElseThrow().round())
                .isEqualTo(2);
        staff.runDueJobs();
        assertThat(staff.mailsWithSubject("internal review of your complaint")).hasSize(1);
        assertThat(staff.eventTypes(complaint)).contains("REVIEW_PROPOSED", "RETURNED", "APPROVED", "REVIEW_DECIDED");
    }

    @Test
    void whenEveryComplaintManagerHandledTheComplaintTheReviewSaysSoAndEveryoneIsRefused() {
        // manager assessed, investigated and proposed; demo, the only other complaint manager, approved
        ProcessInstance instance = decided("manager", proposal("upheld", "Full refund", 900), "demo");
        Complaint complaint = staff.complaintOf(instance);
        messages.rejectDecision(complaint.reference(), "Please look again.");
        assertThat(instance).isWaitingAt("Task_ReviewComplaint");
        String reviewTask = staff.task(instance, "Task_ReviewComplaint").getId();

        assertThat(staff.task(instance, "Task_ReviewComplaint").getDescription())
                .contains("No complaint manager is independent of this complaint");
        // still offered to complaint managers, where it shows with this description until one is added
        assertThat(staff.task(instance, "Task_ReviewComplaint")).hasCandidateGroup("complaint-managers");
        assertThat(event(complaint, "NO_INDEPENDENT_REVIEWER").actor()).isEqualTo("system");
        assertThat(event(complaint, "REVIEWER_EXCLUDED").summary())
                .contains("manager (assessed, investigated, proposed the decision)")
                .contains("demo (approved the decision)");
        // neither manager can take it, whoever assigns it (here the application itself, without authorization)
        assertThatThrownBy(() -> tasks.setAssignee(reviewTask, "manager"))
                .hasRootCauseInstanceOf(InvalidInputException.class)
                .hasMessageContaining("manager handled this complaint before (assessed, investigated, proposed");
        assertThatThrownBy(() -> tasks.setAssignee(reviewTask, "demo"))
                .hasRootCauseInstanceOf(InvalidInputException.class)
                .hasMessageContaining("demo handled this complaint before (approved the decision)");
        assertThatThrownBy(() -> staff.as("demo", () -> {
                    tasks.complete(reviewTask, review("upheld", "Refund", 10));
                    return null;
                }))
                .isInstanceOf(AuthorizationException.class);
        assertThat(instance).isWaitingAt("Task_ReviewComplaint");
    }

    // ------------------------------------------------------------------ remedies on every path

    @Test
    void anUpheldDecisionWithoutReactionIsCarriedOutBeforeItClosesAndTheNoticeSaysSo() {
        ProcessInstance instance = decided("handler", proposal("upheld", "Replacement of the damaged goods", 40), null);
        Complaint complaint = staff.complaintOf(instance);

        staff.advanceTo(staff.dateVariable(instance, "reactionDeadline"));
        assertThat(instance).hasPassed("Event_NoReaction", "Gateway_RemedyCheckJoin");
        assertThat(instance).isWaitingAt("Task_CarryOutRemedy");
        Complaint remedying = staff.reload(complaint);
        assertThat(remedying.stage()).isEqualTo(ComplaintStage.REMEDY);
        assertThat(remedying.isClosed()).isFalse();
        var due = staff.task(instance, "Task_CarryOutRemedy").getDueDate();
        assertThat(due).isAfter(ClockUtil.getCurrentTime());
        assertThat(statusService.status(remedying).nextCommittedDate()).isEqualTo(due.toInstant());

        staff.complete(
                "handler",
                instance,
                "Task_CarryOutRemedy",
                Map.of("remedyCarriedOut", "Replacement sent", "remedyCompletedOn", "2026-12-01"));
        staff.runDueJobs();
        assertThat(instance).isEnded();
        assertThat(staff.reload(complaint).closureReason()).isEqualTo("NO_REACTION");
        assertThat(closureNotice(complaint))
                .contains("We did not hear from you")
                .contains("The remedy we promised has been carried out.")
                .doesNotContain("You accepted");
    }

    @Test
    void aNotUpheldDecisionWithoutReactionClosesAtOnceAndTheNoticeSaysNoRemedyWasPromised() {
        ProcessInstance instance = decided("handler", proposal("not-upheld", null, null), null);
        Complaint complaint = staff.complaintOf(instance);
        staff.advanceTo(staff.dateVariable(instance, "reactionDeadline"));
        assertThat(instance).isEnded().hasNotPassed("Task_CarryOutRemedy");
        assertThat(closureNotice(complaint)).contains("No remedy was promised").doesNotContain("has been carried out");
    }

    // ------------------------------------------------------------------ ISO 10003 after a second rejection

    @Test
    void aComplainantWhoGoesToTheExternalBodyHasReferralAndOutcomeRecordedAndAnOutcomeInTheirFavourCarriedOut() {
        ProcessInstance instance = askedAboutExternalReferral();
        Complaint complaint = staff.complaintOf(instance);
        Complaint asked = staff.reload(complaint);
        assertThat(asked.stage()).isEqualTo(ComplaintStage.REFERRAL_DECISION);
        List<MimeMessage> offers = staff.mailsWithSubject(complaint.reference() + ": external dispute resolution");
        assertThat(offers).hasSize(1);
        assertThat(GreenMailUtil.getBody(offers.get(0)).replaceAll("=\r?\n", ""))
                .contains("Example Dispute Resolution Board")
                .contains("/complaints/" + complaint.reference() + "?token=");
        ComplaintStatus status = statusService.status(asked);
        assertThat(status.awaitingExternalReferralAnswer()).isTrue();
        assertThat(status.awaitingDecisionResponse()).isFalse();
        assertThat(status.nextCommittedDate())
                .isEqualTo(
                        staff.dateVariable(instance, "referralAnswerDeadline").toInstant());
        // the question is not the decision: an answer to the decision is refused as already answered
        assertThatThrownBy(() -> messages.acceptDecision(complaint.reference(), null))
                .isInstanceOf(DecisionAlreadyAnsweredException.class);

        messages.answerExternalReferral(complaint.reference(), true, "I have filed it.");
        assertThat(instance).isWaitingAt("Task_RecordExternalReferral");
        assertThat(staff.reload(complaint).stage()).isEqualTo(ComplaintStage.EXTERNAL_REVIEW);
        assertThat(staff.eventTypes(complaint)).contains("EXTERNAL_REFERRAL_ANSWERED");
        assertThatThrownBy(() -> messages.answerExternalReferral(complaint.reference(), false, null))
                .isInstanceOf(DecisionAlreadyAnsweredException.class)
                .hasMessageContaining("already been answered");

        staff.complete(
                "manager",
                instance,
                "Task_RecordExternalReferral",
                Map.of("adrBody", "Example Dispute Resolution Board", "referredAt", "2026-12-01"));
        assertThat(instance).isWaitingAt("Task_RecordExternalOutcome");
        var outcomeDue = staff.task(instance, "Task_RecordExternalOutcome").getDueDate();
        assertThat(outcomeDue).isAfter(ClockUtil.getCurrentTime());
        assertThat(statusService.status(staff.reload(complaint)).nextCommittedDate())
                .isEqualTo(outcomeDue.toInstant());

        // an outcome without details is refused when it is recorded, not later at closure
        assertThatThrownBy(() -> staff.complete(
                        "manager",
                        instance,
                        "Task_RecordExternalOutcome",
                        Map.of("externalOutcome", "in-favour-of-complainant")))
                .hasRootCauseInstanceOf(InvalidInputException.class)
                .hasMessageContaining("externalOutcomeDetails");
        staff.complete(
                "manager",
                instance,
                "Task_RecordExternalOutcome",
                Map.of(
                        "externalOutcome",
                        "in-favour-of-complainant",
                        "externalOutcomeDetails",
                        "The board awards a refund of EUR 80 to the complainant."));
        assertThat(instance).hasPassed("Gateway_RecourseEnded").isWaitingAt("Task_CarryOutRemedy");
        assertThat(staff.reload(complaint).isClosed()).isFalse();
        staff.complete(
                "handler",
                instance,
                "Task_CarryOutRemedy",
                Map.of("remedyCarriedOut", "Refunded EUR 80", "remedyCompletedOn", "2026-12-02"));
        staff.runDueJobs();
        assertThat(instance).isEnded();
        assertThat(staff.reload(complaint).closureReason()).isEqualTo("EXTERNAL_OUTCOME");
        assertThat(closureNotice(complaint))
                .contains("The outcome of the external dispute resolution has been recorded.")
                .contains("The remedy we promised has been carried out.");
    }

    @Test
    void noAnswerWithinThePeriodClosesTheComplaintAsNotReferred() {
        ProcessInstance instance = askedAboutExternalReferral();
        Complaint complaint = staff.complaintOf(instance);
        staff.advanceTo(staff.dateVariable(instance, "referralAnswerDeadline"));
        assertThat(instance)
                .hasPassed("Event_NoReferralAnswer", "Gateway_NotReferred")
                .isEnded();
        assertThat(instance).hasNotPassed("Task_RecordExternalReferral", "Task_CarryOutRemedy");
        Complaint closed = staff.reload(complaint);
        assertThat(closed.closureReason()).isEqualTo("NOT_REFERRED");
        assertThat(closureNotice(complaint))
                .contains("You did not take your complaint to the external dispute-resolution body")
                .contains("No remedy was promised");
        assertThatThrownBy(() -> messages.answerExternalReferral(complaint.reference(), true, null))
                .isInstanceOf(ComplaintNotOpenException.class)
                .hasMessageContaining("already closed");
    }

    @Test
    void aComplainantWhoSaysNoHasTheComplaintClosedAsNotReferredAfterTheReviewsRemedyIsCarriedOut() {
        ProcessInstance instance = decided("handler", proposal("not-upheld", null, null), null);
        Complaint complaint = staff.complaintOf(instance);
        messages.rejectDecision(complaint.reference(), "Please look again.");
        staff.complete("manager", instance, "Task_ReviewComplaint", review("partly-upheld", "A voucher", 20));
        staff.runDueJobs();
        messages.rejectDecision(complaint.reference(), "A voucher is not enough.");
        staff.runDueJobs();
        assertThat(instance).isWaitingAt("Gateway_AwaitReferralAnswer");

        messages.answerExternalReferral(complaint.reference(), false, null);
        // the review decision stands and promised a voucher: it is carried out before the complaint closes
        assertThat(instance).hasPassed("Gateway_ReferralChosen", "Gateway_NotReferred");
        assertThat(instance).isWaitingAt("Task_CarryOutRemedy");
        staff.complete(
                "handler",
                instance,
                "Task_CarryOutRemedy",
                Map.of("remedyCarriedOut", "Voucher sent", "remedyCompletedOn", "2026-12-02"));
        staff.runDueJobs();
        assertThat(instance).isEnded();
        assertThat(staff.reload(complaint).closureReason()).isEqualTo("NOT_REFERRED");
        assertThat(closureNotice(complaint)).contains("The remedy we promised has been carried out.");
    }
}
