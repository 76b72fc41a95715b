package org.complaints.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.complaints.intake.Submissions.aPhoneComplaint;
import static org.complaints.process.ProcessTestSupport.assessInScope;
import static org.complaints.process.ProcessTestSupport.findings;
import static org.complaints.process.ProcessTestSupport.proposal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.complaints.acknowledgement.AcknowledgementService;
import org.complaints.complaintfile.CallsToMake;
import org.complaints.deadlines.Deadlines;
import org.complaints.letters.Letters;
import org.complaints.letters.PrintQueue;
import org.complaints.mail.MailFormats;
import org.complaints.mail.MailLog;
import org.complaints.privacy.Anonymiser;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintEvent;
import org.complaints.register.ComplaintStage;
import org.complaints.register.DecisionRegister;
import org.complaints.survey.SurveySender;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.server.ResponseStatusException;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Complainants who prefer post or phone (ISO 10002 4.5): every message of the process becomes a letter in the
 * print queue or a call task, never an e-mail; a letter counts as delivered when posted (acknowledgement time,
 * decision communicated, the reaction period from then), a call when the complainant is reached; a letter is
 * produced once and bears the dates of the day it is printed, which are the ones the timer uses; a call's process
 * holds no contact data; the "Post letters" task runs exactly while letters wait.
 */
@ProcessTest
class LettersAndCallsProcessTest extends ProcessTestBase {

    private static final String ADDRESS = "Kerkstraat 12\n1017 GC Amsterdam";

    @Autowired
    DecisionRegister decisions;

    @Autowired
    MailLog mailLog;

    @Autowired
    Letters letters;

    @Autowired
    PrintQueue printQueue;

    @Autowired
    AcknowledgementService acknowledgements;

    @Autowired
    SurveySender surveys;

    @Autowired
    Deadlines deadlines;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MailFormats formats;

    @Autowired
    CallsToMake callsToMake;

    @Autowired
    ITemplateEngine templates;

    @Autowired
    Anonymiser anonymiser;

    /**
     * Started by intake and, before the acknowledgement step runs, recorded as the contact-model intake records it:
     * no e-mail, a postal address (or a phone only) and the preferred way.
     */
    private ProcessInstance received(String language, String way, String address, String needs) {
        ProcessInstance instance = staff.startByStaff(aPhoneComplaint()
                .withName("Ayşe Yılmaz-Õunapuu")
                .withLanguage(language)
                .startForm());
        assertThat(instance).isWaitingAt("Task_AssessPriority");
        Complaint complaint = staff.complaintOf(instance);
        jdbc.sql("""
                update cmp_complaint set complainant_email = null, postal_address = ?, preferred_contact = ?,
                    accessibility_needs = ?
                where id = ?""").params(address, way, needs, complaint.id()).update();
        staff.runDueJobs();
        return instance;
    }

    private List<Letters.Letter> waitingOf(Complaint complaint) {
        return letters.ofComplaint(complaint.id()).stream()
                .filter(l -> !l.posted())
                .toList();
    }

    private Letters.Letter onlyWaiting(Complaint complaint, String kind) {
        List<Letters.Letter> waiting = waitingOf(complaint);
        assertThat(waiting).extracting(Letters.Letter::kind).containsExactly(kind);
        return waiting.get(0);
    }

    private String text(Letters.Letter letter) throws IOException {
        return text(letters.pdf(letter.id()).orElseThrow());
    }

    private static String text(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** Downloads the letter's PDF from the print queue as complaint intake does to print it. */
    private byte[] download(Letters.Letter letter) {
        return staff.as("intake", () -> printQueue.download(printQueue.poster(), letter.id()))
                .pdf();
    }

    private String summaryOf(Complaint complaint, String type) {
        return events.list(complaint.id()).stream()
                .filter(e -> type.equals(e.type()))
                .map(ComplaintEvent::summary)
                .reduce((first, last) -> last)
                .orElseThrow();
    }

    private Date noReactionTimer(ProcessInstance instance) {
        Job timer = management
                .createJobQuery()
                .processInstanceId(instance.getId())
                .activityId("Event_NoReaction")
                .singleResult();
        return timer.getDuedate();
    }

    /** A letter complaint whose decision letter waits in the print queue, its acknowledgement posted. */
    private ProcessInstance decisionWaits() {
        ProcessInstance instance = received("nl", "post", ADDRESS, null);
        post(onlyWaiting(staff.complaintOf(instance), "acknowledgement"));
        decide(instance);
        return instance;
    }

    /** Assessed, investigated and decided (partly upheld, a replacement and EUR 40): the decision is out. */
    private void decide(ProcessInstance instance) {
        staff.complete("handler", instance, "Task_ConfirmAssessment", assessInScope());
        staff.complete("handler", instance, "Task_InvestigateComplaint", findings());
        staff.complete(
                "handler",
                instance,
                "Task_ProposeResolution",
                proposal("partly-upheld", "Replacement of the damaged goods", 40));
        staff.runDueJobs();
        assertThat(instance).isWaitingAt("Gateway_AwaitReaction");
    }

    private Letters.Letter post(Letters.Letter letter) {
        return staff.as("intake", () -> printQueue.markPosted(printQueue.poster(), letter.id()));
    }

    private Task postLettersTask() {
        return tasks.createTaskQuery()
                .processDefinitionKey("letter-posting")
                .taskDefinitionKey("Task_PostLetters")
                .singleResult();
    }

    @Test
    void letterComplaintWithoutEmailTravelsToClosureWithEveryLetterInThePrintQueue() throws IOException {
        ProcessInstance instance = received("nl", "post", ADDRESS, null);
        Complaint complaint = staff.complaintOf(instance);
        assertThat(complaint.complainantEmail()).isNull();
        assertThat(instance).isWaitingAt("Task_ConfirmAssessment");

        // the acknowledgement is a letter, in Dutch, and no e-mail goes anywhere
        Letters.Letter ack = onlyWaiting(complaint, "acknowledgement");
        assertThat(ack.language()).isEqualTo("nl");
        assertThat(text(ack))
                .contains("Ayşe Yılmaz-Õunapuu", "Kerkstraat 12", "1017 GC Amsterdam")
                .contains(complaint.reference())
                .contains("Ons kenmerk")
                .contains("Beste Ayşe Yılmaz-Õunapuu")
                .contains("/complaints/" + complaint.reference() + "?token=");
        assertThat(staff.subjects()).noneMatch(subject -> subject.contains(complaint.reference()));
        // not acknowledged before it is posted; complaint intake has the "Post letters" task meanwhile
        assertThat(staff.reload(complaint).acknowledgedAt()).isNull();
        Task postLetters = postLettersTask();
        assertThat(postLetters).isNotNull();
        assertThat(tasks.getIdentityLinksForTask(postLetters.getId()))
                .anyMatch(link -> "complaint-intake".equals(link.getGroupId()));
        assertThat(staff.eventTypes(complaint)).contains("LETTER_QUEUED").doesNotContain("ACKNOWLEDGED");

        // exactly once: the step run again finds its letter
        acknowledgements.acknowledge(complaint.id());
        assertThat(letters.ofComplaint(complaint.id())).hasSize(1);

        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofHours(3))));
        Instant postedAt = ClockUtil.getCurrentTime().toInstant();
        Letters.Letter posted = post(ack);
        assertThat(posted.postedBy()).isEqualTo("intake");
        assertThat(staff.reload(complaint).acknowledgedAt()).isEqualTo(postedAt);
        assertThat(mailLog.sentAt(complaint.id(), "acknowledgement")).contains(postedAt);
        assertThat(staff.eventTypes(complaint)).contains("LETTER_POSTED", "ACKNOWLEDGED");
        // a second posting is refused (409) and changes nothing
        assertThatThrownBy(() -> post(ack))
                .isInstanceOf(ResponseStatusException.class)
                .hasMessageContaining("409");
        // the queue is empty: the "Post letters" instance has ended
        assertThat(postLettersTask()).isNull();

        decide(instance);
        Letters.Letter decision = onlyWaiting(complaint, "decision");
        assertThat(text(decision)).contains("Replacement of the damaged goods").contains("EUR 40");
        assertThat(decisions.get(complaint.id(), 1).communicatedAt()).isNull();
        Date setByStep = staff.dateVariable(instance, "reactionDeadline");

        // posted four days later: the reaction period counts from the posting date
        ClockUtil.setCurrentTime(
                Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(4))));
        Instant decisionPosted = ClockUtil.getCurrentTime().toInstant();
        post(decision);
        assertThat(decisions.get(complaint.id(), 1).communicatedAt()).isEqualTo(decisionPosted);
        Date fromPosting = deadlines.reactionDeadline(decisionPosted);
        assertThat(fromPosting).isAfter(setByStep);
        assertThat(staff.dateVariable(instance, "reactionDeadline")).isEqualTo(fromPosting);
        Job timer = management
                .createJobQuery()
                .processInstanceId(instance.getId())
                .activityId("Event_NoReaction")
                .singleResult();
        assertThat(timer.getDuedate()).isEqualTo(fromPosting);
        // never downloaded before: laid out for the posting day, the copy kept says the date the timer uses
        assertThat(text(decision))
                .contains(formats.date(fromPosting.toInstant(), "nl"))
                .doesNotContain(formats.date(setByStep.toInstant(), "nl"));
        assertThat(summaryOf(complaint, "DECISION_COMMUNICATED")).endsWith("by letter");
        assertThat(summaryOf(complaint, "ACKNOWLEDGED")).startsWith("Acknowledged by letter");

        // at the date the step had set, the complaint is still open; at the one counted from posting it closes
        staff.advanceAndRun(setByStep, instance.getId());
        assertThat(instance).isWaitingAt("Gateway_AwaitReaction");
        staff.advanceAndRun(fromPosting, instance.getId());
        assertThat(instance).isWaitingAt("Task_CarryOutRemedy");
        staff.complete(
                "handler",
                instance,
                "Task_CarryOutRemedy",
                Map.of("remedyCarriedOut", "Replacement sent by courier", "remedyCompletedOn", "2026-11-20"));
        staff.runDueJobsOf(instance.getId());
        assertThat(instance).isEnded();
        assertThat(staff.reload(complaint).stage()).isEqualTo(ComplaintStage.CLOSED);
        // the weekly status notices of the weeks the clock moved on went as letters too
        assertThat(waitingOf(complaint))
                .extracting(Letters.Letter::kind)
                .contains("closure-notice")
                .containsOnly("closure-notice", "status-update");
        waitingOf(complaint).forEach(this::post);

        // the survey invitation too, with its paper reply option
        surveys.sendDue();
        Letters.Letter survey = onlyWaiting(complaint, "survey-invitation");
        assertThat(text(survey)).contains("op papier", "Postbus 1234");
        post(survey);

        assertThat(waitingOf(complaint)).isEmpty();
        assertThat(staff.subjects()).noneMatch(subject -> subject.contains(complaint.reference()));
        assertThat(postLettersTask()).isNull();
    }

    @Test
    void aDecisionLetterPrintedDaysAfterTheStepStatesTheDateTheTimerUses() throws IOException {
        ProcessInstance instance = decisionWaits();
        Complaint complaint = staff.complaintOf(instance);
        Letters.Letter decision = onlyWaiting(complaint, "decision");
        Date setByStep = staff.dateVariable(instance, "reactionDeadline");

        // printed four days after the step produced it: dated that day, the period counted from that day
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(4))));
        Instant printedAt = ClockUtil.getCurrentTime().toInstant();
        Date ifPostedToday = deadlines.reactionDeadline(printedAt);
        String printed = text(download(decision));
        assertThat(printed)
                .contains("Datum: " + formats.date(printedAt, "nl"))
                .contains(formats.date(ifPostedToday.toInstant(), "nl"))
                .doesNotContain(formats.date(setByStep.toInstant(), "nl"));
        assertThat(letters.find(decision.id()).orElseThrow().printedAt()).isEqualTo(printedAt);

        // posted the next day, the paper would state an earlier date than the timer's: refused until printed again
        ClockUtil.setCurrentTime(Date.from(printedAt.plus(Duration.ofDays(1))));
        assertThatThrownBy(() -> post(decision))
                .isInstanceOf(ResponseStatusException.class)
                .hasMessageContaining("409")
                .hasMessageContaining("printed for another day");
        assertThat(letters.find(decision.id()).orElseThrow().posted()).isFalse();
        assertThat(decisions.get(complaint.id(), 1).communicatedAt()).isNull();

        // printed again and posted the same day: the date on the paper is the timer's and the variable's
        Instant postedAt = ClockUtil.getCurrentTime().toInstant();
        byte[] reprinted = download(decision);
        post(decision);
        Date due = noReactionTimer(instance);
        assertThat(due).isEqualTo(deadlines.reactionDeadline(postedAt));
        assertThat(staff.dateVariable(instance, "reactionDeadline")).isEqualTo(due);
        assertThat(text(reprinted)).contains(formats.date(due.toInstant(), "nl"));
        // the copy kept is the one posted
        assertThat(letters.pdf(decision.id()).orElseThrow()).isEqualTo(reprinted);
        assertThat(mailLog.list(complaint.id()))
                .filteredOn(m -> "decision".equals(m.template()))
                .singleElement()
                .satisfies(m -> assertThat(m.body()).contains(formats.date(due.toInstant(), "nl")));
    }

    @Test
    void erasingALetterComplainantsDataEndsThePostLettersTaskTheirLetterOpened() {
        ProcessInstance instance = received("nl", "post", ADDRESS, null);
        Complaint complaint = staff.complaintOf(instance);
        onlyWaiting(complaint, "acknowledgement");
        assertThat(postLettersTask()).isNotNull();

        assertThat(anonymiser.anonymise(complaint.id(), "The complainant asked to be forgotten", "manager"))
                .isTrue();

        assertThat(waitingOf(complaint)).isEmpty();
        assertThat(postLettersTask()).isNull();
    }

    @Test
    void largePrintLetterInTurkishAndAPostLettersTaskCompletedByHandComesBack() throws IOException {
        ProcessInstance instance = received("tr", "post", ADDRESS, "large-print");
        Complaint complaint = staff.complaintOf(instance);
        Letters.Letter ack = onlyWaiting(complaint, "acknowledgement");
        assertThat(ack.largePrint()).isTrue();
        assertThat(text(ack)).contains("Sayın Ayşe Yılmaz-Õunapuu", "Referansımız", complaint.reference());

        // completed in Tasklist while the letter still waits: the task comes back
        Task first = postLettersTask();
        staff.as("intake", () -> {
            tasks.claim(first.getId(), "intake");
            tasks.complete(first.getId());
            return null;
        });
        Task again = postLettersTask();
        assertThat(again).isNotNull();
        assertThat(again.getId()).isNotEqualTo(first.getId());

        post(ack);
        assertThat(postLettersTask()).isNull();
        assertThat(staff.reload(complaint).acknowledgedAt()).isNotNull();
    }

    @Test
    void aComplainantWhoPrefersPhoneIsCalledAndReachedOrNotReached() {
        // reached: the acknowledgement counts as delivered by the call
        ProcessInstance reachedInstance = received("en", "phone", null, null);
        Complaint reached = staff.complaintOf(reachedInstance);
        assertThat(letters.ofComplaint(reached.id())).isEmpty();
        assertThat(staff.reload(reached).acknowledgedAt()).isNull();
        ProcessInstance call = runtime.createProcessInstanceQuery()
                .processDefinitionKey("complainant-call")
                .processInstanceBusinessKey(reached.reference() + "/acknowledgement")
                .singleResult();
        assertThat(call).isNotNull();
        Task task = tasks.createTaskQuery()
                .processInstanceId(call.getId())
                .taskDefinitionKey("Task_CallComplainant")
                .singleResult();
        // the complaint's handling group calls
        assertThat(tasks.getIdentityLinksForTask(task.getId()))
                .anyMatch(link -> staff.reload(reached).handlingGroup().equals(link.getGroupId()));
        // the engine holds ids only: whom to call and what to say are in the application's tables
        assertThat(runtime.getVariables(call.getId()).keySet()).containsOnly("callId", "reference", "callGroup");
        // the Complaint tab's "Call to make" shows them, read from cmp_call and the register
        String phone = staff.reload(reached).addressee().phone();
        assertThat(phone).isNotBlank();
        List<CallsToMake.CallToMake> open = callsToMake.open(reached.reference());
        assertThat(open).hasSize(1);
        assertThat(open.get(0).name()).isEqualTo("Ayşe Yılmaz-Õunapuu");
        assertThat(open.get(0).phone()).isEqualTo(phone);
        assertThat(open.get(0).script()).contains("Dear Ayşe Yılmaz-Õunapuu").contains(reached.reference());
        String section = templates.process(
                "staff/calls-to-make",
                Set.of("calls"),
                new Context(Locale.forLanguageTag("nl"), Map.of("callsToMake", open)));
        assertThat(section)
                .contains("Te voeren telefoongesprek", "Ayşe Yılmaz-Õunapuu", "tel:" + phone, reached.reference());
        staff.complete(
                "handler", call, "Task_CallComplainant", Map.of("callOutcome", "reached", "callNote", "Told at 10:05"));
        assertThat(call).isEnded();
        assertThat(staff.reload(reached).acknowledgedAt()).isNotNull();
        assertThat(staff.eventTypes(reached)).contains("CALL_QUEUED", "CALL_REACHED", "ACKNOWLEDGED");
        assertThat(summaryOf(reached, "ACKNOWLEDGED")).startsWith("Acknowledged by phone call");
        assertThat(callsToMake.open(reached.reference())).isEmpty();
        // nor does the engine's history hold a name, number or script of the call
        List<HistoricVariableInstance> kept = history.createHistoricVariableInstanceQuery()
                .processInstanceId(call.getId())
                .list();
        assertThat(kept)
                .extracting(HistoricVariableInstance::getName)
                .containsOnly("callId", "reference", "callGroup", "callOutcome", "callNote");
        assertThat(kept)
                .extracting(v -> String.valueOf(v.getValue()))
                .noneMatch(value -> value.contains("Ayşe") || value.contains(phone) || value.contains("Dear"));

        // not reached, with a postal address known: the same message goes as a letter
        ProcessInstance notReachedInstance = received("en", "phone", ADDRESS, null);
        Complaint notReached = staff.complaintOf(notReachedInstance);
        ProcessInstance secondCall = runtime.createProcessInstanceQuery()
                .processDefinitionKey("complainant-call")
                .processInstanceBusinessKey(notReached.reference() + "/acknowledgement")
                .singleResult();
        staff.complete("handler", secondCall, "Task_CallComplainant", Map.of("callOutcome", "not-reached"));
        assertThat(staff.reload(notReached).acknowledgedAt()).isNull();
        Letters.Letter letter = onlyWaiting(notReached, "acknowledgement");
        assertThat(staff.eventTypes(notReached)).contains("CALL_NOT_REACHED", "LETTER_QUEUED");
        post(letter);
        assertThat(staff.reload(notReached).acknowledgedAt()).isNotNull();
        assertThat(summaryOf(notReached, "ACKNOWLEDGED")).startsWith("Acknowledged by letter");
        assertThat(staff.subjects()).noneMatch(subject -> subject.contains(notReached.reference()));
    }
}
