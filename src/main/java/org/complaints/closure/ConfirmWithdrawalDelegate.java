package org.complaints.closure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.complaints.engine.FormValues;
import org.springframework.stereotype.Component;

/** Task_ConfirmWithdrawal (ISO 10002 7.3). */
@Component
public class ConfirmWithdrawalDelegate implements JavaDelegate {

    private final ClosureNotices notices;

    public ConfirmWithdrawalDelegate(ClosureNotices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notices.confirmWithdrawal(FormValues.of(execution).id("complaintId"));
    }
}
