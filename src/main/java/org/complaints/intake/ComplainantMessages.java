package org.complaints.intake;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.complaints.engine.InvalidInputException;
import org.complaints.engine.InvalidInputException.Problem;
import org.complaints.intake.PendingMessageDelivery.Delivery;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.ComplaintStage;
import org.complaints.register.DecisionRegister;
import org.complaints.register.EventLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a complainant can say about an open complaint, delivered to its process by the lifecycle's messages
 * (correlated by the reference as business key). Added information and withdrawals are kept in the register
 * first and delivered when the process can take them ({@link PendingMessageDelivery}); an answer to a decision
 * belongs to the one decision the complainant has seen, so it is taken only while the process waits for it and
 * is otherwise refused, never kept for a later decision: "already answered" once the decision sent has been
 * answered, else "try again" (409, Retry-After) while the decision is still on its way.
 */
@Service
public class ComplainantMessages {

    public static final String DECISION_ACCEPTED = "DecisionAccepted";
    public static final String DECISION_REJECTED = "DecisionRejected";
    public static final String COMPLAINT_WITHDRAWN = "ComplaintWithdrawn";
    public static final String INFORMATION_ADDED = "ComplainantInformationAdded";
    /**
     * Information added while an out-of-scope or not-a-complaint closure is still open (ISO 10002 7.5): the same
     * message from the complainant, delivered to the diagram's wait for a reaction, which a manager answers.
     */
    public static final String OUT_OF_SCOPE_REACTION = "OutOfScopeReaction";

    public static final String EXTERNAL_REFERRAL_ANSWERED = "ExternalReferralAnswered";

    private final ComplaintRegister register;
    private final DecisionRegister decisions;
    private final EventLog events;
    private final RuntimeService runtime;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final PendingMessages pending;
    private final PendingMessageDelivery deliveries;

    public ComplainantMessages(
            ComplaintRegister register,
            DecisionRegister decisions,
            EventLog events,
            RuntimeService runtime,
            Clock clock,
            PlatformTransactionManager transactions,
            PendingMessages pending,
            PendingMessageDelivery deliveries) {
        this.pending = pending;
        this.deliveries = deliveries;
        this.register = register;
        this.decisions = decisions;
        this.events = events;
        this.runtime = runtime;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Runs one complainant message in its own transaction. A message that meets a job of the same complaint at
     * the same moment (optimistic-locking conflict) is tried again; if the conflict persists, the complainant
     * is asked to try again later. Inside a caller's transaction it runs once: the caller decides.
     */
    private void inTransaction(Runnable work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            work.run();
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                transaction.executeWithoutResult(tx -> work.run());
                return;
            } catch (OptimisticLockingException conflict) {
                if (attempt == 3) {
                    throw new ComplaintNotOpenException(
                            "Your complaint is being updated right now; please try again " + "in a moment.", true, 5);
                }
                try {
                    Thread.sleep(100L * attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw conflict;
                }
            }
        }
    }

    public void acceptDecision(String reference, String comment) {
        inTransaction(() -> {
            checkComment(comment);
            Complaint complaint = open(reference);
            checkAwaitingAnswer(complaint);
            correlate(
                    complaint,
                    DECISION_ACCEPTED,
                    Map.of("reactionComment", nullToEmpty(comment)),
                    "waiting for your reaction to a decision");
            events.append(
                    complaint.id(),
                    "DECISION_ACCEPTED",
                    "complainant",
                    "The complainant accepted the decision",
                    comment);
        });
    }

    public void rejectDecision(String reference, String comment) {
        inTransaction(() -> {
            checkComment(comment);
            Complaint complaint = open(reference);
            checkAwaitingAnswer(complaint);
            correlate(
                    complaint,
                    DECISION_REJECTED,
                    Map.of("rejectionComment", nullToEmpty(comment)),
                    "waiting for your reaction to a decision");
            events.append(
                    complaint.id(),
                    "DECISION_REJECTED",
                    "complainant",
                    "The complainant rejected the decision",
                    comment);
        });
    }

    /** How an answer given to staff on the complainant's behalf reached them. */
    public static final List<String> ANSWER_CHANNELS = List.of("phone", "letter", "in-person");

    /**
     * Staff record the complainant's answer to the decision, given to them by phone, by letter or in person
     * (ISO 10002 4.5: whoever cannot use the status page still answers). The same messages move the process as
     * the complainant's own answer, under the same rules (only while the process waits for it); the event names
     * the member of staff and how the answer came in.
     */
    public void answerDecisionOnBehalf(
            String reference, Boolean accepted, String receivedBy, String note, String staff) {
        List<Problem> problems = new ArrayList<>();
        if (accepted == null) {
            problems.add(Problem.of("answer", "required-choice", "answer is required (accepted or rejected)"));
        }
        if (receivedBy == null || !ANSWER_CHANNELS.contains(receivedBy)) {
            problems.add(Problem.of(
                    "receivedBy",
                    receivedBy == null ? "required-choice" : "not-one-of",
                    "receivedBy: how the answer came in is one of " + String.join(", ", ANSWER_CHANNELS)));
        }
        SubmissionValidator.text(problems, "note", "the note", TextHygiene.normalize(note), 0, 2000, false, true);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        inTransaction(() -> {
            Complaint complaint = open(reference);
            checkAwaitingAnswer(complaint);
            String how = "received by " + receivedBy + ", recorded by " + staff;
            correlate(
                    complaint,
                    accepted ? DECISION_ACCEPTED : DECISION_REJECTED,
                    Map.of(
                            accepted ? "reactionComment" : "rejectionComment",
                            nullToEmpty(note),
                            "decisionAnsweredBy",
                            staff,
                            "decisionAnswerChannel",
                            receivedBy),
                    "waiting for the complainant's reaction to a decision");
            events.append(
                    complaint.id(),
                    accepted ? "DECISION_ACCEPTED" : "DECISION_REJECTED",
                    staff,
                    (accepted ? "The complainant accepted the decision (" : "The complainant rejected the decision (")
                            + how + ")",
                    note);
        });
    }

    /**
     * The complainant's answer whether they take the complaint to the external dispute-resolution body (ISO 10003),
     * asked after a second rejection. Like an answer to a decision it is taken only while the process waits for
     * it: "already answered" once it has been answered (the process moved on), else "try again" while the question
     * is still on its way.
     */
    public void answerExternalReferral(String reference, boolean referring, String comment) {
        inTransaction(() -> {
            checkComment(comment);
            Complaint complaint = open(reference);
            boolean waiting = runtime.createExecutionQuery()
                            .processInstanceBusinessKey(complaint.reference())
                            .messageEventSubscriptionName(EXTERNAL_REFERRAL_ANSWERED)
                            .count()
                    > 0;
            if (!waiting) {
                if (complaint.stage() == ComplaintStage.EXTERNAL_REVIEW) {
                    throw DecisionAlreadyAnsweredException.externalReferral(complaint.reference());
                }
                throw notWaiting(complaint, "waiting for your answer about external dispute resolution");
            }
            correlate(
                    complaint,
                    EXTERNAL_REFERRAL_ANSWERED,
                    Map.of("externalReferralChosen", referring, "referralComment", nullToEmpty(comment)),
                    "waiting for your answer about external dispute resolution");
            events.append(
                    complaint.id(),
                    "EXTERNAL_REFERRAL_ANSWERED",
                    "complainant",
                    referring
                            ? "The complainant takes the complaint to the external body"
                            : "The complainant does not take the complaint to the external body",
                    comment);
        });
    }

    /**
     * The complainant withdraws the complaint (ISO 10002 7.9). Kept first and then delivered: a withdrawal the
     * process cannot take at this moment is applied as soon as it can, never lost.
     */
    public Delivery withdraw(String reference, String reason) {
        checkComment(reason);
        long id = transaction.execute(tx -> {
            Complaint complaint = open(reference);
            return pending.pending(complaint.id(), COMPLAINT_WITHDRAWN)
                    .orElseGet(() -> pending.keep(
                            complaint.id(), COMPLAINT_WITHDRAWN, nullToEmpty(reason), "web", clock.instant()));
        });
        Delivery delivery = delivery(id);
        if (delivery == Delivery.AFTER_CLOSURE) {
            throw closed(register.getByReference(reference));
        }
        return delivery;
    }

    /**
     * Information the complainant adds (ISO 10002 4.11): recorded in the register at once, then delivered to the
     * process, which opens a review task; if the process cannot take it now, it is delivered later. Within a
     * caller's transaction (e-mail intake) delivery follows that transaction's commit.
     */
    public Delivery addInformation(String reference, String text, String channel) {
        List<Problem> problems = new ArrayList<>();
        SubmissionValidator.text(
                problems, "text", "the added information", TextHygiene.normalize(text), 1, 4000, true, true);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String information = TextHygiene.normalize(text);
        long id = joiningTransaction(() -> {
            Complaint complaint = open(reference);
            register.addInformation(complaint.id(), channel, information, clock.instant());
            events.append(
                    complaint.id(),
                    "INFORMATION_ADDED",
                    "complainant",
                    "The complainant added information",
                    information);
            return pending.keep(complaint.id(), INFORMATION_ADDED, information, channel, clock.instant());
        });
        return delivery(id);
    }

    private long joiningTransaction(java.util.function.Supplier<Long> work) {
        return TransactionSynchronizationManager.isActualTransactionActive()
                ? work.get()
                : transaction.execute(tx -> work.get());
    }

    private Delivery delivery(long id) {
        return deliveries.deliverAfterCommit(id);
    }

    private Complaint open(String reference) {
        Complaint complaint = register.getByReference(reference);
        if (complaint.stage() == ComplaintStage.CLOSED) {
            throw closed(complaint);
        }
        return complaint;
    }

    private static ComplaintNotOpenException closed(Complaint complaint) {
        return new ComplaintNotOpenException(
                "Complaint " + complaint.reference() + " is already closed (" + complaint.closureReason()
                        + "); nothing can be added to it any more.",
                false);
    }

    /**
     * Refuses an answer the process is not waiting for before correlating it, so a refusal is an ordinary 409
     * and not an engine failure. The decision that stands was answered when it has been sent and the process no
     * longer waits for an answer (the answer moved it on); one decided but not yet sent means "try again later".
     */
    private void checkAwaitingAnswer(Complaint complaint) {
        boolean waiting = runtime.createExecutionQuery()
                        .processInstanceBusinessKey(complaint.reference())
                        .messageEventSubscriptionName(DECISION_ACCEPTED)
                        .count()
                > 0;
        if (waiting) {
            return;
        }
        boolean sent = decisions
                .latestDecided(complaint.id())
                .map(d -> d.communicatedAt() != null)
                .orElse(false);
        if (sent) {
            throw new DecisionAlreadyAnsweredException(complaint.reference());
        }
        throw notWaiting(complaint, "waiting for your reaction to a decision");
    }

    private static ComplaintNotOpenException notWaiting(Complaint complaint, String expectedState) {
        return new ComplaintNotOpenException(
                "Complaint " + complaint.reference() + " is not " + expectedState
                        + " right now (current stage: "
                        + complaint.stage().name().toLowerCase().replace('_', ' ')
                        + "); please try again later.",
                true);
    }

    private void correlate(Complaint complaint, String message, Map<String, Object> variables, String expectedState) {
        try {
            runtime.createMessageCorrelation(message)
                    .processInstanceBusinessKey(complaint.reference())
                    .setVariables(variables)
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw notWaiting(complaint, expectedState);
        }
    }

    private static void checkComment(String comment) {
        List<Problem> problems = new ArrayList<>();
        SubmissionValidator.text(
                problems, "comment", "the comment", TextHygiene.normalize(comment), 0, 2000, false, true);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : TextHygiene.normalize(text);
    }
}
