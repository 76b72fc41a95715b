package org.complaints.improvement;

import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.complaints.engine.CurrentUser;
import org.complaints.engine.FormValues;
import org.complaints.security.EngineAuthority;
import org.springframework.stereotype.Component;

/**
 * Task_RecordActionSupervision (ISO 10002 8.7, 4.12): records the manager's revised due date and, if the action
 * changes hands, the new owner; the open implementation task follows at once.
 */
@Component
public class RecordActionSupervisionDelegate implements JavaDelegate {

    static final String IMPLEMENT_TASK = "Task_ImplementCorrectiveAction";

    private final CorrectiveActionService actions;
    private final CurrentUser currentUser;
    private final TaskService tasks;
    private final EngineAuthority authority;

    public RecordActionSupervisionDelegate(CorrectiveActionService actions, CurrentUser currentUser, TaskService tasks,
                                           EngineAuthority authority) {
        this.actions = actions;
        this.currentUser = currentUser;
        this.tasks = tasks;
        this.authority = authority;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormValues form = FormValues.of(execution);
        CorrectiveActionService.Revision revision = actions.reviseDueDate(form.id("actionId"),
                form.date("revisedDueDate"), form.text("supervisionNotes"), form.text("newActionOwner"),
                currentUser.id().orElse("system"));
        Date due = Date.from(revision.due());
        execution.setVariable("actionOwner", revision.owner());
        execution.setVariable("implementationDue", due);
        execution.removeVariable("newActionOwner");
        // on behalf of the policy: the supervising manager decides, the application moves the task
        authority.withoutAuthorization(() -> {
            for (Task open : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                    .taskDefinitionKey(IMPLEMENT_TASK).list()) {
                open.setDueDate(due);
                tasks.saveTask(open);
                if (!revision.owner().equals(open.getAssignee())) {
                    tasks.setAssignee(open.getId(), revision.owner());
                }
            }
        });
    }
}
