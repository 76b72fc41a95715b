package org.complaints.escalation;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.complaints.engine.CurrentUser;
import org.complaints.engine.FormValues;
import org.complaints.register.ComplaintOfProcess;
import org.springframework.stereotype.Component;

/**
 * Completion of Task_SuperviseOverdueComplaint: records the revised response date and the reason for the complainant
 * (refusing a past date, a non-working day, a date beyond the maximum extension or a missing reason on the form),
 * moves the due date of the tasks that were due at the missed date to it, and re-arms the escalation: the message
 * {@value #DEADLINE_REVISED} starts the diagram's "Revised date passed" timer, so a missed revised date comes back
 * to a manager as often as it is missed (ISO 10002 4.15).
 */
@Component("recordSupervision")
public class RecordSupervisionListener implements TaskListener {

    static final String DEADLINE_REVISED = "ResponseDeadlineRevised";

    private final ComplaintOfProcess complaintOf;
    private final SupervisionService supervision;
    private final CurrentUser currentUser;
    private final TaskService tasks;
    private final RuntimeService runtime;

    public RecordSupervisionListener(
            ComplaintOfProcess complaintOf,
            SupervisionService supervision,
            CurrentUser currentUser,
            TaskService tasks,
            RuntimeService runtime) {
        this.complaintOf = complaintOf;
        this.supervision = supervision;
        this.currentUser = currentUser;
        this.tasks = tasks;
        this.runtime = runtime;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        Object missed = task.getExecution().getVariable("responseDeadline");
        Instant revised = supervision.reviseDeadline(
                complaintOf.id(task),
                form.date("revisedResponseDate"),
                form.text("supervisionNotes"),
                form.text("delayReason"),
                currentUser.id().orElse(task.getAssignee()));
        Date due = Date.from(revised);
        task.getExecution().setVariable("responseDeadline", due);
        // only the tasks bound to the response date move; a task with a due date of its own keeps it and its timer
        for (Task open : tasks.createTaskQuery()
                .processInstanceId(task.getProcessInstanceId())
                .list()) {
            if (!open.getId().equals(task.getId())
                    && open.getDueDate() != null
                    && missed instanceof Date date
                    && open.getDueDate().getTime() == date.getTime()) {
                open.setDueDate(due);
                tasks.saveTask(open);
            }
        }
        // no subscription when the answer is already out: nothing is left to be late
        runtime.createMessageCorrelation(DEADLINE_REVISED)
                .processInstanceId(task.getProcessInstanceId())
                .correlateAll();
    }
}
