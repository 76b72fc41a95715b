package org.complaints.reopening;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ReopenComplaint (ISO 10002 7.3, 4.15). */
@Component
public class ReopenComplaintDelegate implements JavaDelegate {

    private final Reopenings reopenings;

    public ReopenComplaintDelegate(Reopenings reopenings) {
        this.reopenings = reopenings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reopenings.takeOver(execution);
    }
}
