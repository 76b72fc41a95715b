package org.complaints.tracking;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.complaints.register.ComplaintOfProcess;
import org.springframework.stereotype.Component;

/** Task_SendStatusUpdate (ISO 10002 7.3), started by the non-interrupting timer cycle. */
@Component
public class SendStatusUpdateDelegate implements JavaDelegate {

    private final ComplaintOfProcess complaintOf;
    private final StatusUpdateService statusUpdates;

    public SendStatusUpdateDelegate(ComplaintOfProcess complaintOf, StatusUpdateService statusUpdates) {
        this.complaintOf = complaintOf;
        this.statusUpdates = statusUpdates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // each firing of the cycle runs in its own event-subprocess execution: a stable key across retries
        statusUpdates.sendUpdate(complaintOf.id(execution), execution.getId());
    }
}
