package org.complaints.improvement;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.complaints.engine.CurrentUser;
import org.complaints.engine.FormValues;
import org.complaints.engine.authorization.EngineAuthority;
import org.springframework.stereotype.Component;

/**
 * Assignment of Task_ImplementCorrectiveAction (ISO 10002 8.7, 4.12): the person the task is handed to owns the
 * action from then on, in the CAPA register and for the effectiveness check (the owner does not check their own
 * action). Only members of staff; the previous owner's access to the task ends with the hand-over.
 */
@Component("actionOwnerFollowsAssignee")
public class ActionOwnerFollowsAssignee implements TaskListener {

    private final CorrectiveActionService actions;
    private final CurrentUser currentUser;
    private final AuthorizationService authorizations;
    private final EngineAuthority authority;

    public ActionOwnerFollowsAssignee(
            CorrectiveActionService actions,
            CurrentUser currentUser,
            AuthorizationService authorizations,
            EngineAuthority authority) {
        this.actions = actions;
        this.currentUser = currentUser;
        this.authorizations = authorizations;
        this.authority = authority;
    }

    @Override
    public void notify(DelegateTask task) {
        String assignee = task.getAssignee();
        FormValues form = FormValues.of(task);
        String previous = form.text("actionOwner");
        if (assignee == null || assignee.equals(previous)) {
            return;
        }
        actions.changeOwner(form.id("actionId"), assignee, currentUser.id().orElse("system"));
        task.setVariable("actionOwner", assignee);
        if (previous != null) {
            authority.withoutAuthorization(() -> authorizations
                    .createAuthorizationQuery()
                    .authorizationType(Authorization.AUTH_TYPE_GRANT)
                    .resourceType(Resources.TASK)
                    .resourceId(task.getId())
                    .userIdIn(previous)
                    .list()
                    .forEach(grant -> authorizations.deleteAuthorization(grant.getId())));
        }
    }
}
