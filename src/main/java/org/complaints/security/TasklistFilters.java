package org.complaints.security;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tasklist filters per staff group, each readable by the groups that work with it (a filter is otherwise
 * visible only to its owner or to admins once authorization is on). Created once, by name; an administrator's
 * later edits in Tasklist are kept.
 */
@Component
public class TasklistFilters {

    private static final List<Map<String, String>> COLUMNS = List.of(
            Map.of("name", "reference", "label", "Reference"),
            Map.of("name", "priority", "label", "Priority"),
            Map.of("name", "productOrService", "label", "Product or service"),
            Map.of("name", "responseDeadline", "label", "Committed response date"),
            // set only when the complaint likely repeats an earlier one (intake.DuplicateCheck)
            Map.of("name", "possibleDuplicates", "label", "Possible duplicate of"));

    private static final List<Map<String, String>> ACTION_COLUMNS = List.of(
            Map.of("name", "reference", "label", "Reference"),
            Map.of("name", "subject", "label", "About"),
            Map.of("name", "actionOwner", "label", "Owner"),
            Map.of("name", "implementationDue", "label", "Due"));

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;

    public TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
    }

    @EventListener(PostDeployEvent.class)
    @Order(2)
    public void createFilters() {
        create(
                "My complaint tasks",
                "Tasks assigned to me",
                -10,
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"),
                StaffGroups.INTAKE,
                StaffGroups.HANDLERS,
                StaffGroups.MANAGERS);
        create(
                "Complaint handlers",
                "Open tasks of the complaint-handlers group",
                0,
                tasks.createTaskQuery().taskCandidateGroup(StaffGroups.HANDLERS).includeAssignedTasks(),
                StaffGroups.HANDLERS,
                StaffGroups.MANAGERS);
        create(
                "Complaint managers",
                "Approvals, reviews, escalations and external referrals",
                1,
                tasks.createTaskQuery().taskCandidateGroup(StaffGroups.MANAGERS).includeAssignedTasks(),
                StaffGroups.MANAGERS);
        create(
                "Overdue complaint tasks",
                "Tasks past their due date",
                2,
                tasks.createTaskQuery().dueBeforeExpression("${now()}"),
                StaffGroups.MANAGERS,
                StaffGroups.QUALITY);
        create(
                "Complaint intake",
                "Tasks of the complaint-intake group",
                3,
                tasks.createTaskQuery().taskCandidateGroup(StaffGroups.INTAKE).includeAssignedTasks(),
                StaffGroups.INTAKE);
        create(
                "Management review",
                "Management reviews to hold and overdue review actions to chase (ISO 10002 8.6)",
                5,
                tasks.createTaskQuery()
                        .processDefinitionKey("management-review")
                        .taskCandidateGroup(StaffGroups.QUALITY)
                        .includeAssignedTasks(),
                StaffGroups.QUALITY,
                StaffGroups.MANAGERS);
        // phone staff read the new complaint's reference here to tell the caller at once
        create(
                "Registered complaints",
                "Complaints registered and acknowledged, waiting for their initial assessment",
                4,
                tasks.createTaskQuery().taskDefinitionKey("Task_ConfirmAssessment"),
                StaffGroups.INTAKE,
                StaffGroups.HANDLERS,
                StaffGroups.MANAGERS);
        // corrective actions (ISO 10002 8.7): managers work them, quality managers follow them
        create(
                "Corrective actions",
                "Root-cause analyses, action plans, overdue actions and effectiveness checks",
                6,
                tasks.createTaskQuery().processDefinitionKey("corrective-action"),
                ACTION_COLUMNS,
                StaffGroups.MANAGERS,
                StaffGroups.QUALITY);
    }

    private void create(String name, String description, int priority, TaskQuery query, String... groups) {
        create(name, description, priority, query, COLUMNS, groups);
    }

    private void create(
            String name,
            String description,
            int priority,
            TaskQuery query,
            List<Map<String, String>> columns,
            String... groups) {
        if (filters.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Filter filter = filters.newTaskFilter(name)
                .setQuery(query)
                .setProperties(Map.of(
                        "description", description, "priority", priority, "refresh", true, "variables", columns));
        filters.saveFilter(filter);
        for (String group : groups) {
            Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setGroupId(group);
            grant.setResource(Resources.FILTER);
            grant.setResourceId(filter.getId());
            grant.addPermission(Permissions.READ);
            authorizations.saveAuthorization(grant);
        }
    }
}
