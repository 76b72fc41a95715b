package org.complaints.closure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.complaints.register.ComplaintOfProcess;
import org.springframework.stereotype.Component;

/** Task_ConfirmWithdrawal (ISO 10002 7.3). */
@Component
public class ConfirmWithdrawalDelegate implements JavaDelegate {

    private final ComplaintOfProcess complaintOf;
    private final ClosureNotices notices;

    public ConfirmWithdrawalDelegate(ComplaintOfProcess complaintOf, ClosureNotices notices) {
        this.complaintOf = complaintOf;
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notices.confirmWithdrawal(complaintOf.id(execution));
    }
}
