package org.complaints.improvement;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.complaints.deadlines.DeadlineProperties;
import org.complaints.engine.authorization.EngineAuthority;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.EventLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a corrective action (ISO 10002 8.7) or links complaints to the one already open for the same subject,
 * and starts its process {@code corrective-action} with the action's reference as business key.
 *
 * <p>It runs in the caller's transaction, which for the triggers is the transaction of the complaint's own
 * process step: the finding or assessment and the link to its action are recorded together or not at all.
 * What could make that step fail is kept out of it: openings are serialised on a row lock (no duplicate, no
 * unique-key violation between two complaints of one pattern), linking is idempotent, and the new process
 * instance only stores its start here: its first step runs in a job of its own (asynchronous after the start
 * event), so nothing the corrective-action diagram does can roll back a complaint.
 */
@Service
public class CorrectiveActionOpening {

    public static final String PROCESS_KEY = "corrective-action";

    private final CorrectiveActionRegister register;
    private final ComplaintRegister complaints;
    private final EventLog events;
    private final RuntimeService runtime;
    private final EngineAuthority authority;
    private final Clock clock;
    private final DeadlineProperties deadlines;

    public CorrectiveActionOpening(
            CorrectiveActionRegister register,
            ComplaintRegister complaints,
            EventLog events,
            RuntimeService runtime,
            EngineAuthority authority,
            Clock clock,
            DeadlineProperties deadlines) {
        this.register = register;
        this.complaints = complaints;
        this.events = events;
        this.runtime = runtime;
        this.authority = authority;
        this.clock = clock;
        this.deadlines = deadlines;
    }

    /** The action, whether this call opened it, and the complaints it newly linked. */
    public record Outcome(CorrectiveAction action, boolean opened, List<Long> linked) {}

    /**
     * Opens an action about {@code action.subject()} unless one is open already, and links the complaints to
     * it (each once). Must run in a transaction: the lock an opening takes is held until that transaction ends.
     */
    public Outcome openOrLink(CorrectiveActionRegister.NewAction action, List<Long> complaintIds, String actor) {
        int year = clock.instant().atZone(deadlines.zone()).getYear();
        Optional<CorrectiveAction> open = register.findOpen(action.subject());
        if (open.isEmpty()) {
            // only an opening takes the lock (and looks again under it): joining an open action needs none, and
            // taking it for every complaint of a busy subject queued all their assessments on one row
            register.lockForOpening(year);
            open = register.findOpenUnderLock(action.subject());
        }
        CorrectiveAction capa;
        if (open.isPresent()) {
            capa = open.get();
        } else {
            capa = register.create(register.nextReference(year), action);
            register.event(
                    capa.id(),
                    "OPENED",
                    actor,
                    "Opened (" + action.trigger() + ") about "
                            + action.subject().describe(),
                    action.openingReason());
        }
        boolean opened = open.isEmpty();
        List<Long> linked = new ArrayList<>();
        for (long complaintId : new LinkedHashSet<>(complaintIds)) {
            if (register.link(capa.id(), complaintId, action.trigger(), actor)) {
                linked.add(complaintId);
                String reference = complaints.get(complaintId).reference();
                events.append(
                        complaintId,
                        opened ? "CORRECTIVE_ACTION_OPENED" : "CORRECTIVE_ACTION_LINKED",
                        actor,
                        (opened
                                        ? "Corrective action " + capa.reference() + " opened"
                                        : "Linked to open corrective action " + capa.reference())
                                + " about " + action.subject().describe() + " ("
                                + action.trigger() + ")",
                        action.openingReason());
                register.event(
                        capa.id(),
                        "COMPLAINT_LINKED",
                        actor,
                        "Complaint " + reference + " linked (" + action.trigger() + ")",
                        opened ? null : action.openingReason());
            }
        }
        if (opened) {
            start(capa);
        }
        return new Outcome(register.get(capa.id()), opened, linked);
    }

    /**
     * A complaint manager opens an action by hand (after an audit, a management review, a pattern the rules do
     * not see), or links complaints to the action already open about the same subject.
     */
    @Transactional
    public Outcome openManually(ActionSubject subject, List<Long> complaintIds, String reason, String manager) {
        boolean byCategory = subject.dimension() == ActionSubject.Dimension.CATEGORY;
        return openOrLink(
                new CorrectiveActionRegister.NewAction(
                        ActionTrigger.MANUAL,
                        subject,
                        byCategory ? subject.value() : null,
                        byCategory ? null : subject.value(),
                        reason,
                        null,
                        manager),
                complaintIds,
                manager);
    }

    private void start(CorrectiveAction capa) {
        VariableMap variables = Variables.createVariables()
                .putValue("actionId", capa.id())
                .putValue("reference", capa.reference())
                .putValue("trigger", capa.trigger().name())
                .putValue("subject", subject(capa).describe())
                .putValue("openingReason", capa.openingReason())
                .putValue("category", capa.category())
                .putValue("productOrService", capa.productOrService())
                .putValue("rootCause", capa.rootCause())
                .putValue("actionRound", capa.round());
        // on behalf of the policy: the investigator whose finding opened the action may not start processes
        ProcessInstance instance = authority.withoutAuthorization(() -> runtime.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(capa.reference())
                .setVariables(variables)
                .execute());
        register.linkProcessInstance(capa.id(), instance.getId());
    }

    static ActionSubject subject(CorrectiveAction action) {
        String key = action.subjectKey();
        return key.startsWith("category:")
                ? ActionSubject.category(action.category())
                : ActionSubject.product(action.productOrService());
    }
}
