package org.complaints.escalation;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.complaints.engine.CurrentUser;
import org.complaints.engine.FormValues;
import org.complaints.register.ComplaintOfProcess;
import org.springframework.stereotype.Component;

/**
 * Completion of Task_SuperviseOverdueComplaint: records the revised response date (refusing a past date or a
 * non-working day on the form) and moves the due date of the complaint's open tasks to it.
 */
@Component("recordSupervision")
public class RecordSupervisionListener implements TaskListener {

    private final ComplaintOfProcess complaintOf;
    private final SupervisionService supervision;
    private final CurrentUser currentUser;
    private final TaskService tasks;

    public RecordSupervisionListener(
            ComplaintOfProcess complaintOf,
            SupervisionService supervision,
            CurrentUser currentUser,
            TaskService tasks) {
        this.complaintOf = complaintOf;
        this.supervision = supervision;
        this.currentUser = currentUser;
        this.tasks = tasks;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        Instant revised = supervision.reviseDeadline(
                complaintOf.id(task),
                form.date("revisedResponseDate"),
                form.text("supervisionNotes"),
                currentUser.id().orElse(task.getAssignee()));
        Date due = Date.from(revised);
        task.getExecution().setVariable("responseDeadline", due);
        for (Task open : tasks.createTaskQuery()
                .processInstanceId(task.getProcessInstanceId())
                .list()) {
            if (!open.getId().equals(task.getId()) && open.getDueDate() != null) {
                open.setDueDate(due);
                tasks.saveTask(open);
            }
        }
    }
}
