package org.complaints.acknowledgement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.complaints.engine.FormValues;
import org.springframework.stereotype.Component;

/**
 * Task_SendAcknowledgement (ISO 10002 7.4). Asynchronous in the diagram: an SMTP failure fails only this job,
 * which the job executor retries and then turns into an incident; the receipt stays committed.
 */
@Component
public class SendAcknowledgementDelegate implements JavaDelegate {

    private final AcknowledgementService acknowledgements;

    public SendAcknowledgementDelegate(AcknowledgementService acknowledgements) {
        this.acknowledgements = acknowledgements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        acknowledgements.acknowledge(FormValues.of(execution).id("complaintId"));
    }
}
