package org.complaints.tracking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.complaints.mail.MailLog;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintNotFoundException;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.ComplaintStage;
import org.complaints.register.DecisionRegister;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/** The complainant's view of a complaint, opened with the reference and the secret tracking token (7.3). */
@Service
public class ComplaintStatusService {

    private static final java.util.Set<String> STAFF_TEMPLATES = java.util.Set.of("deadline-reminder", "task-overdue");

    private final ComplaintRegister register;
    private final DecisionRegister decisions;
    private final MailLog mailLog;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final MessageSource messages;

    public ComplaintStatusService(
            ComplaintRegister register,
            DecisionRegister decisions,
            MailLog mailLog,
            RuntimeService runtime,
            TaskService tasks,
            MessageSource messages) {
        this.tasks = tasks;
        this.messages = messages;
        this.register = register;
        this.decisions = decisions;
        this.mailLog = mailLog;
        this.runtime = runtime;
    }

    /**
     * The complaint if the token is its tracking token. An unknown reference and a wrong token fail alike, so
     * nobody can find out which references exist.
     */
    public Complaint open(String reference, String token) {
        Optional<Complaint> complaint = reference == null ? Optional.empty() : register.findByReference(reference);
        String expected = complaint.map(Complaint::trackingToken).orElse("no-such-complaint");
        boolean matches = token != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
        if (complaint.isEmpty() || !matches) {
            throw new ComplaintNotFoundException("with this reference and tracking token");
        }
        return complaint.get();
    }

    public ComplaintStatus status(Complaint complaint) {
        ComplaintStatus.Decision decision = decisions
                .latestDecided(complaint.id())
                .map(d -> new ComplaintStatus.Decision(
                        d.outcome(),
                        d.remedy(),
                        d.monetaryRemedy(),
                        d.reasons(),
                        d.decidedAt(),
                        d.round() > 1,
                        reactionDeadline(complaint),
                        d.remedyKind()))
                .orElse(null);
        boolean awaiting = complaint.stage() == ComplaintStage.AWAITING_REACTION;
        Instant next = complaint.stage() == ComplaintStage.AWAITING_REACTION
                ? (decision == null ? null : decision.respondBy())
                : committedDate(complaint);
        Locale locale = LocaleContextHolder.getLocale();
        return new ComplaintStatus(
                complaint.reference(),
                complaint.stage().name(),
                messages.getMessage("stage." + complaint.stage().name(), null, locale),
                messages.getMessage("next." + complaint.stage().name(), null, locale),
                !complaint.isClosed(),
                awaiting,
                complaint.receivedAt(),
                next,
                decision,
                complaint.closureReason(),
                complaint.closedAt(),
                mailLog.list(complaint.id()).stream()
                        // staff mails about the complaint are not communications with the complainant
                        .filter(m -> !STAFF_TEMPLATES.contains(m.template()))
                        .map(m -> new ComplaintStatus.Communication(m.sentAt(), m.subject()))
                        .toList(),
                complaint.stage() == ComplaintStage.REFERRAL_DECISION);
    }

    /**
     * The date the organisation has committed to for the current stage (ISO 10002 7.3: the complainant is told
     * when to expect the next step), or null where the organisation sets none. Before the decision it is the
     * response deadline; in the internal review the review task's due date. Carrying out the remedy has the
     * remedy task's due date (complaints.deadlines.task-days) when the task has one, else the response deadline:
     * the response the complainant accepted was promised by that date, and no later date has been committed to.
     * After an out-of-scope or not-a-complaint answer it is the end of the open period for the complainant's
     * reaction. While the complainant decides whether to go to the external body it is the date by which to answer; in
     * external review the time limit for recording the external outcome (or for recording the referral, until it
     * is recorded).
     */
    public Instant committedDate(Complaint complaint) {
        return switch (complaint.stage()) {
            case CLOSED -> null;
            case REFERRAL_DECISION -> instanceDate(complaint, "referralAnswerDeadline");
            case SCOPE_DECIDED -> instanceDate(complaint, "scopeOpenUntil");
            case EXTERNAL_REVIEW -> {
                Instant due = taskDue(complaint, "Task_RecordExternalOutcome");
                yield due != null ? due : taskDue(complaint, "Task_RecordExternalReferral");
            }
            case AWAITING_REACTION -> reactionDeadline(complaint);
            case INTERNAL_REVIEW -> taskDue(complaint, "Task_ReviewComplaint");
            case REMEDY -> {
                Instant due = taskDue(complaint, "Task_CarryOutRemedy");
                yield due != null ? due : complaint.responseDeadline();
            }
            default -> complaint.decidedAt() == null ? complaint.responseDeadline() : null;
        };
    }

    private Instant taskDue(Complaint complaint, String taskKey) {
        if (complaint.processInstanceId() == null) {
            return null;
        }
        return tasks
                .createTaskQuery()
                .processInstanceId(complaint.processInstanceId())
                .taskDefinitionKey(taskKey)
                .list()
                .stream()
                .map(Task::getDueDate)
                .filter(java.util.Objects::nonNull)
                .map(Date::toInstant)
                .min(Instant::compareTo)
                .orElse(null);
    }

    /** A date variable of the complaint's running process, or null. */
    private Instant instanceDate(Complaint complaint, String variable) {
        if (complaint.processInstanceId() == null
                || runtime.createProcessInstanceQuery()
                                .processInstanceId(complaint.processInstanceId())
                                .count()
                        == 0) {
            return null;
        }
        return runtime.getVariable(complaint.processInstanceId(), variable) instanceof Date date
                ? date.toInstant()
                : null;
    }

    /** Until when the complainant can answer the decision: the process timer's date while it waits. */
    private Instant reactionDeadline(Complaint complaint) {
        if (complaint.stage() != ComplaintStage.AWAITING_REACTION || complaint.processInstanceId() == null) {
            return null;
        }
        Object deadline = runtime.createProcessInstanceQuery()
                                .processInstanceId(complaint.processInstanceId())
                                .count()
                        == 0
                ? null
                : runtime.getVariable(complaint.processInstanceId(), "reactionDeadline");
        return deadline instanceof Date date ? date.toInstant() : null;
    }
}
