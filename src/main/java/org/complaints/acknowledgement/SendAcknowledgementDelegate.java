package org.complaints.acknowledgement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.complaints.register.ComplaintOfProcess;
import org.springframework.stereotype.Component;

/**
 * Task_SendAcknowledgement (ISO 10002 7.4): queues the acknowledgement in the mail outbox, in the engine's
 * transaction. Asynchronous in the diagram, so the receipt commits first and a template problem fails this job
 * alone; an SMTP outage only delays the e-mail (see mail.OutboxSender).
 */
@Component
public class SendAcknowledgementDelegate implements JavaDelegate {

    private final ComplaintOfProcess complaintOf;
    private final AcknowledgementService acknowledgements;

    public SendAcknowledgementDelegate(ComplaintOfProcess complaintOf, AcknowledgementService acknowledgements) {
        this.complaintOf = complaintOf;
        this.acknowledgements = acknowledgements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        acknowledgements.acknowledge(complaintOf.id(execution));
    }
}
