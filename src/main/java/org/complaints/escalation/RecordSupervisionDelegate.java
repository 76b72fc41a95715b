package org.complaints.escalation;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.complaints.engine.CurrentUser;
import org.complaints.engine.FormValues;
import org.complaints.register.ComplaintOfProcess;
import org.springframework.stereotype.Component;

/**
 * Task_RecordSupervision (ISO 10002 4.12, 4.15): records the revised response date and the reason for the
 * complainant, moves the due date of the tasks that were due at the missed date to it, and re-arms the escalation:
 * the message {@value #DEADLINE_REVISED} starts the diagram's "Revised date passed" timer, so a missed revised date
 * comes back to a manager as often as it is missed. It runs in the transaction that completes
 * Task_SuperviseOverdueComplaint, before the delay notice is queued.
 */
@Component
public class RecordSupervisionDelegate implements JavaDelegate {

    static final String DEADLINE_REVISED = "ResponseDeadlineRevised";

    private final ComplaintOfProcess complaintOf;
    private final SupervisionService supervision;
    private final CurrentUser currentUser;
    private final TaskService tasks;
    private final RuntimeService runtime;

    public RecordSupervisionDelegate(
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
    public void execute(DelegateExecution execution) {
        FormValues form = FormValues.of(execution);
        Object missed = execution.getVariable("responseDeadline");
        Instant revised = supervision.reviseDeadline(
                complaintOf.id(execution),
                form.date("revisedResponseDate"),
                form.text("supervisionNotes"),
                form.text("delayReason"),
                currentUser.id().orElse("system"));
        Date due = Date.from(revised);
        execution.setVariable("responseDeadline", due);
        // only the tasks bound to the response date move; a task with a due date of its own keeps it and its timer;
        // the supervision task just completed on this execution is gone with this transaction and is left alone
        for (Task open : tasks.createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .list()) {
            if (!execution.getId().equals(open.getExecutionId())
                    && open.getDueDate() != null
                    && missed instanceof Date date
                    && open.getDueDate().getTime() == date.getTime()) {
                open.setDueDate(due);
                tasks.saveTask(open);
            }
        }
        // no subscription when the answer is already out: nothing is left to be late
        runtime.createMessageCorrelation(DEADLINE_REVISED)
                .processInstanceId(execution.getProcessInstanceId())
                .correlateAll();
    }
}
