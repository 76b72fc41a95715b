package org.complaints.reopening;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.complaints.analysis.ReportRollup;
import org.complaints.deadlines.Deadlines;
import org.complaints.engine.FormValues;
import org.complaints.engine.InvalidInputException;
import org.complaints.engine.Refusal;
import org.complaints.engine.authorization.EngineAuthority;
import org.complaints.intake.IntakeService;
import org.complaints.mail.ComplaintMailer;
import org.complaints.mail.MailFormats;
import org.complaints.register.AccessMarkings;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.EventLog;
import org.complaints.security.ComplaintAccess;
import org.complaints.security.StaffGroups;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;

/**
 * Reopening (ISO 10002 7.3, 7.9): a closed complaint comes back to the assessment with its reference, register row
 * and event log. Its process instance has ended, so the message {@code ComplaintReopened} starts a new one for
 * the same business key; its first step ({@link ReopenComplaintDelegate}) links the register row to it, so a
 * complaint is handled by one process instance at a time. The response time starts again at the reopening: the
 * complaint's response days (its last assessment's) counted from that day, told to the complainant once.
 */
@Service
public class Reopenings {

    public static final String MESSAGE = "ComplaintReopened";
    public static final String TEMPLATE = "complaint-reopened";
    static final String REOPENING_ID = "reopeningId";
    private static final int MIN_REASON = 10;
    private static final int MAX_REASON = 2000;

    private final ComplaintRegister register;
    private final EventLog events;
    private final ReportRollup rollup;
    private final Deadlines deadlines;
    private final RuntimeService runtime;
    private final EngineAuthority authority;
    private final ComplaintAccess access;
    private final ComplaintMailer mailer;
    private final MailFormats formats;
    private final JdbcClient jdbc;
    private final Clock clock;

    Reopenings(
            ComplaintRegister register,
            EventLog events,
            ReportRollup rollup,
            Deadlines deadlines,
            RuntimeService runtime,
            EngineAuthority authority,
            ComplaintAccess access,
            ComplaintMailer mailer,
            MailFormats formats,
            JdbcClient jdbc,
            Clock clock) {
        this.register = register;
        this.events = events;
        this.rollup = rollup;
        this.deadlines = deadlines;
        this.runtime = runtime;
        this.authority = authority;
        this.access = access;
        this.mailer = mailer;
        this.formats = formats;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The complaint open again: its new process instance and committed response date. */
    public record Reopened(
            @Schema(description = "The complaint's reference", example = "CMP-2026-000042")
            String reference,

            @Schema(
                    description = "The new process instance that handles the reopened complaint",
                    example = "b8f3c2a1-1d2e-11f0-9c0a-0242ac120002")
            String processInstanceId,

            @Schema(description = "The new committed date for the decision", example = "2026-03-30T17:00:00Z")
            Instant responseDeadline) {}

    /**
     * Reopens a closed complaint, in the caller's transaction; who may, and that they may see the complaint, the
     * caller has checked. 400 without a reason, 409 for an open, erased or anonymised complaint, or one whose
     * closing steps (the last e-mail) have not finished.
     */
    public Reopened reopen(long complaintId, String actor, String reason) {
        String text = reason == null ? "" : reason.strip();
        if (text.length() < MIN_REASON || text.length() > MAX_REASON) {
            throw new InvalidInputException(List.of(InvalidInputException.Problem.of(
                    "reason",
                    "reopen-reason",
                    "say in " + MIN_REASON + " to " + MAX_REASON
                            + " characters why the complaint is reopened; it is kept in the complaint's history",
                    MIN_REASON,
                    MAX_REASON)));
        }
        Complaint complaint = register.get(complaintId);
        AccessMarkings markings = register.accessMarkings(complaintId);
        if (!complaint.isClosed()) {
            throw conflict(
                    "reopen-open",
                    "Complaint " + complaint.reference() + " is open (stage "
                            + complaint.stage().name().toLowerCase().replace('_', ' ')
                            + "); only a closed complaint can be reopened.");
        }
        if (markings.anonymised() || "ERASED".equals(complaint.closureReason())) {
            throw conflict(
                    "anonymised",
                    "Complaint " + complaint.reference()
                            + " was anonymised: its personal data is gone and it cannot be reopened.");
        }
        if (running(complaint.processInstanceId())) {
            throw conflict(
                    "reopen-busy",
                    "Complaint " + complaint.reference()
                            + " is closed but its last step (the e-mail to the complainant) has not finished; try again in"
                            + " a few minutes.");
        }
        if (complaint.responseDays() == null) {
            throw conflict(
                    "reopen-no-response-time",
                    "Complaint " + complaint.reference() + " was closed before it had a response time to count again.");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant deadline = deadlines.responseDeadline(now, complaint.responseDays());
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into cmp_reopening (complaint_id, reopened_at, reopened_by, reason,
                            previous_closure_reason, previous_closed_at, previous_process_instance_id)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        complaintId,
                        java.sql.Timestamp.from(now),
                        actor,
                        text,
                        complaint.closureReason(),
                        complaint.closedAt() == null ? null : java.sql.Timestamp.from(complaint.closedAt()),
                        complaint.processInstanceId())
                .update(key, "id");
        long reopeningId = key.getKeyAs(Number.class).longValue();
        // its reported columns change from here on: out of the day totals, tallied live like an open complaint
        rollup.takeOut(complaintId);
        register.reopen(complaintId, now, deadline);
        events.append(
                complaintId,
                "REOPENED",
                actor,
                "Reopened; it had been closed ("
                        + complaint.closureReason().toLowerCase().replace('_', ' ') + ") on "
                        + formats.date(complaint.closedAt(), "en") + "; committed response date "
                        + formats.date(deadline, "en"),
                "Reason: " + text);
        String instance = authority.withoutAuthorization(() -> runtime.createMessageCorrelation(MESSAGE)
                .processInstanceBusinessKey(complaint.reference())
                .setVariable(REOPENING_ID, reopeningId)
                .correlateStartMessage()
                .getId());
        return new Reopened(complaint.reference(), instance, deadline);
    }

    /**
     * Task_ReopenComplaint: the new process instance takes over the complaint. Only a reopening recorded in this
     * transaction and not yet taken can start one, for the complaint its business key names: a start message
     * sent any other way is refused.
     */
    void takeOver(DelegateExecution execution) {
        Long reopeningId = FormValues.of(execution).id(REOPENING_ID);
        Optional<Long> complaintId = reopeningId == null
                ? Optional.empty()
                : jdbc.sql("select complaint_id from cmp_reopening where id = ? and process_instance_id is null")
                        .param(reopeningId)
                        .query(Long.class)
                        .optional();
        if (complaintId.isEmpty()) {
            throw new InvalidInputException(
                    REOPENING_ID + ": complaints are reopened from the complaint file, by a complaint manager");
        }
        Complaint complaint = register.get(complaintId.get());
        if (!complaint.reference().equals(execution.getProcessBusinessKey())) {
            throw new InvalidInputException(REOPENING_ID + ": the reopening is one of complaint "
                    + complaint.reference() + ", not of " + execution.getProcessBusinessKey());
        }
        String instance = execution.getProcessInstanceId();
        register.linkProcessInstance(complaint.id(), instance);
        jdbc.sql("update cmp_reopening set process_instance_id = ? where id = ?")
                .params(instance, reopeningId)
                .update();
        access.opened(complaint.id(), instance);
        AccessMarkings markings = register.accessMarkings(complaint.id());
        Instant reopenedAt = register.reopenedAt(complaint.id()).orElseGet(clock::instant);
        Map<String, Object> variables = IntakeService.processVariables(complaint);
        variables.put("priority", complaint.priority());
        variables.put("responseDays", complaint.responseDays());
        // a confidential complaint's tasks go to the complaint managers, as ComplaintAccess keeps them
        variables.put("handlingGroup", markings.confidential() ? StaffGroups.MANAGERS : complaint.handlingGroup());
        variables.put("responseDeadline", Date.from(complaint.responseDeadline()));
        variables.put("reminderDate", Date.from(deadlines.reminderDate(complaint.responseDeadline())));
        variables.put("assessmentDue", Date.from(deadlines.assessmentDue(reopenedAt)));
        variables.put("confidential", markings.confidential());
        variables.put("namedStaff", String.join(", ", markings.namedStaff()));
        execution.setVariables(variables);
        // once per reopening: the key names it, so a repeated step adds no second e-mail
        mailer.queueToComplainant(
                complaint,
                TEMPLATE,
                "reopened-" + reopeningId,
                Map.of("committedDate", formats.date(complaint.responseDeadline(), complaint.language())));
    }

    private boolean running(String processInstanceId) {
        return processInstanceId != null
                && authority.withoutAuthorization(() -> runtime.createProcessInstanceQuery()
                                .processInstanceId(processInstanceId)
                                .count()
                        > 0);
    }

    /** A 409 whose code a page translates ({@link Refusal}). */
    static Refusal conflict(String code, String message) {
        return Refusal.conflict(code, message);
    }
}
