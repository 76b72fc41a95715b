package org.complaints.closure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.complaints.engine.FormValues;
import org.complaints.register.ComplaintOfProcess;
import org.springframework.stereotype.Component;

/** Task_SendClosureNotice (ISO 10002 7.3, 7.9). */
@Component
public class SendClosureNoticeDelegate implements JavaDelegate {

    private final ComplaintOfProcess complaintOf;
    private final ClosureNotices notices;

    public SendClosureNoticeDelegate(ComplaintOfProcess complaintOf, ClosureNotices notices) {
        this.complaintOf = complaintOf;
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // Task_CarryOutRemedy records what was done; without it no remedy was promised on this path
        boolean remedyCarriedOut = FormValues.of(execution).text("remedyCarriedOut") != null;
        notices.sendClosureNotice(complaintOf.id(execution), remedyCarriedOut);
    }
}
