package org.complaints.managementreview;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.complaints.engine.FormValues;
import org.springframework.stereotype.Component;

/**
 * Start of SubProcess_ReviewAction: what the action's task shows and whom it goes to, as local variables of this
 * action's instance (the register keeps the action itself).
 */
@Component
public class ReviewActionVariables implements ExecutionListener {

    private final ManagementReviews reviews;

    public ReviewActionVariables(ManagementReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void notify(DelegateExecution execution) {
        ReviewAction action = reviews.action(FormValues.of(execution).id("actionId"));
        execution.setVariableLocal("actionDescription", action.description());
        execution.setVariableLocal("actionOwner", action.owner());
        execution.setVariableLocal("actionDueDate", reviews.dueAt(action));
        execution.setVariableLocal("actionDue", action.dueDate().toString());
    }
}
