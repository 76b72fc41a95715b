package org.complaints.tracking;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.complaints.register.ComplaintOfProcess;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.ComplaintStage;
import org.complaints.register.EventLog;
import org.springframework.stereotype.Component;

/**
 * Keeps the register's stage in step with the process (ISO 10002 7.3 tracking). The diagram calls it from
 * execution listeners, e.g. {@code ${stageTracker.enter(execution, 'INVESTIGATION')}}, so the process owner
 * sees in Modeler where each stage begins.
 */
@Component("stageTracker")
public class StageTracker {

    private final ComplaintOfProcess complaintOf;
    private final ComplaintRegister register;
    private final EventLog events;

    public StageTracker(ComplaintOfProcess complaintOf, ComplaintRegister register, EventLog events) {
        this.complaintOf = complaintOf;
        this.register = register;
        this.events = events;
    }

    public void enter(DelegateExecution execution, String stage) {
        long complaintId = complaintOf.id(execution);
        ComplaintStage next = ComplaintStage.valueOf(stage);
        if (register.get(complaintId).stage() != next) {
            register.setStage(complaintId, next);
            events.append(
                    complaintId,
                    "STAGE",
                    "system",
                    "Stage: " + next.name().toLowerCase().replace('_', ' '),
                    null);
        }
    }
}
