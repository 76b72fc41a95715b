package org.complaints.closure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.complaints.engine.CurrentUser;
import org.complaints.engine.FormValues;
import org.complaints.register.ComplaintOfProcess;
import org.springframework.stereotype.Component;

/**
 * Task_CloseComplaint, Task_CloseOutOfScope, Task_CloseWithdrawnComplaint (ISO 10002 7.9). The diagram sets
 * closureReason on the path that leads here.
 */
@Component
public class CloseComplaintDelegate implements JavaDelegate {

    private final ComplaintOfProcess complaintOf;
    private final ClosureService closure;
    private final CurrentUser currentUser;

    public CloseComplaintDelegate(ComplaintOfProcess complaintOf, ClosureService closure, CurrentUser currentUser) {
        this.complaintOf = complaintOf;
        this.closure = closure;
        this.currentUser = currentUser;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormValues values = FormValues.of(execution);
        closure.close(
                complaintOf.id(execution),
                values.text("closureReason"),
                currentUser.id().orElse("system"),
                values.text("externalOutcome"),
                values.text("externalOutcomeDetails"));
    }
}
