package org.complaints.closure;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.complaints.deadlines.Deadlines;
import org.complaints.engine.InvalidInputException;
import org.complaints.mail.MailLog;
import org.complaints.mail.MailSentListener;
import org.complaints.mail.OutgoingMail;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.Decision;
import org.complaints.register.DecisionRegister;
import org.complaints.register.EventLog;
import org.complaints.survey.SurveyInvitations;
import org.springframework.stereotype.Service;

/**
 * Closing (ISO 10002 7.9): the final reason, the closing time and whether each SLA was met, recorded in the
 * register where reports find them after the engine's history is gone.
 */
@Service
public class ClosureService implements MailSentListener {

    private static final String OUT_OF_SCOPE_ANSWER = "out-of-scope";
    private static final String NOT_A_COMPLAINT_ANSWER = "not-a-complaint";

    public static final List<String> REASONS = List.of(
            "ACCEPTED",
            "NO_REACTION",
            "EXTERNAL_OUTCOME",
            "OUT_OF_SCOPE",
            "WITHDRAWN",
            "NOT_A_COMPLAINT",
            "NOT_REFERRED",
            "DUPLICATE");
    public static final List<String> EXTERNAL_OUTCOMES = List.of(
            "in-favour-of-complainant", "partly-in-favour", "in-favour-of-organisation", "settled", "withdrawn");

    private final ComplaintRegister register;
    private final DecisionRegister decisions;
    private final MailLog mailLog;
    private final Deadlines deadlines;
    private final EventLog events;
    private final SurveyInvitations surveys;
    private final Clock clock;

    public ClosureService(
            ComplaintRegister register,
            DecisionRegister decisions,
            MailLog mailLog,
            Deadlines deadlines,
            EventLog events,
            SurveyInvitations surveys,
            Clock clock) {
        this.register = register;
        this.decisions = decisions;
        this.mailLog = mailLog;
        this.deadlines = deadlines;
        this.events = events;
        this.surveys = surveys;
        this.clock = clock;
    }

    public void close(long complaintId, String reason, String actor, String externalOutcome, String externalDetails) {
        if (!REASONS.contains(reason)) {
            throw new IllegalStateException(
                    "Unknown closure reason '" + reason + "'; the diagram sets one of " + REASONS);
        }
        if ("EXTERNAL_OUTCOME".equals(reason)) {
            checkExternalOutcome(externalOutcome, externalDetails);
        }
        Complaint complaint = register.get(complaintId);
        if (complaint.isClosed()) {
            return;
        }
        Boolean ackMet = acknowledgementMet(complaint);
        Boolean responseMet = responseMet(complaint);
        Instant closedAt = clock.instant();
        register.close(complaintId, reason, closedAt, ackMet, responseMet, externalOutcome);
        events.append(
                complaintId,
                "CLOSED",
                actor,
                "Closed: " + reason.toLowerCase().replace('_', ' ') + "; acknowledgement SLA " + describe(ackMet)
                        + ", response SLA " + describe(responseMet),
                externalDetails == null ? null : "External outcome " + externalOutcome + ": " + externalDetails);
        // satisfaction with the handling (8.3), asked after every kind of closure; same transaction as the closure
        surveys.inviteAfterClosure(complaint, closedAt);
    }

    /** The outcome of external dispute resolution as Task_RecordExternalOutcome must record it. */
    static void checkExternalOutcome(String externalOutcome, String externalDetails) {
        if (externalOutcome == null || !EXTERNAL_OUTCOMES.contains(externalOutcome)) {
            throw new InvalidInputException("externalOutcome: choose one of " + String.join(", ", EXTERNAL_OUTCOMES));
        }
        if (externalDetails == null || externalDetails.length() < 10) {
            throw new InvalidInputException("externalOutcomeDetails: describe the outcome in at least 10 characters");
        }
    }

    @Override
    public Set<String> templates() {
        return Set.of(OUT_OF_SCOPE_ANSWER, NOT_A_COMPLAINT_ANSWER);
    }

    /**
     * The out-of-scope explanation is the answer (7.5, 7.8), queued just before the complaint closes: once it has
     * gone out, the response time limit is judged by when it did.
     */
    @Override
    public void sent(OutgoingMail mail, Instant sentAt) {
        Complaint complaint = register.get(mail.complaintId());
        if (complaint.isClosed()) {
            register.recordResponseSla(complaint.id(), responseMet(complaint));
        }
    }

    /** Acknowledged within the configured working days of receipt; null when withdrawn before it was due. */
    private Boolean acknowledgementMet(Complaint c) {
        Instant due = deadlines.acknowledgementDue(c.receivedAt());
        if (c.acknowledgedAt() != null) {
            return !c.acknowledgedAt().isAfter(due);
        }
        return clock.instant().isAfter(due) ? Boolean.FALSE : null;
    }

    /**
     * The first answer (decision or out-of-scope explanation) went out by the committed date, which was never
     * revised; null when the complaint ended before any answer was due.
     */
    private Boolean responseMet(Complaint c) {
        Optional<Instant> answeredAt = decisions
                .find(c.id(), 1)
                .map(Decision::communicatedAt)
                .or(() -> mailLog.sentAt(c.id(), OUT_OF_SCOPE_ANSWER))
                .or(() -> mailLog.sentAt(c.id(), NOT_A_COMPLAINT_ANSWER));
        if (c.responseDeadline() == null) {
            return null;
        }
        if (answeredAt.isEmpty()) {
            return clock.instant().isAfter(c.responseDeadline()) ? Boolean.FALSE : null;
        }
        return c.deadlineRevisedAt() == null && !answeredAt.get().isAfter(c.responseDeadline());
    }

    private static String describe(Boolean met) {
        return met == null ? "not applicable" : met ? "met" : "missed";
    }
}
