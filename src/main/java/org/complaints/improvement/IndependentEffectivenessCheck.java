package org.complaints.improvement;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.complaints.engine.CurrentUser;
import org.complaints.engine.FormValues;
import org.complaints.engine.InvalidInputException;
import org.complaints.security.ComplaintAccess;
import org.springframework.stereotype.Component;

/**
 * Objectivity on Task_CheckEffectiveness (ISO 10002 4.7, 8.7): the owner of the action does not judge its own
 * work. The owner is not offered the check and can neither be assigned nor complete it; the refusal is a
 * readable message in Tasklist and a 400 in the REST API.
 */
@Component("independentEffectivenessCheck")
public class IndependentEffectivenessCheck implements TaskListener {

    private final CurrentUser currentUser;
    private final ComplaintAccess access;

    public IndependentEffectivenessCheck(CurrentUser currentUser, ComplaintAccess access) {
        this.currentUser = currentUser;
        this.access = access;
    }

    @Override
    public void notify(DelegateTask task) {
        String owner = FormValues.of(task).text("actionOwner");
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            access.exclude(task, owner);
            return;
        }
        String actor = EVENTNAME_ASSIGNMENT.equals(task.getEventName())
                ? task.getAssignee()
                : currentUser.id().orElse(task.getAssignee());
        if (actor != null && actor.equals(owner)) {
            throw new InvalidInputException(owner + " owns this corrective action and cannot check its effectiveness "
                    + "(objectivity). Another complaint manager must check it.");
        }
    }
}
