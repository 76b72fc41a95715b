package org.complaints.improvement;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.complaints.engine.CurrentUser;
import org.complaints.engine.FormValues;
import org.complaints.engine.authorization.EngineAuthority;
import org.springframework.stereotype.Component;

/**
 * Task_RecordActionSupervision (ISO 10002 8.7, 4.12): records the manager's revised due date and, if the action
 * changes hands, gives the open implementation task to the new owner; the task's due date follows at once.
 */
@Component
public class RecordActionSupervisionDelegate implements JavaDelegate {

    static final String IMPLEMENT_TASK = "Task_ImplementCorrectiveAction";

    private final CorrectiveActionService actions;
    private final CurrentUser currentUser;
    private final TaskService tasks;
    private final EngineAuthority authority;

    public RecordActionSupervisionDelegate(
            CorrectiveActionService actions, CurrentUser currentUser, TaskService tasks, EngineAuthority authority) {
        this.actions = actions;
        this.currentUser = currentUser;
        this.tasks = tasks;
        this.authority = authority;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormValues form = FormValues.of(execution);
        CorrectiveActionService.Revision revision = actions.reviseDueDate(
                form.id("actionId"),
                form.date("revisedDueDate"),
                form.text("supervisionNotes"),
                form.text("newActionOwner"),
                currentUser.id().orElse("system"));
        Date due = Date.from(revision.due());
        execution.setVariable("implementationDue", due);
        execution.removeVariable("newActionOwner");
        // on behalf of the policy: the supervising manager decides, the application moves the task; handing it
        // over makes the new owner the action's owner (actionOwnerFollowsAssignee)
        List<Task> open = authority.withoutAuthorization(() -> tasks.createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(IMPLEMENT_TASK)
                .list());
        authority.withoutAuthorization(() -> {
            for (Task task : open) {
                task.setDueDate(due);
                tasks.saveTask(task);
                if (!revision.owner().equals(task.getAssignee())) {
                    tasks.setAssignee(task.getId(), revision.owner());
                }
            }
        });
        if (open.isEmpty() && !revision.owner().equals(form.text("actionOwner"))) {
            // implemented meanwhile: the action still changes hands for what follows
            execution.setVariable(
                    "actionOwner",
                    actions.changeOwner(
                            form.id("actionId"),
                            revision.owner(),
                            currentUser.id().orElse("system")));
        }
    }
}
