package org.complaints.closure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.complaints.engine.CurrentUser;
import org.complaints.engine.FormValues;
import org.complaints.register.ComplaintOfProcess;
import org.springframework.stereotype.Component;

/**
 * Task_RecordReferralDetails (ISO 10002 7.9, ISO 10003): the referral a manager entered on Task_RecordExternalReferral
 * goes into the register. It runs in the transaction that completes that task, so a referral without its body or
 * date leaves the task open with the reason on the form.
 */
@Component
public class RecordReferralDetailsDelegate implements JavaDelegate {

    private final ComplaintOfProcess complaintOf;
    private final ExternalReferrals referrals;
    private final CurrentUser currentUser;

    public RecordReferralDetailsDelegate(
            ComplaintOfProcess complaintOf, ExternalReferrals referrals, CurrentUser currentUser) {
        this.complaintOf = complaintOf;
        this.referrals = referrals;
        this.currentUser = currentUser;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormValues form = FormValues.of(execution);
        referrals.record(
                complaintOf.id(execution),
                form.text("adrBody"),
                form.date("referredAt"),
                form.text("adrCaseReference"),
                form.text("referralNotes"),
                currentUser.id().orElse("system"));
    }
}
