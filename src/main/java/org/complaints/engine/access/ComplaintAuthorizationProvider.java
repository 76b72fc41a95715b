package org.complaints.engine.access;

import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.complaints.engine.authorization.Grants;
import org.complaints.register.AccessMarkings;
import org.complaints.register.ComplaintRegister;
import org.complaints.security.ComplaintAccess;
import org.complaints.security.StaffGroups;

/**
 * The engine grants a task's candidate groups and users access to it as they are added. For a confidential
 * complaint only complaint managers get that grant, and nobody the complaint names: a group added by the
 * diagram and removed again by {@link ComplaintAccess} leaves no grant behind.
 */
class ComplaintAuthorizationProvider extends DefaultAuthorizationProvider {

    private final Supplier<ComplaintRegister> register;

    ComplaintAuthorizationProvider(Supplier<ComplaintRegister> register) {
        this.register = register;
    }

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
        boolean confidential = markings(task).map(AccessMarkings::confidential).orElse(false);
        return confidential && !StaffGroups.MANAGERS.equals(groupId)
                ? null
                : super.newTaskGroupIdentityLink(task, groupId, type);
    }

    @Override
    public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
        return named(task, userId) ? null : super.newTaskUserIdentityLink(task, userId, type);
    }

    @Override
    public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
        return named(task, newAssignee) ? null : super.newTaskAssignee(task, oldAssignee, newAssignee);
    }

    // the engine looks for an earlier grant before it adds one; a task created by this command has none
    @Override
    protected AuthorizationEntity getGrantAuthorizationByGroupId(String groupId, Resource resource, String resourceId) {
        return Grants.createdInThisCommand(resource, resourceId)
                ? null
                : super.getGrantAuthorizationByGroupId(groupId, resource, resourceId);
    }

    @Override
    protected AuthorizationEntity getGrantAuthorizationByUserId(String userId, Resource resource, String resourceId) {
        return Grants.createdInThisCommand(resource, resourceId)
                ? null
                : super.getGrantAuthorizationByUserId(userId, resource, resourceId);
    }

    private boolean named(Task task, String userId) {
        return markings(task).map(m -> m.names(userId)).orElse(false);
    }

    private Optional<AccessMarkings> markings(Task task) {
        if (!(task instanceof TaskEntity entity) || entity.getExecution() == null) {
            return Optional.empty();
        }
        // the complaint of the instance, as the register linked it: never a variable a client could have set
        return register.get().idOfProcessInstance(entity.getProcessInstanceId()).map(register.get()::accessMarkings);
    }
}
