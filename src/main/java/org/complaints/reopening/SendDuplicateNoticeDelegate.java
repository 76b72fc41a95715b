package org.complaints.reopening;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.complaints.register.ComplaintOfProcess;
import org.springframework.stereotype.Component;

/** Task_SendDuplicateNotice (ISO 10002 7.3). */
@Component
public class SendDuplicateNoticeDelegate implements JavaDelegate {

    private final ComplaintOfProcess complaintOf;
    private final Duplicates duplicates;

    public SendDuplicateNoticeDelegate(ComplaintOfProcess complaintOf, Duplicates duplicates) {
        this.complaintOf = complaintOf;
        this.duplicates = duplicates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        duplicates.sendNotice(complaintOf.id(execution), execution.getProcessInstanceId());
    }
}
