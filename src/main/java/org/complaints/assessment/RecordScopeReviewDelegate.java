package org.complaints.assessment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.complaints.engine.CurrentUser;
import org.complaints.engine.FormValues;
import org.complaints.register.ComplaintOfProcess;
import org.springframework.stereotype.Component;

/**
 * Task_RecordScopeReview (ISO 10002 7.5): records the manager's answer to the complainant's reaction before the
 * gateway after it reads scopeReviewDecision. It runs in the transaction that completes Task_ReviewScopeReaction, so
 * a refused answer leaves that task open with the reason on the form.
 */
@Component
public class RecordScopeReviewDelegate implements JavaDelegate {

    private final ComplaintOfProcess complaintOf;
    private final ScopeReview scopeReview;
    private final CurrentUser currentUser;

    public RecordScopeReviewDelegate(ComplaintOfProcess complaintOf, ScopeReview scopeReview, CurrentUser currentUser) {
        this.complaintOf = complaintOf;
        this.scopeReview = scopeReview;
        this.currentUser = currentUser;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormValues form = FormValues.of(execution);
        scopeReview.record(
                complaintOf.id(execution),
                form.text("scopeReviewDecision"),
                form.text("scopeReviewNotes"),
                currentUser.id().orElse("system"));
    }
}
