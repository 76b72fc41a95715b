package org.complaints.improvement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.complaints.assessment.ComplaintAssessed;
import org.complaints.engine.authorization.EngineAuthority;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.EventLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Opens a corrective action by itself (ISO 10002 8.7, 8.2 recurring problems) when more complaints of one
 * category, or about one product or service, arrive in a rolling window than the decision table
 * {@code recurrence-threshold} allows. Checked for every complaint assessed as in scope, in the transaction
 * that records the assessment; complaints that came before the last action about the same subject was closed
 * do not count again.
 *
 * <p>A decision table a process owner left unusable (no such decision, a wrong type, a negative threshold)
 * does not stop complaint handling: the complaint's event log records that the check could not be made and the
 * application log says why.
 */
@Component
public class RecurrenceThreshold {

    public static final String DECISION = "recurrence-threshold";
    private static final Logger LOG = LoggerFactory.getLogger(RecurrenceThreshold.class);

    private final DecisionService decisions;
    private final EngineAuthority authority;
    private final CorrectiveActionRegister register;
    private final CorrectiveActionOpening opening;
    private final ComplaintRegister complaints;
    private final EventLog events;
    private final CorrectiveActionProperties properties;
    private final Clock clock;

    public RecurrenceThreshold(
            DecisionService decisions,
            EngineAuthority authority,
            CorrectiveActionRegister register,
            CorrectiveActionOpening opening,
            ComplaintRegister complaints,
            EventLog events,
            CorrectiveActionProperties properties,
            Clock clock) {
        this.decisions = decisions;
        this.authority = authority;
        this.register = register;
        this.opening = opening;
        this.complaints = complaints;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** The rule for one subject: more than {@code threshold} complaints in {@code windowDays} open an action. */
    public record Rule(int windowDays, int threshold) {}

    @EventListener
    public void complaintAssessed(ComplaintAssessed assessed) {
        if (!assessed.inScope()) {
            return;
        }
        Complaint complaint = complaints.get(assessed.complaintId());
        if (complaint.category() != null) {
            check(complaint, ActionSubject.category(complaint.category()));
        }
        if (complaint.productOrService() != null
                && !complaint.productOrService().isBlank()) {
            check(complaint, ActionSubject.product(complaint.productOrService()));
        }
    }

    private void check(Complaint complaint, ActionSubject subject) {
        Optional<Rule> rule;
        try {
            rule = rule(subject, complaint.category(), complaint.productOrService());
        } catch (RuntimeException e) {
            LOG.error(
                    "Decision table {} failed for complaint {} ({}); no corrective action was considered",
                    DECISION,
                    complaint.reference(),
                    subject.dimension().dmnName(),
                    e);
            events.append(
                    complaint.id(),
                    "RECURRENCE_CHECK_FAILED",
                    "system",
                    "The recurrence threshold for the "
                            + subject.dimension().dmnName() + " could not be checked: decision table " + DECISION
                            + " failed; a complaint manager can open a corrective action by hand",
                    e.getMessage());
            return;
        }
        if (rule.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Instant since = now.minus(Duration.ofDays(rule.get().windowDays()));
        Optional<Instant> lastClosed = register.lastClosed(subject);
        if (lastClosed.isPresent() && lastClosed.get().isAfter(since)) {
            since = lastClosed.get().plusMillis(1);
        }
        if (register.countComplaintsUpTo(subject, since, rule.get().threshold() + 1L)
                <= rule.get().threshold()) {
            return;
        }
        // with an action open about the subject, the window's earlier complaints are linked already (when it opened,
        // or at their own assessment): only this one is new. Counting and listing them all again would make every
        // assessment of a busy subject scan its window and probe a hundred links; the exact count is only needed
        // for the reason of a new action
        boolean open = register.findOpen(subject).isPresent();
        String reason = (open
                        ? "more than " + rule.get().threshold()
                        : String.valueOf(register.countComplaints(subject, since)))
                + " complaints about " + subject.describe() + " in the last "
                + rule.get().windowDays()
                + " days, more than the threshold of " + rule.get().threshold();
        List<Long> linked = open
                ? new ArrayList<>()
                : new ArrayList<>(register.complaints(subject, since, properties.maxComplaintsLinkedOnOpening()));
        if (!linked.contains(complaint.id())) {
            linked.add(complaint.id());
        }
        boolean byCategory = subject.dimension() == ActionSubject.Dimension.CATEGORY;
        opening.openOrLink(
                new CorrectiveActionRegister.NewAction(
                        ActionTrigger.THRESHOLD,
                        subject,
                        byCategory ? subject.value() : null,
                        byCategory ? null : subject.value(),
                        reason,
                        null,
                        "system"),
                linked,
                "system");
    }

    /**
     * What the decision table says for a subject: empty when no rule matches or the matching rule gives no
     * threshold (no automatic action for it).
     */
    public Optional<Rule> rule(ActionSubject subject, String category, String productOrService) {
        DmnDecisionResult result = authority.withoutAuthorization(() -> decisions
                .evaluateDecisionByKey(DECISION)
                .variables(Variables.createVariables()
                        .putValue("dimension", subject.dimension().dmnName())
                        .putValue("category", category)
                        .putValue("productOrService", productOrService))
                .evaluate());
        if (result.isEmpty()) {
            return Optional.empty();
        }
        // an empty output cell gives no entry at all
        Object window = result.getFirstResult().getEntryMap().get("windowDays");
        Object threshold = result.getFirstResult().getEntryMap().get("threshold");
        if (threshold == null) {
            return Optional.empty();
        }
        if (!(window instanceof Number days)
                || days.intValue() < 1
                || !(threshold instanceof Number limit)
                || limit.intValue() < 0) {
            throw new IllegalStateException("Decision table " + DECISION + " returned window " + window
                    + " and threshold "
                    + threshold + " for the " + subject.dimension().dmnName() + "; expected a window of at least one "
                    + "day and a threshold of 0 or more");
        }
        return Optional.of(new Rule(days.intValue(), limit.intValue()));
    }
}
