package org.complaints.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.GROUP;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.USER;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What each staff group may do everywhere, created at start-up in every mode and topped up idempotently
 * (permissions an administrator added later are kept). Access to single complaints is granted per process
 * instance by {@link ComplaintAccess}; only complaint managers read every complaint.
 */
@Component
public class AccessGrants {

    record Grant(String group, Resource resource, String resourceId, List<Permission> permissions) {}

    static final List<Grant> GRANTS = List.of(
            // intake staff register complaints (phone, letter, counter) through the start form
            new Grant(StaffGroups.INTAKE, APPLICATION, "tasklist", List.of(Permissions.ACCESS)),
            new Grant(
                    StaffGroups.INTAKE,
                    PROCESS_DEFINITION,
                    "complaint-handling",
                    List.of(ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE)),
            new Grant(StaffGroups.INTAKE, PROCESS_INSTANCE, ANY, List.of(Permissions.CREATE)),
            // handlers work the tasks offered to their group; the complaints come with those tasks
            new Grant(StaffGroups.HANDLERS, APPLICATION, "tasklist", List.of(Permissions.ACCESS)),
            new Grant(
                    StaffGroups.HANDLERS,
                    PROCESS_DEFINITION,
                    "complaint-handling",
                    List.of(ProcessDefinitionPermissions.READ)),
            // managers see all complaints, confidential ones included, approve, supervise and reassign; a complaint's
            // history they read through the grant each complaint gives them (ComplaintAccess.opened): the engine
            // asks the definition first for history, so a definition-wide history grant would outrank the revoke
            // of a manager the complaint names
            new Grant(StaffGroups.MANAGERS, APPLICATION, "tasklist", List.of(Permissions.ACCESS)),
            new Grant(StaffGroups.MANAGERS, APPLICATION, "cockpit", List.of(Permissions.ACCESS)),
            new Grant(
                    StaffGroups.MANAGERS,
                    PROCESS_DEFINITION,
                    ANY,
                    List.of(
                            ProcessDefinitionPermissions.READ,
                            ProcessDefinitionPermissions.CREATE_INSTANCE,
                            ProcessDefinitionPermissions.READ_INSTANCE,
                            ProcessDefinitionPermissions.READ_TASK,
                            ProcessDefinitionPermissions.UPDATE_TASK,
                            ProcessDefinitionPermissions.TASK_ASSIGN)),
            new Grant(
                    StaffGroups.MANAGERS,
                    PROCESS_DEFINITION,
                    "corrective-action",
                    List.of(ProcessDefinitionPermissions.READ_HISTORY)),
            new Grant(
                    StaffGroups.MANAGERS,
                    PROCESS_DEFINITION,
                    "management-review",
                    List.of(ProcessDefinitionPermissions.READ_HISTORY)),
            new Grant(StaffGroups.MANAGERS, PROCESS_INSTANCE, ANY, List.of(Permissions.CREATE)),
            new Grant(
                    StaffGroups.MANAGERS,
                    DECISION_DEFINITION,
                    ANY,
                    List.of(Permissions.READ, Permissions.READ_HISTORY)),
            new Grant(StaffGroups.MANAGERS, DECISION_REQUIREMENTS_DEFINITION, ANY, List.of(Permissions.READ)),
            new Grant(StaffGroups.MANAGERS, DEPLOYMENT, ANY, List.of(Permissions.READ)),
            // quality managers look, never touch: the models, and the non-confidential complaints (per instance)
            new Grant(StaffGroups.QUALITY, APPLICATION, "cockpit", List.of(Permissions.ACCESS)),
            new Grant(StaffGroups.QUALITY, APPLICATION, "tasklist", List.of(Permissions.ACCESS)),
            new Grant(StaffGroups.QUALITY, PROCESS_DEFINITION, ANY, List.of(ProcessDefinitionPermissions.READ)),
            // ... except the management review (ISO 10002 8.6), which is theirs to prepare, hold and follow up
            new Grant(
                    StaffGroups.QUALITY,
                    PROCESS_DEFINITION,
                    "management-review",
                    List.of(
                            ProcessDefinitionPermissions.READ,
                            ProcessDefinitionPermissions.CREATE_INSTANCE,
                            ProcessDefinitionPermissions.READ_INSTANCE,
                            ProcessDefinitionPermissions.READ_HISTORY,
                            ProcessDefinitionPermissions.READ_TASK,
                            ProcessDefinitionPermissions.UPDATE_TASK,
                            ProcessDefinitionPermissions.TASK_ASSIGN)),
            new Grant(StaffGroups.QUALITY, PROCESS_INSTANCE, ANY, List.of(Permissions.CREATE)),
            new Grant(StaffGroups.QUALITY, DECISION_DEFINITION, ANY, List.of(Permissions.READ)),
            new Grant(StaffGroups.QUALITY, DECISION_REQUIREMENTS_DEFINITION, ANY, List.of(Permissions.READ)),
            new Grant(StaffGroups.QUALITY, DEPLOYMENT, ANY, List.of(Permissions.READ)),
            // corrective actions (ISO 10002 8.7): quality managers read them all, instances and tasks; an action's
            // owner (any member of staff) gets the implementation task itself and reads its definition
            new Grant(
                    StaffGroups.QUALITY,
                    PROCESS_DEFINITION,
                    "corrective-action",
                    List.of(
                            ProcessDefinitionPermissions.READ_INSTANCE,
                            ProcessDefinitionPermissions.READ_HISTORY,
                            ProcessDefinitionPermissions.READ_TASK)),
            new Grant(
                    StaffGroups.HANDLERS,
                    PROCESS_DEFINITION,
                    "corrective-action",
                    List.of(ProcessDefinitionPermissions.READ)),
            new Grant(
                    StaffGroups.INTAKE,
                    PROCESS_DEFINITION,
                    "corrective-action",
                    List.of(ProcessDefinitionPermissions.READ)),
            // the print queue's "Post letters" task (letter-posting.bpmn) is complaint intake's to see and work
            new Grant(
                    StaffGroups.INTAKE,
                    PROCESS_DEFINITION,
                    "letter-posting",
                    List.of(
                            ProcessDefinitionPermissions.READ,
                            ProcessDefinitionPermissions.READ_TASK,
                            ProcessDefinitionPermissions.UPDATE_TASK)),
            // a call to a complainant who prefers phone (complainant-call.bpmn) goes to the handling group or intake
            new Grant(
                    StaffGroups.INTAKE,
                    PROCESS_DEFINITION,
                    "complainant-call",
                    List.of(
                            ProcessDefinitionPermissions.READ,
                            ProcessDefinitionPermissions.READ_TASK,
                            ProcessDefinitionPermissions.UPDATE_TASK)),
            new Grant(
                    StaffGroups.HANDLERS,
                    PROCESS_DEFINITION,
                    "complainant-call",
                    List.of(
                            ProcessDefinitionPermissions.READ,
                            ProcessDefinitionPermissions.READ_TASK,
                            ProcessDefinitionPermissions.UPDATE_TASK)),
            new Grant(StaffGroups.ADMIN, APPLICATION, ANY, List.of(Permissions.ALL)));

    /** Staff see each other's names (assignees, candidate lists), never more of an account. */
    static final List<Resource> STAFF_DIRECTORY = List.of(USER, GROUP);

    private final AuthorizationService authorizations;
    private final HistoryService history;

    public AccessGrants(AuthorizationService authorizations, HistoryService history) {
        this.authorizations = authorizations;
        this.history = history;
    }

    @EventListener(PostDeployEvent.class)
    @Order(2)
    public void createGrants() {
        for (Grant grant : GRANTS) {
            ensure(grant.group(), grant.resource(), grant.resourceId(), grant.permissions());
        }
        withdrawManagersDefinitionWideHistory();
        // administrators may do everything, as the engine's own first-admin setup grants
        for (Resources resource : Resources.values()) {
            ensure(StaffGroups.ADMIN, resource, ANY, List.of(Permissions.ALL));
        }
        for (StaffGroups.GroupDefinition group : StaffGroups.GROUPS) {
            for (Resource resource : STAFF_DIRECTORY) {
                ensure(group.id(), resource, ANY, List.of(Permissions.READ));
            }
        }
    }

    /**
     * A database set up before complaints granted their history to complaint managers one by one still has the
     * definition-wide history grant, which outranks the revoke of a manager a complaint names: each complaint gets
     * its grant first, then the definition-wide one goes (the other definitions keep theirs, in GRANTS).
     */
    private void withdrawManagersDefinitionWideHistory() {
        Authorization wide = authorizations
                .createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(StaffGroups.MANAGERS)
                .resourceType(PROCESS_DEFINITION)
                .resourceId(ANY)
                .singleResult();
        if (wide == null || !wide.isPermissionGranted(ProcessDefinitionPermissions.READ_HISTORY)) {
            return;
        }
        int page = 500;
        for (int first = 0; ; first += page) {
            List<HistoricProcessInstance> complaints = history.createHistoricProcessInstanceQuery()
                    .processDefinitionKey("complaint-handling")
                    .orderByProcessInstanceId()
                    .asc()
                    .listPage(first, page);
            for (HistoricProcessInstance complaint : complaints) {
                ensure(
                        StaffGroups.MANAGERS,
                        HISTORIC_PROCESS_INSTANCE,
                        complaint.getId(),
                        List.of(HistoricProcessInstancePermissions.READ));
            }
            if (complaints.size() < page) {
                break;
            }
        }
        wide.removePermission(ProcessDefinitionPermissions.READ_HISTORY);
        authorizations.saveAuthorization(wide);
    }

    private void ensure(String group, Resource resource, String resourceId, List<Permission> permissions) {
        Authorization existing = authorizations
                .createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(group)
                .resourceType(resource)
                .resourceId(resourceId)
                .singleResult();
        Authorization grant =
                existing != null ? existing : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        if (existing == null) {
            grant.setGroupId(group);
            grant.setResource(resource);
            grant.setResourceId(resourceId);
        } else if (permissions.stream().allMatch(existing::isPermissionGranted)) {
            return;
        }
        permissions.forEach(grant::addPermission);
        authorizations.saveAuthorization(grant);
    }
}
