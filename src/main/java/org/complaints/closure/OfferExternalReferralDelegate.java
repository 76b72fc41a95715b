package org.complaints.closure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.complaints.register.ComplaintOfProcess;
import org.springframework.stereotype.Component;

/**
 * Task_OfferExternalReferral (ISO 10002 7.9, ISO 10003), asynchronous: asks the complainant whether they take the
 * complaint to the external body and sets referralAnswerDeadline, the timer after which it closes as not referred.
 */
@Component
public class OfferExternalReferralDelegate implements JavaDelegate {

    private final ComplaintOfProcess complaintOf;
    private final ExternalReferralOffers offers;

    public OfferExternalReferralDelegate(ComplaintOfProcess complaintOf, ExternalReferralOffers offers) {
        this.complaintOf = complaintOf;
        this.offers = offers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("referralAnswerDeadline", offers.offer(complaintOf.id(execution)));
    }
}
