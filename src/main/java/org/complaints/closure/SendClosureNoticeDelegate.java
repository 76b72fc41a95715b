package org.complaints.closure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.complaints.engine.FormValues;
import org.springframework.stereotype.Component;

/** Task_SendClosureNotice (ISO 10002 7.3, 7.9). */
@Component
public class SendClosureNoticeDelegate implements JavaDelegate {

    private final ClosureNotices notices;

    public SendClosureNoticeDelegate(ClosureNotices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notices.sendClosureNotice(FormValues.of(execution).id("complaintId"));
    }
}
