package org.complaints.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.ComplaintStage;
import org.complaints.register.EventLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers kept complainant messages to their process instance, once: the row is claimed and the message
 * correlated in one transaction, so a conflict or a crash leaves it pending and a second node finds it taken.
 * A message the instance cannot take now (a job of the same complaint commits first, the instance is suspended)
 * is tried again by {@link #deliverDue()} on any node, with growing pauses, until it is delivered or the complaint
 * has closed.
 */
@Component
public class PendingMessageDelivery {

    public enum Delivery {
        DELIVERED,
        PENDING,
        AFTER_CLOSURE
    }

    private static final Logger LOG = LoggerFactory.getLogger(PendingMessageDelivery.class);
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(10);
    private static final Duration LONGEST_PAUSE = Duration.ofMinutes(30);
    private static final Map<String, String> VARIABLE = Map.of(
            ComplainantMessages.INFORMATION_ADDED, "addedInformation",
            ComplainantMessages.OUT_OF_SCOPE_REACTION, "addedInformation",
            ComplainantMessages.COMPLAINT_WITHDRAWN, "withdrawalReason");

    private final PendingMessages pending;
    private final ComplaintRegister register;
    private final EventLog events;
    private final RuntimeService runtime;
    private final Clock clock;
    private final TransactionTemplate transaction;

    public PendingMessageDelivery(
            PendingMessages pending,
            ComplaintRegister register,
            EventLog events,
            RuntimeService runtime,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.pending = pending;
        this.register = register;
        this.events = events;
        this.runtime = runtime;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        // also called after the receiving transaction committed, whose resources are still bound then
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Marks a mismatch so the claim is rolled back with it. */
    private static final class NotWaiting extends RuntimeException {
        NotWaiting(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }

        NotWaiting(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * Delivers the message kept in the current transaction once that transaction has committed (the e-mail
     * intake keeps its Message-ID row and the message together); without a transaction, at once.
     *
     * @return the outcome, or PENDING when delivery waits for the caller's commit
     */
    Delivery deliverAfterCommit(long id) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return deliver(id);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                deliver(id);
            }
        });
        return Delivery.PENDING;
    }

    /** One delivery of one kept message; a conflict with a job of the same complaint is tried twice more. */
    public Delivery deliver(long id) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(tx -> deliverClaimed(id));
            } catch (OptimisticLockingException conflict) {
                if (attempt == 3) {
                    return postpone(id, "conflict with a running step");
                }
                pause(attempt);
            } catch (NotWaiting notWaiting) {
                return postpone(id, notWaiting.getMessage());
            } catch (RuntimeException failed) {
                // e.g. a step of the withdrawal failing: the message stays kept and is tried again, the sender
                // of it was already told it is received
                LOG.warn("Complainant message {} could not be delivered now", id, failed);
                return postpone(id, failed.getClass().getSimpleName());
            }
        }
    }

    private Delivery deliverClaimed(long id) {
        Instant now = clock.instant();
        PendingMessages.Pending message = pending.claim(id, now).orElse(null);
        if (message == null) {
            return Delivery.DELIVERED; // taken by another node or an earlier attempt
        }
        Complaint complaint = register.get(message.complaintId());
        if (complaint.isClosed()) {
            pending.giveUp(id, now);
            events.append(complaint.id(), "MESSAGE_AFTER_CLOSURE", "system", afterClosure(message.messageName()), null);
            return Delivery.AFTER_CLOSURE;
        }
        if (ComplainantMessages.INFORMATION_ADDED.equals(message.messageName())
                && complaint.stage() == ComplaintStage.RECEIVED) {
            // the assessment (a step of its own, just after the receipt) names the group that reviews it
            throw new NotWaiting("complaint " + complaint.reference() + " is not assessed yet");
        }
        String messageName = message.messageName();
        if (ComplainantMessages.INFORMATION_ADDED.equals(messageName)
                && runtime.createExecutionQuery()
                                .processInstanceBusinessKey(complaint.reference())
                                .messageEventSubscriptionName(ComplainantMessages.OUT_OF_SCOPE_REACTION)
                                .active()
                                .count()
                        > 0) {
            // the open period after a scope decision: the reaction goes to a complaint manager (7.5)
            messageName = ComplainantMessages.OUT_OF_SCOPE_REACTION;
        }
        if (runtime.createExecutionQuery()
                        .processInstanceBusinessKey(complaint.reference())
                        .messageEventSubscriptionName(messageName)
                        .active()
                        .count()
                == 0) {
            // the usual case of a message kept for later; asked first, so the engine does not log an error for it
            throw new NotWaiting("complaint " + complaint.reference() + " cannot take " + messageName + " now");
        }
        try {
            runtime.createMessageCorrelation(messageName)
                    .processInstanceBusinessKey(complaint.reference())
                    .setVariable(VARIABLE.get(messageName), message.content() == null ? "" : message.content())
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new NotWaiting(e);
        }
        if (ComplainantMessages.COMPLAINT_WITHDRAWN.equals(message.messageName())) {
            events.append(
                    complaint.id(),
                    "WITHDRAWN",
                    "complainant",
                    "The complainant withdrew the complaint",
                    message.content());
        }
        return Delivery.DELIVERED;
    }

    private static String afterClosure(String messageName) {
        return ComplainantMessages.COMPLAINT_WITHDRAWN.equals(messageName)
                ? "The complainant's withdrawal reached the complaint only after it had closed"
                : "Information the complainant added reached the process only after the complaint had closed; "
                        + "it is kept with the complaint";
    }

    private Delivery postpone(long id, String why) {
        transaction.executeWithoutResult(tx -> {
            int attempts = pending.attemptsOf(id);
            Duration pause = FIRST_PAUSE.multipliedBy(1L << Math.min(attempts, 10));
            pending.postpone(id, clock.instant().plus(pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause));
        });
        LOG.info("Complainant message {} kept for a later delivery: {}", id, why);
        return Delivery.PENDING;
    }

    /** Messages whose process could not take them before; every node sweeps, the claim keeps it to one. */
    @Scheduled(
            fixedDelayString = "${complaints.intake.message-retry-interval:PT15S}",
            initialDelayString = "${complaints.intake.message-retry-interval:PT15S}")
    public void deliverDue() {
        for (long id : pending.due(clock.instant(), 100)) {
            deliver(id);
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(100L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
