package org.complaints.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.complaints.register.ComplaintOfProcess;
import org.springframework.stereotype.Component;

/**
 * Task_SendDelayNotice (ISO 10002 7.3): the complainant learns of the delay, the revised date and the reason the
 * supervising manager wrote for them ({@code delayReason}, from the supervision form).
 */
@Component
public class SendDelayNoticeDelegate implements JavaDelegate {

    private final ComplaintOfProcess complaintOf;
    private final SupervisionService supervision;

    public SendDelayNoticeDelegate(ComplaintOfProcess complaintOf, SupervisionService supervision) {
        this.complaintOf = complaintOf;
        this.supervision = supervision;
    }

    @Override
    public void execute(DelegateExecution execution) {
        supervision.sendDelayNotice(complaintOf.id(execution), (String) execution.getVariable("delayReason"));
    }
}
