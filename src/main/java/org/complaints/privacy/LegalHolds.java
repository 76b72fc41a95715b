package org.complaints.privacy;

import org.camunda.bpm.engine.HistoryService;
import org.complaints.engine.authorization.EngineAuthority;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.EventLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets and releases a complaint's legal hold, which stops anonymisation ({@link Anonymiser}) and the engine's
 * history clean-up of the complaint ({@code engine/privacy/LegalHoldRemovalTime}); who may do it is checked by
 * the caller.
 */
@Service
public class LegalHolds {

    private final ComplaintRegister register;
    private final EventLog events;
    private final HistoryService history;
    private final EngineAuthority authority;

    public LegalHolds(ComplaintRegister register, EventLog events, HistoryService history, EngineAuthority authority) {
        this.register = register;
        this.events = events;
        this.history = history;
        this.authority = authority;
    }

    @Transactional
    public void set(long complaintId, boolean held, String reason, String actor) {
        register.setLegalHold(complaintId, held, held ? reason : null);
        events.append(
                complaintId,
                held ? "LEGAL_HOLD" : "LEGAL_HOLD_RELEASED",
                actor,
                held ? "Legal hold: " + reason : "Legal hold released",
                null);
        String instance = register.accessMarkings(complaintId).processInstanceId();
        if (instance != null) {
            authority.withoutAuthorization(() -> recalculate(instance));
        }
    }

    /**
     * An ended complaint's history already has its removal time: the engine calculates it again for the whole
     * instance (hierarchy and decisions included), none while held, end plus time to live once released. A
     * running one gets it when it ends.
     */
    private void recalculate(String instance) {
        if (history.createHistoricProcessInstanceQuery()
                        .processInstanceId(instance)
                        .finished()
                        .count()
                > 0) {
            history.setRemovalTimeToHistoricProcessInstances()
                    .calculatedRemovalTime()
                    .byIds(instance)
                    .hierarchical()
                    .executeAsync();
        }
    }
}
