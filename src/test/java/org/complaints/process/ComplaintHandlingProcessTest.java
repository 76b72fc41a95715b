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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.complaints.acknowledgement.AcknowledgementService;
import org.complaints.analysis.EvidenceRecords;
import org.complaints.audit.AuditLog;
import org.complaints.deadlines.WorkingDayCalendar;
import org.complaints.engine.InvalidInputException;
import org.complaints.engine.authorization.EngineAuthority;
import org.complaints.intake.ComplainantMessages;
import org.complaints.intake.ComplaintNotOpenException;
import org.complaints.intake.DecisionAlreadyAnsweredException;
import org.complaints.intake.IntakeService;
import org.complaints.mail.MailLog;
import org.complaints.mail.MailOutbox;
import org.complaints.mail.OutboxIncidents;
import org.complaints.mail.OutboxProperties;
import org.complaints.mail.OutboxSender;
import org.complaints.mail.OutgoingMail;
import org.complaints.mail.SentMailRecorder;
import org.complaints.mail.SmtpDelivery;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintNotFoundException;
import org.complaints.register.ComplaintStage;
import org.complaints.register.DecisionRegister;
import org.complaints.security.StaffGroups;
import org.complaints.tracking.ComplaintStatusService;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every path through processes/complaint-handling.bpmn, on the real Spring context (delegates, register, mail
 * templates) with a real SMTP server. Jobs and timers are run by the test with a moved engine clock.
 */
@ProcessTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComplaintHandlingProcessTest extends ProcessTestBase {

    static final String KEY = "complaint-handling";

    @Autowired
    DecisionRegister decisions;

    @Autowired
    MailLog mailLog;

    @Autowired
    AuditLog audit;

    @Autowired
    IntakeService intake;

    @Autowired
    ComplainantMessages messages;

    @Autowired
    ComplaintStatusService statusService;

    @Autowired
    AcknowledgementService acknowledgements;

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EvidenceRecords evidenceRecords;

    @Autowired
    FailingFollowUp failingFollowUp;

    @Autowired
    MailOutbox mailOutbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    SmtpDelivery smtpDelivery;

    @Autowired
    SentMailRecorder sentMailRecorder;

    @Autowired
    OutboxIncidents outboxIncidents;

    @Autowired
    EngineAuthority engineAuthority;

    @Autowired
    Clock clock;

    @Autowired
    PlatformTransactionManager transactionManager;

    /** Receipt by staff to acknowledgement: reference, register record, acknowledgement e-mail. */
    private ProcessInstance receivedAndAcknowledged(Map<String, Object> form) {
        ProcessInstance instance = staff.startByStaff(form);
        assertThat(instance).isWaitingAt("Task_AssessPriority");
        staff.runDueJobs();
        assertThat(instance).isWaitingAt("Task_ConfirmAssessment");
        return instance;
    }

    private ProcessInstance investigating(Map<String, Object> form) {
        ProcessInstance instance = receivedAndAcknowledged(form);
        staff.complete("handler", instance, "Task_ConfirmAssessment", assessInScope());
        assertThat(instance).isWaitingAt("Task_InvestigateComplaint");
        return instance;
    }

    private ProcessInstance awaitingReaction(Map<String, Object> proposal) {
        ProcessInstance instance = investigating(aPhoneComplaint().startForm());
        staff.complete("handler", instance, "Task_InvestigateComplaint", findings());
        staff.complete("handler", instance, "Task_ProposeResolution", proposal);
        assertThat(instance).isWaitingAt("Task_CommunicateDecision");
        staff.runDueJobs();
        assertThat(instance).isWaitingAt("Gateway_AwaitReaction");
        return instance;
    }

    // ------------------------------------------------------------------ main paths

    @Test
    @Order(1)
    void staffRegisteredComplaintIsAcknowledgedDecidedAcceptedRemediedAndClosed() throws Exception {
        String email = uniqueEmail();
        ProcessInstance instance =
                receivedAndAcknowledged(aPhoneComplaint().withEmail(email).startForm());
        Complaint complaint = staff.complaintOf(instance);

        assertThat(complaint.reference()).matches("CMP-\\d{4}-\\d{6}");
        assertThat(instance).hasBusinessKey(complaint.reference());
        assertThat(complaint.channel()).isEqualTo("phone");
        assertThat(complaint.receivedBy()).isEqualTo("intake");
        assertThat(complaint.complainantEmail()).isEqualTo(email);
        assertThat(complaint.priority()).isEqualTo("normal");
        assertThat(complaint.responseDays()).isEqualTo(15);
        assertThat(complaint.acknowledgedAt()).isNotNull();
        assertThat(complaint.stage()).isEqualTo(ComplaintStage.ASSESSMENT);
        // personal data stays in the register, not in the process
        assertThat(runtime.getVariables(instance.getId())).doesNotContainKeys("complainantName", "complainantEmail");
        assertThat(staff.task(instance, "Task_ConfirmAssessment").getDueDate()).isNotNull();

        MimeMessage ack = staff.mailsWithSubject("We have received your complaint " + complaint.reference())
                .get(0);
        assertThat(ack.getAllRecipients()[0].toString()).isEqualTo(email);
        assertThat(ack.getMessageID())
                .isEqualTo("<acknowledgement." + complaint.reference() + "@complaints.example.org>");
        assertThat(GreenMailUtil.getBody(ack))
                .contains(complaint.reference())
                .contains("free of charge")
                .contains("/complaints/" + complaint.reference() + "?token=" + complaint.trackingToken())
                // nobody has confirmed the address yet: the acknowledgement never echoes the complaint text
                .doesNotContain("parcel was left outside");

        staff.complete("handler", instance, "Task_ConfirmAssessment", assessInScope());
        assertThat(instance).isWaitingAt("Task_InvestigateComplaint");
        assertThat(staff.task(instance, "Task_InvestigateComplaint").getDueDate())
                .isEqualTo(Date.from(staff.reload(complaint).responseDeadline()));
        assertThat(runtime.getVariable(instance.getId(), "relatedComplaintsSummary"))
                .asString()
                .startsWith("No related complaints");

        staff.complete("handler", instance, "Task_InvestigateComplaint", findings());
        staff.complete(
                "handler",
                instance,
                "Task_ProposeResolution",
                proposal("partly-upheld", "Replacement of the damaged goods", 40));
        assertThat(instance).isWaitingAt("Task_CommunicateDecision");
        staff.runDueJobs();
        assertThat(instance).isWaitingAt("Gateway_AwaitReaction");
        MimeMessage decision =
                staff.mailsWithSubject("Our decision on your complaint").get(0);
        assertThat(GreenMailUtil.getBody(decision))
                .contains("partly upheld")
                .contains("Replacement of the damaged goods")
                .contains("EUR 40")
                .contains("internal review")
                .contains("Example Dispute Resolution Board");

        messages.acceptDecision(complaint.reference(), "Thank you");
        assertThat(instance).isWaitingAt("Task_CarryOutRemedy");
        staff.complete(
                "handler",
                instance,
                "Task_CarryOutRemedy",
                Map.of("remedyCarriedOut", "Replacement sent by courier", "remedyCompletedOn", "2026-11-20"));
        staff.runDueJobs();
        assertThat(instance)
                .isEnded()
                .hasPassed("Task_CloseComplaint", "Task_SendClosureNotice", "End_ComplaintClosed");

        Complaint closed = staff.reload(complaint);
        assertThat(closed.stage()).isEqualTo(ComplaintStage.CLOSED);
        assertThat(closed.closureReason()).isEqualTo("ACCEPTED");
        assertThat(closed.outcome()).isEqualTo("partly-upheld");
        assertThat(closed.ackSlaMet()).isTrue();
        assertThat(closed.responseSlaMet()).isTrue();
        assertThat(staff.mailsWithSubject("is closed")).hasSize(1);
        assertThat(staff.eventTypes(complaint))
                .contains(
                        "RECEIVED",
                        "RULE_ASSESSMENT",
                        "ACKNOWLEDGED",
                        "ASSESSED",
                        "RELATED_FOUND",
                        "INVESTIGATED",
                        "PROPOSED",
                        "DECIDED",
                        "DECISION_COMMUNICATED",
                        "DECISION_ACCEPTED",
                        "TASK_COMPLETED",
                        "CLOSED");
        assertThat(decisions.get(complaint.id(), 1).proposedBy()).isEqualTo("handler");

        // the auditor's evidence record gives the remedy step the clause its task's documentation names first in
        // the diagram version that ran it, and every step a clause
        String remedyDocumentation = repository
                .getBpmnModelInstance(instance.getProcessDefinitionId())
                .getModelElementById("Task_CarryOutRemedy")
                .getChildElementsByType(Documentation.class)
                .iterator()
                .next()
                .getTextContent();
        Matcher remedyClause =
                Pattern.compile("^ISO 10002:2018 (\\d+\\.\\d+)[ ,:]").matcher(remedyDocumentation);
        assertThat(remedyClause.find()).as(remedyDocumentation).isTrue();
        EvidenceRecords.EvidenceRecord evidence =
                evidenceRecords.read(complaint.reference(), "quality", List.of(StaffGroups.QUALITY));
        assertThat(evidence.timeline())
                .filteredOn(step -> step.event().type().equals("TASK_COMPLETED"))
                .extracting(EvidenceRecords.Step::clause)
                .singleElement()
                .asString()
                .startsWith(remedyClause.group(1) + " ");
        assertThat(evidence.timeline())
                .extracting(EvidenceRecords.Step::clause)
                .doesNotContain(EvidenceRecords.CLAUSE_NOT_RECORDED);
    }

    @Test
    @Order(2)
    void channelComplaintNeedingApprovalIsReturnedForReworkThenApprovedAndClosesWithoutReaction() {
        String email = uniqueEmail();
        Complaint filed = intake.file(aWebComplaint()
                .withName("Ayşe Yılmaz")
                .withEmail(email)
                .withLanguage("tr")
                .withProductOrService("Mobile contract")
                .withDescription("I was billed twice for the same month and nobody answers my calls.")
                .withRemedySought("Refund of the double charge")
                .withSeverity("high")
                .withImpact("individual")
                .withCategory("billing")
                .build());
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(filed.reference())
                .singleResult();
        assertThat(instance).hasPassed("StartEvent_ComplaintReceived", "Task_RegisterComplaint");
        staff.runDueJobs();
        Complaint complaint = staff.reload(filed);
        assertThat(complaint.priority()).isEqualTo("high");
        assertThat(complaint.processInstanceId()).isEqualTo(instance.getId());
        // acknowledged in the complainant's language
        assertThat(staff.mailsWithSubject(complaint.reference())).hasSize(1);
        assertThat(mailLog.list(complaint.id()))
                .extracting(MailLog.SentMail::language)
                .containsExactly("tr");

        Map<String, Object> assess = assessInScope();
        assess.put("severity", "high");
        assess.put("category", "billing");
        staff.complete("handler", instance, "Task_ConfirmAssessment", assess);
        staff.complete("handler", instance, "Task_InvestigateComplaint", findings());
        staff.complete("handler", instance, "Task_ProposeResolution", proposal("not-upheld", null, null));
        assertThat(instance).isWaitingAt("Task_ApproveResolution");
        assertThat(staff.task(instance, "Task_ApproveResolution")).hasCandidateGroup("complaint-managers");

        staff.complete(
                "manager",
                instance,
                "Task_ApproveResolution",
                Map.of("approvalDecision", "return", "approvalComment", "Check the billing system logs first."));
        assertThat(instance).isWaitingAt("Task_ProposeResolution");
        assertThat(runtime.getVariable(instance.getId(), "approvalComment"))
                .isEqualTo("Check the billing system logs first.");
        staff.complete(
                "handler",
                instance,
                "Task_ProposeResolution",
                proposal("upheld", "Refund of the second charge", 29.99));
        staff.complete("manager", instance, "Task_ApproveResolution", Map.of("approvalDecision", "approve"));
        staff.runDueJobs();
        assertThat(instance).isWaitingAt("Gateway_AwaitReaction");
        assertThat(decisions.get(complaint.id(), 1).approvedBy()).isEqualTo("manager");
        assertThat(staff.eventTypes(complaint)).contains("RETURNED", "APPROVED");

        staff.advanceTo(staff.dateVariable(instance, "reactionDeadline"));
        // the upheld decision stands without an answer: its refund is carried out before the complaint closes
        assertThat(instance).hasPassed("Event_NoReaction").isWaitingAt("Task_CarryOutRemedy");
        staff.complete(
                "handler",
                instance,
                "Task_CarryOutRemedy",
                Map.of("remedyCarriedOut", "Refunded EUR 29.99", "remedyCompletedOn", "2026-11-21"));
        staff.runDueJobs();
        assertThat(instance).isEnded().hasPassed("Task_CloseComplaint");
        assertThat(staff.reload(complaint).closureReason()).isEqualTo("NO_REACTION");
    }

    /** A complaint as a channel (web form, API, e-mail) files it: register record and message start together. */
    private Complaint fileThrough(String channel) {
        return intake.file(aWebComplaint()
                .withChannel(channel)
                .withLanguage("nl")
                .withProductOrService("Energy bill")
                .withDescription("The meter reading on my bill is not the one I sent in.")
                .build());
    }

    private ProcessInstance processOf(Complaint complaint) {
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(complaint.reference())
                .singleResult();
    }

    @Test
    @Order(2)
    void aChannelComplaintsVariablesAreWrittenOnceWhenItIsRegistered() throws Exception {
        Complaint filed = fileThrough("email");
        ProcessInstance instance = processOf(filed);
        assertThat(instance).hasPassed("Task_RegisterComplaint");
        // the channel started the process with them; Task_RegisterComplaint found nothing to change, so each has
        // one history row, not a second one recording the same value, and the audit log shows it created by one step
        List<HistoricVariableUpdate> updates =
                history
                        .createHistoricDetailQuery()
                        .processInstanceId(instance.getId())
                        .variableUpdates()
                        .list()
                        .stream()
                        .map(HistoricVariableUpdate.class::cast)
                        .toList();
        List<JsonNode> steps = new ArrayList<>();
        for (AuditLog.Entry entry : audit.list(filed.id(), instance.getId())) {
            if (entry.action().equals(AuditLog.VARIABLES)) {
                steps.add(new ObjectMapper().readTree(entry.payload()));
            }
        }
        for (Map.Entry<String, Object> variable :
                IntakeService.processVariables(filed).entrySet()) {
            assertThat(updates)
                    .filteredOn(update -> update.getVariableName().equals(variable.getKey()))
                    .as(variable.getKey())
                    .singleElement()
                    .satisfies(update -> assertThat(update.getValue()).isEqualTo(variable.getValue()));
            assertThat(steps)
                    .filteredOn(step -> step.path("after").has(variable.getKey()))
                    .as(variable.getKey())
                    .singleElement()
                    .satisfies(step -> assertThat(step.path("before").has(variable.getKey()))
                            .isFalse());
        }
        assertThat(runtime.getVariable(instance.getId(), "complaintId")).isEqualTo(filed.id());
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processInstanceId(instance.getId())
                        .singleResult()
                        .getBusinessKey())
                .isEqualTo(filed.reference());
    }

    @Test
    @Order(3)
    void proposerCannotApproveOwnProposal() {
        Map<String, Object> form = aPhoneComplaint().withSeverity("high").startForm();
        ProcessInstance instance = receivedAndAcknowledged(form);
        staff.complete("manager", instance, "Task_ConfirmAssessment", assessInScope());
        staff.complete("manager", instance, "Task_InvestigateComplaint", findings());
        staff.complete("manager", instance, "Task_ProposeResolution", proposal("upheld", "Full refund", 900));
        assertThat(instance).isWaitingAt("Task_ApproveResolution");
        String taskId = staff.task(instance, "Task_ApproveResolution").getId();

        // the proposer is not even offered the approval: a user-specific revoke outranks the managers' grant
        assertThat(staff.as(
                        "manager", () -> tasks.createTaskQuery().taskId(taskId).count()))
                .isZero();
        assertThat(staff.as("demo", () -> tasks.createTaskQuery().taskId(taskId).count()))
                .isOne();
        assertThatThrownBy(() -> staff.as("manager", () -> {
                    tasks.claim(taskId, "manager");
                    return null;
                }))
                .isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> staff.as("manager", () -> {
                    tasks.complete(taskId, Map.of("approvalDecision", "approve"));
                    return null;
                }))
                .isInstanceOf(AuthorizationException.class);
        // another manager assigning it to the proposer gets the reason; the REST API unwraps it to 400
        assertThatThrownBy(() -> staff.as("demo", () -> {
                    tasks.setAssignee(taskId, "manager");
                    return null;
                }))
                .hasRootCauseInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Four-eyes principle: manager proposed this resolution and cannot approve it");
        assertThat(instance).isWaitingAt("Task_ApproveResolution");

        staff.complete("demo", instance, "Task_ApproveResolution", Map.of("approvalDecision", "approve"));
        assertThat(instance).isWaitingAt("Task_CommunicateDecision");
    }

    @Test
    @Order(4)
    void outOfScopeComplaintIsAnsweredInWritingAndClosed() {
        ProcessInstance instance = receivedAndAcknowledged(aPhoneComplaint().startForm());
        Complaint complaint = staff.complaintOf(instance);
        Map<String, Object> assess = assessInScope();
        assess.put("scopeDecision", "out-of-scope");
        assess.put("scopeReason", "This concerns a product sold by another company; please contact them directly.");
        staff.complete("handler", instance, "Task_ConfirmAssessment", assess);
        assertThat(instance).isWaitingAt("Task_SendOutOfScopeExplanation");
        staff.runDueJobs();
        // open for a reaction until the period ends, then closed without one
        assertThat(instance).isWaitingAt("Gateway_AwaitScopeReaction");
        staff.advanceAndRun(staff.dateVariable(instance, "scopeOpenUntil"), instance.getId());
        assertThat(instance)
                .isEnded()
                .hasPassed("Event_OpenPeriodEnded", "Task_CloseOutOfScope", "End_ClosedOutOfScope");
        MimeMessage explanation = staff.mailsWithSubject("outside the scope").get(0);
        assertThat(GreenMailUtil.getBody(explanation)).contains("sold by another company");
        Complaint closed = staff.reload(complaint);
        assertThat(closed.closureReason()).isEqualTo("OUT_OF_SCOPE");
        assertThat(closed.inScope()).isFalse();
        assertThat(closed.responseSlaMet()).isTrue();
    }

    @Test
    @Order(5)
    void safetyRelevantComplaintTakesImmediateActionAndClosesWithoutRemedy() {
        Map<String, Object> form = aPhoneComplaint()
                .safetyRelevant(true)
                .withCategory("product-quality")
                .startForm();
        ProcessInstance instance = receivedAndAcknowledged(form);
        Complaint complaint = staff.complaintOf(instance);
        assertThat(complaint.priority()).isEqualTo("urgent");
        assertThat(complaint.handlingGroup()).isEqualTo("complaint-managers");
        assertThat(staff.task(instance, "Task_ConfirmAssessment")).hasCandidateGroup("complaint-managers");

        Map<String, Object> assess = assessInScope();
        assess.put("safetyRelevant", true);
        staff.complete("manager", instance, "Task_ConfirmAssessment", assess);
        assertThat(instance).isWaitingAt("Task_TakeImmediateAction");
        staff.complete(
                "manager",
                instance,
                "Task_TakeImmediateAction",
                Map.of(
                        "immediateAction",
                        "Batch 42 withdrawn from sale; customer told not to use the heater.",
                        "hazardContained",
                        true));
        assertThat(instance).isWaitingAt("Task_InvestigateComplaint");
        assertThat(events.list(complaint.id()))
                .anySatisfy(e -> assertThat(e.detail()).contains("immediateAction: Batch 42 withdrawn"));

        staff.complete("manager", instance, "Task_InvestigateComplaint", findings());
        staff.complete("manager", instance, "Task_ProposeResolution", proposal("not-upheld", null, null));
        staff.complete("demo", instance, "Task_ApproveResolution", Map.of("approvalDecision", "approve"));
        staff.runDueJobs();
        messages.acceptDecision(complaint.reference(), null);
        staff.runDueJobs();
        assertThat(instance).isEnded().hasPassed("Gateway_RemedyDue").hasNotPassed("Task_CarryOutRemedy");
        assertThat(staff.reload(complaint).closureReason()).isEqualTo("ACCEPTED");
    }

    @Test
    @Order(6)
    void rejectionLeadsToIndependentReviewThenExternalReferralUntilItsOutcome() {
        ProcessInstance instance = awaitingReaction(proposal("not-upheld", null, null));
        Complaint complaint = staff.complaintOf(instance);

        messages.rejectDecision(complaint.reference(), "The courier lies, I was at home.");
        assertThat(instance).isWaitingAt("Task_ReviewComplaint");
        assertThat(staff.reload(complaint).stage()).isEqualTo(ComplaintStage.INTERNAL_REVIEW);
        String reviewTask = staff.task(instance, "Task_ReviewComplaint").getId();
        assertThat(staff.as(
                        "handler",
                        () -> tasks.createTaskQuery().taskId(reviewTask).count()))
                .isZero();
        assertThatThrownBy(() -> staff.as("demo", () -> {
                    tasks.setAssignee(reviewTask, "handler");
                    return null;
                }))
                .hasRootCauseInstanceOf(InvalidInputException.class)
                .hasMessageContaining("handler handled this complaint before");

        staff.complete(
                "manager",
                instance,
                "Task_ReviewComplaint",
                Map.of(
                        "reviewOutcome",
                        "not-upheld",
                        "reviewReasons",
                        "The delivery photo shows the parcel handed over in good condition."));
        assertThat(instance).isWaitingAt("Task_CommunicateDecision");
        staff.runDueJobs();
        assertThat(staff.mailsWithSubject("internal review of your complaint")).hasSize(1);
        assertThat(decisions.get(complaint.id(), 2).proposedBy()).isEqualTo("manager");

        messages.rejectDecision(complaint.reference(), "I will go to the ombudsman.");
        staff.runDueJobs();
        messages.answerExternalReferral(complaint.reference(), true, null);
        assertThat(instance).isWaitingAt("Task_RecordExternalReferral");
        staff.complete(
                "manager",
                instance,
                "Task_RecordExternalReferral",
                Map.of(
                        "adrBody",
                        "Example Dispute Resolution Board",
                        "referredAt",
                        "2026-11-20",
                        "adrCaseReference",
                        "ADR-77"));
        assertThat(staff.reload(complaint).externalReferral()).isTrue();
        assertThat(instance).isWaitingAt("Task_RecordExternalOutcome");
        assertThat(staff.reload(complaint).isClosed()).isFalse();

        staff.complete(
                "manager",
                instance,
                "Task_RecordExternalOutcome",
                Map.of(
                        "externalOutcome",
                        "in-favour-of-organisation",
                        "externalOutcomeDetails",
                        "The board found the delivery was made correctly."));
        staff.runDueJobs();
        assertThat(instance).isEnded();
        assertThat(staff.reload(complaint).closureReason()).isEqualTo("EXTERNAL_OUTCOME");
        assertThat(staff.eventTypes(complaint)).contains("DECISION_REJECTED", "REVIEW_DECIDED", "EXTERNAL_REFERRAL");
    }

    @Test
    @Order(7)
    void reviewedDecisionCanBeAccepted() {
        ProcessInstance instance = awaitingReaction(proposal("not-upheld", null, null));
        Complaint complaint = staff.complaintOf(instance);
        messages.rejectDecision(complaint.reference(), "Please look again.");
        staff.complete(
                "manager",
                instance,
                "Task_ReviewComplaint",
                Map.of(
                        "reviewOutcome",
                        "upheld",
                        "reviewRemedy",
                        "Full refund and apology",
                        "reviewMonetaryRemedy",
                        120,
                        "reviewRemedyKind",
                        "refund",
                        "reviewReasons",
                        "The tracking data shows the parcel was delivered to a neighbour."));
        staff.runDueJobs();
        messages.acceptDecision(complaint.reference(), "Thanks");
        assertThat(instance).isWaitingAt("Task_CarryOutRemedy");
        staff.complete(
                "handler",
                instance,
                "Task_CarryOutRemedy",
                Map.of("remedyCarriedOut", "Refunded EUR 120", "remedyCompletedOn", "2026-11-21"));
        staff.runDueJobs();
        assertThat(instance).isEnded();
        assertThat(staff.reload(complaint).outcome()).isEqualTo("upheld");
    }

    // ------------------------------------------------------------------ timers and escalation

    @Test
    @Order(8)
    void reminderBeforeDeadlineThenEscalationToManagersWhoReviseTheDate() throws Exception {
        ProcessInstance instance = investigating(aPhoneComplaint().startForm());
        Complaint complaint = staff.complaintOf(instance);

        staff.advanceTo(staff.dateVariable(instance, "reminderDate"));
        // one message to the whole group (the test server keeps one copy per recipient)
        List<MimeMessage> reminders = staff.mailsWithSubject("Reminder: complaint " + complaint.reference());
        assertThat(reminders)
                .extracting(MimeMessage::getMessageID)
                .containsOnly("<deadline-reminder." + complaint.reference() + "@complaints.example.org>");
        assertThat(reminders.get(0).getAllRecipients())
                .extracting(Object::toString)
                .contains("handler@staff.example.org", "handler2@staff.example.org");
        assertThat(instance).isWaitingAt("Task_InvestigateComplaint").hasPassed("Task_SendDeadlineReminder");

        staff.advanceTo(staff.dateVariable(instance, "responseDeadline"));
        assertThat(instance)
                .hasPassed("End_EscalateResponseOverdue", "Boundary_ResponseOverdue")
                .isWaitingAt("Task_InvestigateComplaint", "Task_SuperviseOverdueComplaint");
        assertThat(staff.task(instance, "Task_SuperviseOverdueComplaint")).hasCandidateGroup("complaint-managers");

        LocalDate today = ClockUtil.getCurrentTime()
                .toInstant()
                .atZone(ZoneId.of("Europe/Amsterdam"))
                .toLocalDate();
        LocalDate revised = calendar.addWorkingDays(today, 5);
        String superviseTask =
                staff.task(instance, "Task_SuperviseOverdueComplaint").getId();
        assertThatThrownBy(() -> staff.as("manager", () -> {
                    tasks.complete(
                            superviseTask,
                            Map.of(
                                    "supervisionNotes",
                                    "Investigator was ill.",
                                    "revisedResponseDate",
                                    today.minusDays(1).toString(),
                                    "delayReason",
                                    "The colleague handling your complaint fell ill."));
                    return null;
                }))
                .hasRootCauseInstanceOf(InvalidInputException.class)
                .hasMessageContaining("revisedResponseDate");

        staff.complete(
                "manager",
                instance,
                "Task_SuperviseOverdueComplaint",
                Map.of(
                        "supervisionNotes",
                        "Investigator was ill; handler2 takes over.",
                        "revisedResponseDate",
                        revised.toString(),
                        "delayReason",
                        "The colleague handling your complaint fell ill."));
        staff.runDueJobs();
        MimeMessage delay = staff.mailsWithSubject("we need more time").get(0);
        assertThat(GreenMailUtil.getBody(delay)).contains(String.valueOf(revised.getYear()));
        assertThat(staff.task(instance, "Task_InvestigateComplaint").getDueDate())
                .isEqualTo(Date.from(calendar.endOf(revised)));
        assertThat(staff.reload(complaint).deadlineRevisedAt()).isNotNull();

        staff.complete("handler2", instance, "Task_InvestigateComplaint", findings());
        staff.complete("handler2", instance, "Task_ProposeResolution", proposal("not-upheld", null, null));
        staff.runDueJobs();
        messages.acceptDecision(complaint.reference(), null);
        staff.runDueJobs();
        assertThat(instance).isEnded();
        assertThat(staff.reload(complaint).responseSlaMet()).isFalse();
    }

    @Test
    @Order(9)
    void openComplaintReceivesPeriodicStatusUpdates() {
        ProcessInstance instance = investigating(aPhoneComplaint().startForm());
        Complaint complaint = staff.complaintOf(instance);
        Job statusTimer = management
                .createJobQuery()
                .processInstanceId(instance.getId())
                .activityId("StartEvent_StatusUpdateDue")
                .singleResult();
        assertThat(statusTimer).isNotNull();
        staff.advanceTo(statusTimer.getDuedate());
        assertThat(instance).hasPassed("Task_SendStatusUpdate").isWaitingAt("Task_InvestigateComplaint");
        List<MimeMessage> updates = staff.mailsWithSubject("Status of your complaint " + complaint.reference());
        assertThat(updates).hasSize(1);
        assertThat(GreenMailUtil.getBody(updates.get(0))).contains("investigation");
        // the cycle goes on while the complaint is open
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(instance.getId())
                        .activityId("StartEvent_StatusUpdateDue")
                        .singleResult()
                        .getDuedate())
                .isAfter(statusTimer.getDuedate());
    }

    // ------------------------------------------------------------------ at any time

    @Test
    @Order(10)
    void complainantCanAddInformationWhichHandlersReview() {
        ProcessInstance instance = investigating(aPhoneComplaint().startForm());
        Complaint complaint = staff.complaintOf(instance);
        messages.addInformation(complaint.reference(), "I found the delivery note; it says 'left at door'.", "web");
        assertThat(instance).isWaitingAt("Task_InvestigateComplaint", "Task_ReviewAddedInformation");
        staff.complete(
                "handler",
                instance,
                "Task_ReviewAddedInformation",
                Map.of("informationReviewNotes", "Confirms the courier's note."));
        assertThat(instance).isWaitingAt("Task_InvestigateComplaint").hasPassed("End_InformationReviewed");
        assertThat(events.list(complaint.id()))
                .anySatisfy(e -> assertThat(e.detail()).contains("left at door"));
    }

    @Test
    @Order(11)
    void complainantCanWithdrawAtAnyTime() {
        ProcessInstance instance = investigating(aPhoneComplaint().startForm());
        Complaint complaint = staff.complaintOf(instance);
        messages.withdraw(complaint.reference(), "Solved with the shop directly.");
        staff.runDueJobs();
        assertThat(instance).isEnded().hasPassed("StartEvent_ComplaintWithdrawn", "Task_ConfirmWithdrawal");
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).count())
                .isZero();
        assertThat(staff.reload(complaint).closureReason()).isEqualTo("WITHDRAWN");
        assertThat(staff.mailsWithSubject("You have withdrawn your complaint")).hasSize(1);
        assertThatThrownBy(() -> messages.addInformation(complaint.reference(), "more", "web"))
                .isInstanceOf(ComplaintNotOpenException.class)
                .hasMessageContaining("already closed");
    }

    // ------------------------------------------------------------------ bad input and failures

    @Test
    @Order(12)
    void startFormWithMissingDataIsRefusedAndNothingIsRecorded() {
        long instancesBefore =
                runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count();
        long complaintsBefore =
                jdbc.sql("select count(*) from cmp_complaint").query(Long.class).single();
        Map<String, Object> form = aPhoneComplaint()
                .withEmail("not-an-address")
                .withDescription(null)
                .withLanguage("de")
                .startForm();

        assertThatThrownBy(() -> staff.startByStaff(form))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("complainantEmail: 'not-an-address' is not an e-mail address")
                .hasMessageContaining("description: the description of the complaint is required")
                .hasMessageContaining("preferredLanguage: 'de' is not one of en, tr, nl, et");
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey(KEY)
                        .count())
                .isEqualTo(instancesBefore);
        assertThat(jdbc.sql("select count(*) from cmp_complaint")
                        .query(Long.class)
                        .single())
                .isEqualTo(complaintsBefore);
    }

    @Test
    @Order(12)
    void startFormNamingAnIdWithoutAStaffAccountIsRefusedAndNothingIsRecorded() {
        // the form field has no pattern (Tasklist would show staff the regular expression): the server refuses
        long instancesBefore =
                runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count();
        long complaintsBefore =
                jdbc.sql("select count(*) from cmp_complaint").query(Long.class).single();
        Map<String, Object> form = aPhoneComplaint().startForm();
        form.put("namedStaff", "j.doe!");

        assertThatThrownBy(() -> staff.startByStaff(form))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("namedStaff: there is no staff account \"j.doe!\". Name staff by their user id.");
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey(KEY)
                        .count())
                .isEqualTo(instancesBefore);
        assertThat(jdbc.sql("select count(*) from cmp_complaint")
                        .query(Long.class)
                        .single())
                .isEqualTo(complaintsBefore);
    }

    @Test
    @Order(13)
    void complaintReceivedMessageWithoutDataIsRefused() {
        assertThatThrownBy(() -> runtime.createMessageCorrelation("ComplaintReceived")
                        .setVariable("description", "short")
                        .correlateStartMessage())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("complainantName: the complainant's name is required");
    }

    @Test
    @Order(14)
    void messagesForUnknownOrNotWaitingComplaintsGetClearErrors() {
        assertThatThrownBy(() -> messages.acceptDecision("CMP-2099-999999", null))
                .isInstanceOf(ComplaintNotFoundException.class)
                .hasMessage("No complaint with reference CMP-2099-999999 is registered.");
        assertThatThrownBy(() -> runtime.correlateMessage("DecisionAccepted", "CMP-2099-999999"))
                .isInstanceOf(MismatchingMessageCorrelationException.class);

        ProcessInstance instance = receivedAndAcknowledged(aPhoneComplaint().startForm());
        Complaint complaint = staff.complaintOf(instance);
        assertThatThrownBy(() -> messages.acceptDecision(complaint.reference(), "ok"))
                .isInstanceOf(ComplaintNotOpenException.class)
                .hasMessageContaining("is not waiting for your reaction to a decision")
                .hasMessageContaining("try again later");
        assertThat(instance).isWaitingAt("Task_ConfirmAssessment");
        assertThat(staff.eventTypes(complaint)).doesNotContain("DECISION_ACCEPTED");
    }

    @Test
    @Order(15)
    void assessmentIsValidatedAndAnOverrideMayOnlyShortenTheCommittedDate() {
        ProcessInstance instance = receivedAndAcknowledged(aPhoneComplaint().startForm());
        Complaint complaint = staff.complaintOf(instance);
        String taskId = staff.task(instance, "Task_ConfirmAssessment").getId();

        Map<String, Object> noReason = assessInScope();
        noReason.put("scopeDecision", "out-of-scope");
        assertThatThrownBy(() -> staff.as("handler", () -> {
                    tasks.complete(taskId, noReason);
                    return null;
                }))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("scopeReason");

        Map<String, Object> longer = assessInScope();
        longer.putAll(Map.of(
                "overrideAssessment",
                true,
                "priorityOverride",
                "low",
                "handlingGroupOverride",
                "complaint-handlers",
                "responseDaysOverride",
                40,
                "overrideReason",
                "Needs a lab test"));
        assertThatThrownBy(() -> staff.as("handler", () -> {
                    tasks.complete(taskId, longer);
                    return null;
                }))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("an override may only shorten it");
        assertThat(instance).isWaitingAt("Task_ConfirmAssessment");
        assertThat(staff.reload(complaint).inScope()).isNull();

        Map<String, Object> shorter = assessInScope();
        shorter.putAll(Map.of(
                "overrideAssessment",
                true,
                "priorityOverride",
                "high",
                "handlingGroupOverride",
                "complaint-managers",
                "responseDaysOverride",
                5,
                "overrideReason",
                "Customer is a care home"));
        staff.complete("handler", instance, "Task_ConfirmAssessment", shorter);
        Complaint assessed = staff.reload(complaint);
        assertThat(assessed.priority()).isEqualTo("high");
        assertThat(assessed.handlingGroup()).isEqualTo("complaint-managers");
        assertThat(assessed.responseDeadline()).isBefore(complaint.responseDeadline());
        assertThat(staff.task(instance, "Task_InvestigateComplaint")).hasCandidateGroup("complaint-managers");
        assertThat(staff.dateVariable(instance, "responseDeadline")).isEqualTo(Date.from(assessed.responseDeadline()));
    }

    @Test
    @Order(16)
    void smtpOutageDelaysTheAcknowledgementWithBackoffThenAnIncidentAndAResolvedIncidentSendsItOnce() throws Exception {
        // whatever earlier tests left queued goes out first, so only this complaint's e-mail meets the outage
        outboxSender.sendDue();
        String email = uniqueEmail();
        ProcessInstance instance =
                staff.startByStaff(aPhoneComplaint().withEmail(email).startForm());
        Complaint complaint = staff.complaintOf(instance);
        mail.stop();
        staff.runDueJobs();
        // the process is not held up by the mail server, and the receipt is committed
        assertThat(instance).isWaitingAt("Task_ConfirmAssessment");
        MailOutbox.Entry queued =
                mailOutbox.find(complaint.reference(), "acknowledgement").orElseThrow();
        assertThat(queued.status()).isEqualTo("PENDING");
        assertThat(queued.attempts()).isEqualTo(1);
        assertThat(queued.lastFailure()).contains("MailConnectException").doesNotContain(email);
        assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), queued.nextAttemptAt()))
                .isBetween(Duration.ofSeconds(59), Duration.ofSeconds(60));
        assertThat(outboxSender.sendDue()).as("not retried before its pause").isZero();
        assertThat(mailOutbox.find(queued.id()).orElseThrow().attempts()).isEqualTo(1);

        // pauses double from 1 minute up to the cap of 1 hour; the tenth failure gives up
        List<Duration> pauses = new ArrayList<>();
        MailOutbox.Entry current = queued;
        while ("PENDING".equals(current.status())) {
            Instant tried = current.nextAttemptAt();
            ClockUtil.setCurrentTime(Date.from(tried.plusSeconds(1)));
            assertThat(outboxSender.sendDue()).isZero();
            current = mailOutbox.find(queued.id()).orElseThrow();
            if ("PENDING".equals(current.status())) {
                pauses.add(Duration.between(tried.plusSeconds(1), current.nextAttemptAt()));
            }
        }
        assertThat(pauses).extracting(Duration::toMinutes).containsExactly(2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
        assertThat(current.status()).isEqualTo("FAILED");
        assertThat(current.attempts()).isEqualTo(10);
        Incident incident = runtime.createIncidentQuery()
                .processInstanceId(instance.getId())
                .singleResult();
        assertThat(incident.getIncidentType()).isEqualTo(OutboxIncidents.TYPE);
        assertThat(incident.getId()).isEqualTo(current.incidentId());
        assertThat(incident.getActivityId()).isEqualTo("Task_ConfirmAssessment");
        assertThat(incident.getIncidentMessage())
                .contains("acknowledgement")
                .contains(complaint.reference())
                .contains("could not be delivered")
                .doesNotContain(email);
        assertThat(staff.eventTypes(complaint)).contains("MAIL_NOT_DELIVERED").doesNotContain("ACKNOWLEDGED");
        assertThat(staff.reload(complaint).acknowledgedAt()).isNull();

        // back up: a given-up e-mail waits for someone to resolve the incident, then goes out exactly once
        mail.start();
        assertThat(outboxSender.sendDue()).isZero();
        assertThat(staff.mailsWithSubject(complaint.reference())).isEmpty();
        runtime.resolveIncident(incident.getId());
        Instant sentAt = ClockUtil.getCurrentTime().toInstant();
        assertThat(outboxSender.sendDue()).isEqualTo(1);
        assertThat(outboxSender.sendDue()).isZero();
        assertThat(staff.mailsWithSubject(complaint.reference())).hasSize(1);
        assertThat(staff.mailsWithSubject(complaint.reference()).get(0).getMessageID())
                .isEqualTo("<acknowledgement." + complaint.reference() + "@complaints.example.org>");
        MailOutbox.Entry sent = mailOutbox.find(queued.id()).orElseThrow();
        assertThat(sent.status()).isEqualTo("SENT");
        assertThat(sent.attempts()).isEqualTo(10);
        // the copy is in the mail log; the outbox keeps no personal data once sent
        assertThat(sent.mail().recipients()).isEmpty();
        assertThat(sent.mail().body()).isNull();
        // acknowledged when the e-mail actually went out
        assertThat(staff.reload(complaint).acknowledgedAt()).isEqualTo(sentAt);
        assertThat(staff.eventTypes(complaint).stream().filter("ACKNOWLEDGED"::equals))
                .hasSize(1);
        assertThat(staff.eventTypes(complaint).stream().filter("MAIL_SENT"::equals))
                .hasSize(1);
    }

    @Test
    @Order(17)
    void aRepeatedAcknowledgementStepDoesNotSendTwice() {
        ProcessInstance instance = receivedAndAcknowledged(aPhoneComplaint().startForm());
        Complaint complaint = staff.complaintOf(instance);
        acknowledgements.acknowledge(complaint.id());
        acknowledgements.acknowledge(complaint.id());
        staff.runDueJobs();
        assertThat(staff.mailsWithSubject(complaint.reference())).hasSize(1);
        assertThat(mailLog.list(complaint.id())).hasSize(1);
        assertThat(jdbc.sql("select count(*) from cmp_mail_outbox where complaint_id = ?")
                        .param(complaint.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    @Order(18)
    void aStepThatRollsBackLeavesNoEmailAndTheAcknowledgementTimeIsWhenItWentOut() {
        ProcessInstance instance = staff.startByStaff(aPhoneComplaint().startForm());
        Complaint complaint = staff.complaintOf(instance);
        Job ack = management
                .createJobQuery()
                .processInstanceId(instance.getId())
                .activityId("Task_AssessPriority")
                .singleResult();
        // the step's transaction (the engine's) fails after the e-mail was queued: nothing stays queued
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
                    acknowledgements.acknowledge(complaint.id());
                    throw new IllegalStateException("the engine's transaction rolls back");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(mailOutbox.find(complaint.reference(), "acknowledgement")).isEmpty();

        management.executeJob(ack.getId());
        assertThat(staff.reload(complaint).acknowledgedAt())
                .as("queued, not yet sent")
                .isNull();
        ClockUtil.setCurrentTime(
                Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(90)));
        Instant sentAt = ClockUtil.getCurrentTime().toInstant();
        staff.runDueJobs();
        assertThat(staff.reload(complaint).acknowledgedAt()).isEqualTo(sentAt);
        assertThat(mailLog.list(complaint.id()))
                .extracting(MailLog.SentMail::sentAt)
                .containsExactly(sentAt);
    }

    @Test
    @Order(19)
    void anEmailGivenUpAfterItsProcessEndedHasNoIncidentAndIsRetriedOnce() {
        outboxSender.sendDue();
        ProcessInstance instance = receivedAndAcknowledged(aPhoneComplaint().startForm());
        Complaint complaint = staff.complaintOf(instance);
        mail.stop();
        messages.withdraw(complaint.reference(), "I have solved it with the courier myself.");
        staff.runDueJobs();
        assertThat(instance).isEnded();
        MailOutbox.Entry entry = mailOutbox
                .find(complaint.reference(), "withdrawal-confirmation")
                .orElseThrow();
        while ("PENDING".equals(entry.status())) {
            ClockUtil.setCurrentTime(Date.from(entry.nextAttemptAt().plusSeconds(1)));
            outboxSender.sendDue();
            entry = mailOutbox.find(entry.id()).orElseThrow();
        }
        // given up with nowhere to raise an incident: the event log, the gauge and the staff API show it
        assertThat(entry.status()).isEqualTo("FAILED");
        assertThat(entry.incidentId()).isNull();
        assertThat(staff.eventTypes(complaint)).contains("MAIL_NOT_DELIVERED");

        mail.start();
        assertThat(outboxSender.sendDue()).isZero();
        assertThat(outboxSender.retry(entry.id())).isTrue();
        assertThat(outboxSender.retry(entry.id()))
                .as("pending again, not failed")
                .isFalse();
        assertThat(outboxSender.sendDue()).isEqualTo(1);
        assertThat(outboxSender.sendDue()).isZero();
        assertThat(staff.mailsWithSubject("You have withdrawn your complaint " + complaint.reference()))
                .hasSize(1);
    }

    @Test
    @Order(20)
    void anEmailAcceptedByTheServerIsNeverSentAgainEvenWhenRecordingItFails() {
        outboxSender.sendDue();
        ProcessInstance instance = staff.startByStaff(aPhoneComplaint().startForm());
        Complaint complaint = staff.complaintOf(instance);
        failingFollowUp.failing.set(true);
        try {
            staff.runDueJobs();
            ClockUtil.setCurrentTime(
                    Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(2))));
            assertThat(outboxSender.sendDue()).isZero();
        } finally {
            failingFollowUp.failing.set(false);
        }
        assertThat(staff.mailsWithSubject(complaint.reference())).hasSize(1);
        MailOutbox.Entry entry =
                mailOutbox.find(complaint.reference(), "acknowledgement").orElseThrow();
        assertThat(entry.status()).isEqualTo("SENT");
        assertThat(entry.lastFailure()).contains("not recorded").contains("IllegalStateException");
    }

    @Test
    @Order(21)
    void aDecisionThatFailsKeepsTheReceiptAndRaisesAnIncidentAtTheAssessmentAfterItsRetries() {
        Complaint filed = fileThrough("web");
        ProcessInstance instance = processOf(filed);
        // the receipt is committed before any rule runs
        assertThat(instance).isWaitingAt("Task_AssessPriority");
        assertThat(filed.reference()).startsWith("CMP-");
        // the decision table cannot be evaluated (an input is text where its column reads true or false): the step
        // fails, every retry too
        runtime.setVariable(instance.getId(), "safetyRelevant", "perhaps");
        int attempts = 0;
        for (Job job = assessmentJob(instance); job.getRetries() > 0 && attempts < 10; job = assessmentJob(instance)) {
            if (job.getDuedate() != null) {
                ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 1000));
            }
            String jobId = job.getId();
            assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining("perhaps");
            attempts++;
        }
        // R5/PT2M in the model: five attempts, two minutes apart
        assertThat(attempts).isEqualTo(5);
        Incident incident = runtime.createIncidentQuery()
                .processInstanceId(instance.getId())
                .singleResult();
        assertThat(incident.getActivityId()).isEqualTo("Task_AssessPriority");
        assertThat(incident.getIncidentType()).isEqualTo("failedJob");
        // nothing was lost or half done: the complaint stays received, without a deadline or an acknowledgement
        Complaint kept = staff.reload(filed);
        assertThat(kept.stage()).isEqualTo(filed.stage());
        assertThat(kept.responseDeadline()).isNull();
        assertThat(mailOutbox.find(filed.reference(), "acknowledgement")).isEmpty();

        // the process owner repairs the cause; the job runs again: assessed, acknowledged, on to the assessment task
        runtime.setVariable(instance.getId(), "safetyRelevant", false);
        management.setJobRetries(incident.getConfiguration(), 1);
        ClockUtil.setCurrentTime(
                Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(5))));
        staff.runDueJobsOf(instance.getId());
        assertThat(instance).isWaitingAt("Task_ConfirmAssessment");
        assertThat(staff.reload(filed).responseDeadline()).isNotNull();
        assertThat(staff.mailsWithSubject(filed.reference())).hasSize(1);
    }

    private Job assessmentJob(ProcessInstance instance) {
        return management
                .createJobQuery()
                .processInstanceId(instance.getId())
                .activityId("Task_AssessPriority")
                .singleResult();
    }

    @Test
    @Order(22)
    void aBacklogGoesOutBatchAfterBatchInOneRunForAsLongAsTheRunMayDrain() {
        outboxSender.sendDue();
        Complaint complaint =
                staff.complaintOf(staff.startByStaff(aPhoneComplaint().startForm()));
        List<String> backlog = queue(complaint, "backlog", 5);
        // batches of two: one run takes three of them, the last one not full
        drainingSender(Duration.ofSeconds(30)).sendScheduled();
        assertThat(backlog)
                .allSatisfy(key -> assertThat(mailOutbox
                                .find(complaint.reference(), key)
                                .orElseThrow()
                                .status())
                        .isEqualTo("SENT"));
        assertThat(staff.mailsWithSubject("Backlog " + complaint.reference())).hasSize(5);

        // a run with no time to drain sends one batch; the next run the rest
        List<String> more = queue(complaint, "more", 3);
        drainingSender(Duration.ZERO).sendScheduled();
        assertThat(more)
                .filteredOn(key -> "SENT"
                        .equals(mailOutbox
                                .find(complaint.reference(), key)
                                .orElseThrow()
                                .status()))
                .hasSize(2);
        drainingSender(Duration.ZERO).sendScheduled();
        assertThat(staff.mailsWithSubject("More " + complaint.reference())).hasSize(3);
    }

    private List<String> queue(Complaint complaint, String kind, int count) {
        List<String> keys = new ArrayList<>();
        transactions.executeWithoutResult(tx -> {
            for (int i = 1; i <= count; i++) {
                String key = kind + "-" + i;
                String subject = Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + " " + complaint.reference()
                        + " " + i;
                mailOutbox.add(
                        new OutgoingMail(
                                complaint.id(),
                                complaint.reference(),
                                key,
                                "test-" + kind,
                                "en",
                                List.of(complaint.complainantEmail()),
                                subject,
                                "Message " + i,
                                "<" + key + "." + complaint.reference() + "@complaints.example.org>"),
                        clock.instant());
                keys.add(key);
            }
        });
        return keys;
    }

    @Test
    @Order(23)
    void everyOpenStageHasItsCommittedDateAndASecondAnswerIsRefusedAsAlreadyAnswered() {
        ProcessInstance accepted = awaitingReaction(proposal("upheld", "Replacement of the damaged goods", 40));
        Complaint complaint = staff.complaintOf(accepted);
        messages.acceptDecision(complaint.reference(), "Thank you");
        assertThat(accepted).isWaitingAt("Task_CarryOutRemedy");
        Complaint remedying = staff.reload(complaint);
        assertThat(remedying.stage()).isEqualTo(ComplaintStage.REMEDY);
        var remedyStatus = statusService.status(remedying);
        assertThat(remedyStatus.awaitingDecisionResponse()).isFalse();
        // the remedy task's own due date is the date committed to for this stage
        assertThat(remedyStatus.nextCommittedDate())
                .isEqualTo(
                        staff.task(accepted, "Task_CarryOutRemedy").getDueDate().toInstant());
        List<String> eventsBefore = staff.eventTypes(complaint);

        ch.qos.logback.classic.Logger root =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
                new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        root.addAppender(logged);
        try {
            assertThatThrownBy(() -> messages.acceptDecision(complaint.reference(), "again"))
                    .isInstanceOf(DecisionAlreadyAnsweredException.class)
                    .hasMessageContaining("already been answered")
                    .satisfies(e -> assertThat(((ComplaintNotOpenException) e).retryable())
                            .isFalse());
            assertThatThrownBy(() -> messages.rejectDecision(complaint.reference(), "changed my mind"))
                    .isInstanceOf(DecisionAlreadyAnsweredException.class);
        } finally {
            root.detachAppender(logged);
        }
        assertThat(logged.list).noneMatch(e -> e.getLevel() == ch.qos.logback.classic.Level.ERROR);
        assertThat(accepted).isWaitingAt("Task_CarryOutRemedy");
        assertThat(staff.eventTypes(complaint)).isEqualTo(eventsBefore);
        assertThat(staff.reload(complaint).stage()).isEqualTo(ComplaintStage.REMEDY);

        ProcessInstance rejected = awaitingReaction(proposal("not-upheld", null, null));
        Complaint reviewed = staff.complaintOf(rejected);
        messages.rejectDecision(reviewed.reference(), "Please look again.");
        assertThat(rejected).isWaitingAt("Task_ReviewComplaint");
        assertThat(statusService.status(staff.reload(reviewed)).nextCommittedDate())
                .isEqualTo(staff.task(rejected, "Task_ReviewComplaint")
                        .getDueDate()
                        .toInstant())
                .isNotNull();
        assertThatThrownBy(() -> messages.acceptDecision(reviewed.reference(), null))
                .isInstanceOf(DecisionAlreadyAnsweredException.class);
        assertThat(rejected).isWaitingAt("Task_ReviewComplaint");

        staff.complete(
                "manager",
                rejected,
                "Task_ReviewComplaint",
                Map.of("reviewOutcome", "not-upheld", "reviewReasons", "The delivery photo shows the handover."));
        staff.runDueJobs();
        messages.rejectDecision(reviewed.reference(), "I will go to the ombudsman.");
        staff.runDueJobs();
        // the complainant is asked whether they go to the external body, by a date
        Complaint asked = staff.reload(reviewed);
        assertThat(asked.stage()).isEqualTo(ComplaintStage.REFERRAL_DECISION);
        assertThat(statusService.status(asked).nextCommittedDate())
                .isEqualTo(
                        staff.dateVariable(rejected, "referralAnswerDeadline").toInstant());
        messages.answerExternalReferral(reviewed.reference(), true, null);
        assertThat(rejected).isWaitingAt("Task_RecordExternalReferral");
        Complaint external = staff.reload(reviewed);
        assertThat(external.stage()).isEqualTo(ComplaintStage.EXTERNAL_REVIEW);
        // once recorded, the time limit for the external outcome is the committed date
        staff.complete(
                "manager",
                rejected,
                "Task_RecordExternalReferral",
                Map.of("adrBody", "Example Dispute Resolution Board", "referredAt", "2026-11-20"));
        var externalStatus = statusService.status(staff.reload(reviewed));
        assertThat(externalStatus.nextCommittedDate())
                .isEqualTo(staff.task(rejected, "Task_RecordExternalOutcome")
                        .getDueDate()
                        .toInstant());
        assertThat(externalStatus.nextStep()).contains("when we expect to record the outcome");
        assertThatThrownBy(() -> messages.rejectDecision(reviewed.reference(), null))
                .isInstanceOf(DecisionAlreadyAnsweredException.class);
    }

    private OutboxSender drainingSender(Duration drainFor) {
        return new OutboxSender(
                mailOutbox,
                smtpDelivery,
                sentMailRecorder,
                outboxIncidents,
                events,
                engineAuthority,
                new OutboxProperties("-", Duration.ofMinutes(1), Duration.ofHours(1), 10, 2, drainFor),
                clock,
                transactionManager);
    }
}
