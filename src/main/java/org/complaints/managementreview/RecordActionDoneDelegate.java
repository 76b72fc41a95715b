package org.complaints.managementreview;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.complaints.engine.CurrentUser;
import org.complaints.engine.FormValues;
import org.springframework.stereotype.Component;

/** Task_RecordActionDone (ISO 10002 8.6): the action's completion, with who and what was done. */
@Component
public class RecordActionDoneDelegate implements JavaDelegate {

    private final ManagementReviews reviews;
    private final CurrentUser currentUser;

    public RecordActionDoneDelegate(ManagementReviews reviews, CurrentUser currentUser) {
        this.reviews = reviews;
        this.currentUser = currentUser;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormValues form = FormValues.of(execution);
        reviews.completeAction(
                form.id("actionId"), currentUser.id().orElse(form.text("actionOwner")), form.text("completionNote"));
    }
}
