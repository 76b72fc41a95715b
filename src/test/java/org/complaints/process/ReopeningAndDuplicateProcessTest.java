package org.complaints.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.complaints.intake.Submissions.aPhoneComplaint;
import static org.complaints.intake.Submissions.uniqueEmail;
import static org.complaints.process.ProcessTestSupport.assessInScope;
import static org.complaints.process.ProcessTestSupport.findings;
import static org.complaints.process.ProcessTestSupport.proposal;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.complaints.analysis.ReportRollup;
import org.complaints.deadlines.WorkingDayCalendar;
import org.complaints.engine.InvalidInputException;
import org.complaints.intake.ComplainantMessages;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintStage;
import org.complaints.reopening.Duplicates;
import org.complaints.reopening.Reopenings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * Reopening a closed complaint (after a decision was accepted, after a withdrawal, after an out-of-scope answer)
 * and closing a duplicate (in the assessment, in the investigation) through processes/complaint-handling.bpmn:
 * the register row, its reference and history stay, the complaint's process instance is a new one that starts at
 * the assessment, the complainant gets each e-mail once, and what may not happen is refused.
 */
@ProcessTest
class ReopeningAndDuplicateProcessTest extends ProcessTestBase {

    private static final AtomicInteger PHONES = new AtomicInteger(1000);

    @Autowired
    ComplainantMessages messages;

    @Autowired
    Reopenings reopenings;

    @Autowired
    Duplicates duplicates;

    @Autowired
    ReportRollup rollup;

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    private static String uniquePhone() {
        return "+31 20 555 " + PHONES.incrementAndGet();
    }

    private ProcessInstance inAssessment(String email) {
        ProcessInstance instance = staff.startByStaff(
                aPhoneComplaint().withEmail(email).withPhone(uniquePhone()).startForm());
        staff.runDueJobs();
        assertThat(instance).isWaitingAt("Task_ConfirmAssessment");
        return instance;
    }

    private ProcessInstance investigating(String email) {
        ProcessInstance instance = inAssessment(email);
        staff.complete("handler", instance, "Task_ConfirmAssessment", assessInScope());
        assertThat(instance).isWaitingAt("Task_InvestigateComplaint");
        return instance;
    }

    private Reopenings.Reopened reopen(Complaint complaint, String reason) {
        return staff.as(
                "manager", () -> transactions.execute(status -> reopenings.reopen(complaint.id(), "manager", reason)));
    }

    private void markDuplicate(Complaint duplicate, Complaint original) {
        staff.as(
                "handler",
                () -> transactions.execute(status -> {
                    duplicates.mark(duplicate.id(), original.id(), "handler");
                    return null;
                }));
    }

    private ProcessInstance instanceOf(String processInstanceId) {
        return runtime.createProcessInstanceQuery()
                .processInstanceId(processInstanceId)
                .singleResult();
    }

    private long reportedClosed(Complaint complaint) {
        return jdbc.sql("""
                        select coalesce(sum(n), 0) from cmp_report_day
                        where dimension = 'flag' and key1 = 'closed' and received_day = ?""")
                .param(java.sql.Date.valueOf(complaint
                        .receivedAt()
                        .atZone(java.time.ZoneId.of("Europe/Amsterdam"))
                        .toLocalDate()))
                .query(Long.class)
                .single();
    }

    /** The complaint is open again, in a new process instance at the assessment, with its history. */
    private ProcessInstance assertReopened(
            Complaint before, Reopenings.Reopened reopened, String previousReason, Instant reopenedAt) {
        assertThat(reopened.reference()).isEqualTo(before.reference());
        assertThat(reopened.processInstanceId()).isNotEqualTo(before.processInstanceId());
        ProcessInstance instance = instanceOf(reopened.processInstanceId());
        assertThat(instance.getBusinessKey()).isEqualTo(before.reference());
        assertThat(instance)
                .hasPassed("StartEvent_ComplaintReopened", "Task_ReopenComplaint")
                .isWaitingAt("Task_ConfirmAssessment");
        Complaint after = staff.reload(before);
        assertThat(after.stage()).isEqualTo(ComplaintStage.ASSESSMENT);
        assertThat(after.isClosed()).isFalse();
        assertThat(after.closedAt()).isNull();
        assertThat(after.closureReason()).isNull();
        assertThat(after.processInstanceId()).isEqualTo(reopened.processInstanceId());
        Instant due = calendar.workingDaysAfter(reopenedAt, before.responseDays());
        assertThat(after.responseDeadline()).isEqualTo(due).isEqualTo(reopened.responseDeadline());
        assertThat(staff.dateVariable(instance, "responseDeadline")).isEqualTo(Date.from(due));
        assertThat(staff.eventTypes(after)).contains("CLOSED", "REOPENED");
        assertThat(events.list(after.id()))
                .filteredOn(e -> e.type().equals("REOPENED"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("manager");
                    assertThat(e.summary())
                            .contains(previousReason.toLowerCase().replace('_', ' '));
                    assertThat(e.detail()).contains("Reason: ");
                });
        Map<String, Object> row = jdbc.sql("""
                        select previous_closure_reason, previous_process_instance_id, process_instance_id, reopened_by
                        from cmp_reopening where complaint_id = ? order by id desc fetch first 1 rows only""").param(before.id()).query().singleRow();
        assertThat(row)
                .containsEntry("previous_closure_reason", previousReason)
                .containsEntry("previous_process_instance_id", before.processInstanceId())
                .containsEntry("process_instance_id", reopened.processInstanceId())
                .containsEntry("reopened_by", "manager");
        // the complainant is told once, in the outbox and at the SMTP server
        staff.runDueJobsOf(instance.getId());
        assertThat(staff.mailsWithSubject("Your complaint " + before.reference() + " is open again"))
                .singleElement()
                .satisfies(m -> assertThat(GreenMailUtil.getBody(m))
                        .contains("reopened your complaint " + before.reference())
                        .contains("How we handle your personal data"));
        return instance;
    }

    @Test
    void aComplaintClosedAfterItsDecisionWasAcceptedIsReopenedAtTheAssessmentAndHandledAgain() {
        ProcessInstance first = investigating(uniqueEmail());
        Complaint complaint = staff.complaintOf(first);
        staff.complete("handler", first, "Task_InvestigateComplaint", findings());
        staff.complete("handler", first, "Task_ProposeResolution", proposal("not-upheld", null, null));
        staff.runDueJobs();
        messages.acceptDecision(complaint.reference(), "Fine.");
        staff.runDueJobs();
        assertThat(first).isEnded().hasPassed("Task_CloseComplaint", "End_ComplaintClosed");
        // rolled up, then taken out of the day totals again when reopened
        rollup.rollUpNow();
        long closedBefore = reportedClosed(complaint);
        Complaint closed = staff.reload(complaint);

        Instant reopenedAt = clock.instant();
        Reopenings.Reopened reopened =
                reopen(closed, "Closed by mistake: the remedy was never carried out as promised.");
        ProcessInstance second = assertReopened(closed, reopened, "ACCEPTED", reopenedAt);
        assertThat(reportedClosed(complaint)).isEqualTo(closedBefore - 1);
        assertThat(jdbc.sql("select rolled_up from cmp_complaint where id = ?")
                        .param(complaint.id())
                        .query(Boolean.class)
                        .single())
                .isFalse();

        // an open complaint is not reopened
        assertThatThrownBy(() -> reopen(closed, "Reopened a second time, which makes no sense."))
                .isInstanceOf(ResponseStatusException.class)
                .hasMessageContaining("409")
                .hasMessageContaining("only a closed complaint can be reopened");

        // the reassessment counts the response time from the reopening, not from the receipt long ago
        Instant committed = staff.reload(complaint).responseDeadline();
        staff.complete("handler", second, "Task_ConfirmAssessment", assessInScope());
        assertThat(second).isWaitingAt("Task_InvestigateComplaint");
        assertThat(staff.reload(complaint).responseDeadline()).isEqualTo(committed);
        assertThat(staff.reload(complaint).stage()).isEqualTo(ComplaintStage.INVESTIGATION);
    }

    @Test
    void aWithdrawnComplaintIsReopenedAndTakesTheComplainantsMessagesAgain() {
        ProcessInstance first = investigating(uniqueEmail());
        Complaint complaint = staff.complaintOf(first);
        messages.withdraw(complaint.reference(), "Withdrawn by accident.");
        staff.runDueJobs();
        assertThat(first).isEnded().hasPassed("Task_ConfirmWithdrawal");
        Complaint withdrawn = staff.reload(complaint);

        Reopenings.Reopened reopened = reopen(withdrawn, "The complainant called: the withdrawal was a mistake.");
        ProcessInstance second = assertReopened(withdrawn, reopened, "WITHDRAWN", clock.instant());
        messages.addInformation(complaint.reference(), "Here is the photo I promised.", "web");
        staff.runDueJobs();
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(second.getId())
                        .taskDefinitionKey("Task_ReviewAddedInformation")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void anOutOfScopeComplaintIsReopenedAndCanBeAssessedInScope() {
        ProcessInstance first = inAssessment(uniqueEmail());
        Complaint complaint = staff.complaintOf(first);
        Map<String, Object> assess = assessInScope();
        assess.put("scopeDecision", "out-of-scope");
        assess.put("scopeReason", "This concerns a product sold by another company; please contact them directly.");
        staff.complete("handler", first, "Task_ConfirmAssessment", assess);
        staff.runDueJobs();
        staff.advanceAndRun(staff.dateVariable(first, "scopeOpenUntil"), first.getId());
        assertThat(first).isEnded().hasPassed("End_ClosedOutOfScope");
        Complaint outOfScope = staff.reload(complaint);
        ClockUtil.reset();

        Reopenings.Reopened reopened = reopen(outOfScope, "We do sell this product after all; it is in scope.");
        ProcessInstance second = assertReopened(outOfScope, reopened, "OUT_OF_SCOPE", clock.instant());
        staff.complete("handler", second, "Task_ConfirmAssessment", assessInScope());
        assertThat(second).isWaitingAt("Task_InvestigateComplaint");
        assertThat(staff.reload(complaint).inScope()).isTrue();
    }

    @Test
    void reopeningNeedsAReasonAndAClosingThatHasFinished() {
        ProcessInstance instance = investigating(uniqueEmail());
        Complaint complaint = staff.complaintOf(instance);
        messages.withdraw(complaint.reference(), "No longer needed.");
        // the withdrawal's confirmation is still to be sent by the job executor: the old instance runs
        assertThat(instance).isWaitingAt("Task_ConfirmWithdrawal");
        Complaint closing = staff.reload(complaint);
        assertThatThrownBy(() -> reopen(closing, "Withdrawn by accident, says the caller."))
                .isInstanceOf(ResponseStatusException.class)
                .hasMessageContaining("409")
                .hasMessageContaining("has not finished");
        staff.runDueJobs();
        assertThatThrownBy(() -> reopen(closing, "short"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("reason");
        assertThat(staff.reload(complaint).isClosed()).isTrue();
        assertThat(staff.eventTypes(complaint)).doesNotContain("REOPENED");
    }

    @Test
    void aStartMessageWithoutAReopeningStartsNothing() {
        ProcessInstance instance = inAssessment(uniqueEmail());
        Complaint complaint = staff.complaintOf(instance);
        long instances = runtime.createProcessInstanceQuery().count();
        assertThatThrownBy(() -> runtime.createMessageCorrelation(Reopenings.MESSAGE)
                        .processInstanceBusinessKey(complaint.reference())
                        .setVariable("reopeningId", 999_999_999L)
                        .correlateStartMessage())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("reopened from the complaint file");
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
        assertThat(staff.reload(complaint).processInstanceId()).isEqualTo(instance.getId());
    }

    @Test
    void aDuplicateInTheAssessmentClosesAndTheComplainantIsToldWhichReferenceToFollow() {
        String email = uniqueEmail();
        ProcessInstance originalInstance = investigating(email);
        ProcessInstance duplicateInstance = inAssessment(email);
        Complaint original = staff.complaintOf(originalInstance);
        Complaint duplicate = staff.complaintOf(duplicateInstance);

        markDuplicate(duplicate, original);
        assertThat(duplicateInstance)
                .hasPassed("StartEvent_ComplaintMarkedDuplicate", "Task_CloseDuplicate")
                .isWaitingAt("Task_SendDuplicateNotice");
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(duplicateInstance.getId())
                        .count())
                .isZero();
        staff.runDueJobs();
        assertThat(duplicateInstance).isEnded().hasPassed("End_ClosedDuplicate");
        Complaint closed = staff.reload(duplicate);
        assertThat(closed.closureReason()).isEqualTo("DUPLICATE");
        assertThat(register.duplicateOf(duplicate.id())).contains(original.id());
        assertThat(staff.eventTypes(closed)).contains("MARKED_DUPLICATE", "CLOSED");
        assertThat(staff.eventTypes(original)).contains("DUPLICATE_LINKED");
        MimeMessage notice = staff.mailsWithSubject(
                        "Your complaint " + duplicate.reference() + " continues under another reference")
                .get(0);
        assertThat(staff.mailsWithSubject(duplicate.reference() + " continues")).hasSize(1);
        assertThat(GreenMailUtil.getBody(notice))
                .contains("follow complaint " + original.reference())
                .contains("How we handle your personal data");
        // the original goes on untouched
        assertThat(originalInstance).isWaitingAt("Task_InvestigateComplaint");
    }

    @Test
    void aDuplicateInTheInvestigationClosesItsOpenWorkAndRefusalsChangeNothing() {
        String email = uniqueEmail();
        ProcessInstance originalInstance = inAssessment(email);
        ProcessInstance duplicateInstance = investigating(email);
        Complaint original = staff.complaintOf(originalInstance);
        Complaint duplicate = staff.complaintOf(duplicateInstance);
        ProcessInstance strangerInstance = inAssessment(uniqueEmail());
        Complaint stranger = staff.complaintOf(strangerInstance);

        // another complainant's complaint is no duplicate
        assertThatThrownBy(() -> markDuplicate(duplicate, stranger))
                .isInstanceOf(ResponseStatusException.class)
                .hasMessageContaining("different complainants");
        assertThat(duplicateInstance).isWaitingAt("Task_InvestigateComplaint");

        markDuplicate(duplicate, original);
        staff.runDueJobs();
        assertThat(duplicateInstance)
                .isEnded()
                .hasPassed("Task_CloseDuplicate", "Task_SendDuplicateNotice", "End_ClosedDuplicate")
                .hasNotPassed("Task_CloseComplaint");
        assertThat(staff.reload(duplicate).closureReason()).isEqualTo("DUPLICATE");

        // a closed complaint is not marked again; a duplicate is not the complaint to follow
        assertThatThrownBy(() -> markDuplicate(duplicate, original))
                .isInstanceOf(ResponseStatusException.class)
                .hasMessageContaining("already closed");
        ProcessInstance thirdInstance = inAssessment(email);
        Complaint third = staff.complaintOf(thirdInstance);
        assertThatThrownBy(() -> markDuplicate(third, duplicate))
                .isInstanceOf(ResponseStatusException.class)
                .hasMessageContaining("itself a duplicate");
        assertThat(thirdInstance).isWaitingAt("Task_ConfirmAssessment");
        assertThat(staff.eventTypes(third)).doesNotContain("MARKED_DUPLICATE");

        // reopening a duplicate ends its link
        Reopenings.Reopened reopened =
                reopen(staff.reload(duplicate), "Two different deliveries after all; handle it on its own.");
        assertThat(register.duplicateOf(duplicate.id())).isEmpty();
        assertThat(instanceOf(reopened.processInstanceId())).isNotNull();
    }
}
