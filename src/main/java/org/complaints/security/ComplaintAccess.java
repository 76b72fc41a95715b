package org.complaints.security;

import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_TASK;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.complaints.engine.InvalidInputException;
import org.complaints.engine.authorization.EngineAuthority;
import org.complaints.engine.authorization.Grants;
import org.complaints.register.AccessMarkings;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.EventLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who sees and works a complaint (ISO 10002 4.7, 4.10), kept in the engine's own authorizations so that
 * Tasklist, Cockpit and the REST API all obey it:
 * <ul>
 * <li>an ordinary complaint is readable by the groups its tasks are offered to and by quality managers;</li>
 * <li>a confidential one only by complaint managers (each complaint grants them its history, see
 * {@link AccessGrants}) and by the people they assign to its tasks; its tasks are offered to complaint managers
 * only, and what single users were granted on it before is withdrawn;</li>
 * <li>staff the complaint names lose what they were granted on it and get a user-specific revoke on the
 * complaint and on each of its tasks, which outranks any group grant on them, and can never be assigned.</li>
 * </ul>
 * The engine answers a check from the first resource with a rule for the user (runtime: task or instance before
 * the definition; history: the definition first), and on one resource a user's grant before a user's revoke:
 * so a revoke works only where no definition-wide history grant and no grant of the same user remain.
 */
@Service
public class ComplaintAccess {

    private final ComplaintRegister register;
    private final EventLog events;
    private final EngineAuthority authority;
    private final IdentityService identity;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final AuthorizationService authorizations;

    public ComplaintAccess(
            ComplaintRegister register,
            EventLog events,
            EngineAuthority authority,
            IdentityService identity,
            TaskService tasks,
            RuntimeService runtime,
            HistoryService history,
            AuthorizationService authorizations) {
        this.register = register;
        this.events = events;
        this.authority = authority;
        this.identity = identity;
        this.tasks = tasks;
        this.runtime = runtime;
        this.history = history;
        this.authorizations = authorizations;
    }

    /**
     * The complaint got its process instance: complaint managers may read its history (per complaint, so that the
     * revoke of a manager it names takes effect; the running instance they read through their definition-wide
     * grant, which the engine asks after the instance), quality managers the complaint unless it is confidential.
     */
    public void opened(long complaintId, String processInstanceId) {
        AccessMarkings markings = register.accessMarkings(complaintId);
        authority.withoutAuthorization(() -> {
            Grants.grant(
                    HISTORIC_PROCESS_INSTANCE,
                    processInstanceId,
                    null,
                    StaffGroups.MANAGERS,
                    HistoricProcessInstancePermissions.READ);
            if (!markings.confidential()) {
                grantInstance(processInstanceId, StaffGroups.QUALITY);
            }
            for (String named : markings.namedStaff()) {
                revokeInstance(processInstanceId, named);
            }
        });
    }

    /** Task created: offer it only to whom the complaint allows, and let those groups read the complaint. */
    public void taskCreated(DelegateTask task, long complaintId, List<String> readers) {
        AccessMarkings markings = register.accessMarkings(complaintId);
        authority.withoutAuthorization(() -> {
            if (markings.confidential()) {
                for (IdentityLink link : new ArrayList<>(task.getCandidates())) {
                    if (link.getGroupId() != null && !StaffGroups.MANAGERS.equals(link.getGroupId())) {
                        task.deleteCandidateGroup(link.getGroupId());
                    }
                }
                task.addCandidateGroup(StaffGroups.MANAGERS);
            } else {
                for (IdentityLink link : task.getCandidates()) {
                    if (link.getGroupId() != null) {
                        grantInstance(task.getProcessInstanceId(), link.getGroupId());
                    }
                }
                // readers (intake reading out the new reference) see the task and the complaint's variables,
                // which Tasklist's filter columns read from the process instance: only the member of a reader
                // group who registered the complaint with the staff start form, never a whole group
                String registrar =
                        readers.isEmpty() ? null : register.get(complaintId).receivedBy();
                if (registrar != null
                        && !markings.names(registrar)
                        && readers.stream().anyMatch(group -> isMember(registrar, group))) {
                    Grants.grant(TASK, task.getId(), registrar, null, Permissions.READ);
                    Grants.grant(PROCESS_INSTANCE, task.getProcessInstanceId(), registrar, null, Permissions.READ);
                    // the task's History tab (its operation log: claimed, assigned, by whom) needs a history grant;
                    // without it Tasklist says the task has no history
                    Grants.grant(HISTORIC_TASK, task.getId(), registrar, null, HistoricTaskPermissions.READ);
                }
            }
            for (String named : markings.namedStaff()) {
                Grants.revokeAll(TASK, task.getId(), named);
                Grants.revokeAll(HISTORIC_TASK, task.getId(), named);
            }
        });
        if (task.getAssignee() != null) {
            taskAssigned(task, complaintId);
        }
    }

    /** Refuses an assignee the complaint names; lets an assignee of a confidential complaint read it. */
    public void taskAssigned(DelegateTask task, long complaintId) {
        String assignee = task.getAssignee();
        if (assignee == null) {
            return;
        }
        AccessMarkings markings = register.accessMarkings(complaintId);
        if (markings.names(assignee)) {
            throw new InvalidInputException(assignee + " is named in complaint " + markings.reference()
                    + " and cannot work on it (objectivity, ISO 10002 4.7). Assign someone else.");
        }
        if (markings.confidential()) {
            authority.withoutAuthorization(() -> {
                if (!isMember(assignee, StaffGroups.MANAGERS)) {
                    Grants.grant(PROCESS_INSTANCE, task.getProcessInstanceId(), assignee, null, Permissions.READ);
                    Grants.grant(
                            HISTORIC_PROCESS_INSTANCE,
                            task.getProcessInstanceId(),
                            assignee,
                            null,
                            HistoricProcessInstancePermissions.READ);
                }
            });
        }
    }

    /** A role-specific exclusion (the proposer from the approval, earlier handlers from the review). */
    public void exclude(DelegateTask task, String userId) {
        if (userId != null && !userId.isBlank()) {
            authority.withoutAuthorization(() -> {
                Grants.revokeAll(TASK, task.getId(), userId);
                Grants.revokeAll(HISTORIC_TASK, task.getId(), userId);
            });
        }
    }

    /**
     * Marks a complaint confidential or not, and records the staff it names (staff API, complaint managers);
     * the complaint's instance and its open tasks follow at once: grants withdrawn, tasks moved to complaint
     * managers, named staff unassigned.
     */
    @Transactional
    public AccessMarkings mark(long complaintId, boolean confidential, List<String> namedStaff, String actor) {
        AccessMarkings before = record(complaintId, confidential, namedStaff, actor);
        AccessMarkings after = register.accessMarkings(complaintId);
        if (after.processInstanceId() != null) {
            authority.withoutAuthorization(() -> {
                String instance = after.processInstanceId();
                boolean running = runtime.createProcessInstanceQuery()
                                .processInstanceId(instance)
                                .count()
                        > 0;
                if (running) {
                    runtime.setVariable(instance, "confidential", after.confidential());
                    runtime.setVariable(instance, "namedStaff", String.join(", ", after.namedStaff()));
                    if (after.confidential()) {
                        runtime.setVariable(instance, "handlingGroup", StaffGroups.MANAGERS);
                    }
                }
                reconcile(
                        before,
                        after,
                        running
                                ? tasks.createTaskQuery()
                                        .processInstanceId(instance)
                                        .list()
                                : List.of());
            });
        }
        return after;
    }

    /**
     * The same from a step of the complaint's own process (intake, assessment): the tasks that follow are
     * created under the new markings; the process carries the markings for its forms.
     */
    public AccessMarkings markInProcess(
            DelegateExecution execution,
            long complaintId,
            boolean confidential,
            List<String> namedStaff,
            String actor) {
        AccessMarkings before = record(complaintId, confidential, namedStaff, actor);
        AccessMarkings after = register.accessMarkings(complaintId);
        execution.setVariable("confidential", after.confidential());
        execution.setVariable("namedStaff", String.join(", ", after.namedStaff()));
        authority.withoutAuthorization(
                () -> reconcile(before, after.withProcessInstance(execution.getProcessInstanceId()), List.of()));
        return after;
    }

    private AccessMarkings record(long complaintId, boolean confidential, List<String> namedStaff, String actor) {
        List<String> staff = checkedStaff(namedStaff);
        AccessMarkings before = register.accessMarkings(complaintId);
        if (before.confidential() && !confidential && actor != null && !isManager(actor)) {
            throw new InvalidInputException("Only a complaint manager can lift the confidentiality of a complaint.");
        }
        register.markAccess(complaintId, confidential, staff);
        if (before.confidential() != confidential || !before.namedStaff().equals(staff)) {
            events.append(
                    complaintId,
                    "ACCESS_CHANGED",
                    actor,
                    (confidential ? "Marked confidential" : "Not confidential")
                            + (staff.isEmpty() ? "" : "; staff named: " + staff.size()),
                    null);
        }
        return before;
    }

    private void reconcile(AccessMarkings before, AccessMarkings after, List<Task> open) {
        String instance = after.processInstanceId();
        // every task the complaint ever had: the engine grants historic-task reads to candidate groups as well
        List<String> allTasks = history.createHistoricTaskInstanceQuery().processInstanceId(instance).list().stream()
                .map(HistoricTaskInstance::getId)
                .toList();
        if (after.confidential()) {
            for (Task task : open) {
                for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
                    if (IdentityLinkType.CANDIDATE.equals(link.getType())
                            && link.getGroupId() != null
                            && !StaffGroups.MANAGERS.equals(link.getGroupId())) {
                        tasks.deleteCandidateGroup(task.getId(), link.getGroupId());
                    }
                }
                tasks.addCandidateGroup(task.getId(), StaffGroups.MANAGERS);
                if (task.getAssignee() != null && !isMember(task.getAssignee(), StaffGroups.MANAGERS)) {
                    tasks.setAssignee(task.getId(), null);
                }
            }
        } else if (before.confidential()) {
            grantInstance(instance, StaffGroups.QUALITY);
        }
        // unassigning leaves the engine's grants to the former assignee in place: they go here, after it
        withdrawGrants(after, instance, allTasks);
        Set<String> lifted = new LinkedHashSet<>(before.namedStaff());
        lifted.removeAll(after.namedStaff());
        for (String user : lifted) {
            Grants.removeUser(PROCESS_INSTANCE, instance, user);
            Grants.removeUser(HISTORIC_PROCESS_INSTANCE, instance, user);
            allTasks.forEach(task -> {
                Grants.removeUser(TASK, task, user);
                Grants.removeUser(HISTORIC_TASK, task, user);
            });
        }
        for (String named : after.namedStaff()) {
            revokeInstance(instance, named);
            for (Task task : open) {
                if (named.equals(task.getAssignee())) {
                    tasks.setAssignee(task.getId(), null);
                }
            }
            allTasks.forEach(task -> {
                Grants.revokeAll(TASK, task, named);
                Grants.revokeAll(HISTORIC_TASK, task, named);
            });
        }
    }

    /**
     * Withdraws, on the complaint, its history and every task it had, what the markings no longer allow: on a
     * confidential complaint every grant to a group but the complaint managers and to a user outside that group
     * (a former assignee, candidate or intake reader); whatever a named member of staff was granted. A user's
     * grant on a resource outranks that user's revoke on it, so it must go.
     */
    private void withdrawGrants(AccessMarkings markings, String instance, List<String> allTasks) {
        if (!markings.confidential() && markings.namedStaff().isEmpty()) {
            return;
        }
        Map<String, Boolean> managers = new HashMap<>();
        withdrawGrants(markings, PROCESS_INSTANCE, instance, managers);
        withdrawGrants(markings, HISTORIC_PROCESS_INSTANCE, instance, managers);
        for (String task : allTasks) {
            withdrawGrants(markings, TASK, task, managers);
            withdrawGrants(markings, HISTORIC_TASK, task, managers);
        }
    }

    private void withdrawGrants(
            AccessMarkings markings, Resources resource, String resourceId, Map<String, Boolean> managers) {
        for (Authorization grant : authorizations
                .createAuthorizationQuery()
                .resourceType(resource)
                .resourceId(resourceId)
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .list()) {
            String user = grant.getUserId();
            String group = grant.getGroupId();
            boolean withdrawn = user != null
                    ? markings.names(user)
                            || markings.confidential()
                                    && !managers.computeIfAbsent(user, u -> isMember(u, StaffGroups.MANAGERS))
                    : markings.confidential() && group != null && !StaffGroups.MANAGERS.equals(group);
            if (withdrawn) {
                authorizations.deleteAuthorization(grant.getId());
            }
        }
    }

    private List<String> checkedStaff(List<String> namedStaff) {
        List<String> staff = namedStaff == null
                ? List.of()
                : namedStaff.stream()
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .distinct()
                        .toList();
        for (String user : staff) {
            boolean known = authority.withoutAuthorization(
                    () -> identity.createUserQuery().userId(user).count() > 0);
            if (!known) {
                throw new InvalidInputException(
                        "namedStaff: there is no staff account \"" + user + "\". Name staff by their user id.");
            }
        }
        return staff;
    }

    private void grantInstance(String processInstanceId, String group) {
        Grants.grant(PROCESS_INSTANCE, processInstanceId, null, group, Permissions.READ);
        Grants.grant(
                HISTORIC_PROCESS_INSTANCE, processInstanceId, null, group, HistoricProcessInstancePermissions.READ);
    }

    private void revokeInstance(String processInstanceId, String user) {
        Grants.revokeAll(PROCESS_INSTANCE, processInstanceId, user);
        Grants.revokeAll(HISTORIC_PROCESS_INSTANCE, processInstanceId, user);
    }

    private boolean isManager(String user) {
        return authority.withoutAuthorization(
                () -> isMember(user, StaffGroups.MANAGERS) || isMember(user, StaffGroups.ADMIN));
    }

    private boolean isMember(String user, String group) {
        return identity.createUserQuery().userId(user).memberOfGroup(group).count() > 0;
    }
}
