package org.complaints.escalation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.complaints.register.ComplaintOfProcess;
import org.complaints.security.StaffGroups;
import org.springframework.stereotype.Component;

/**
 * The one escalation of an overdue user task (ISO 10002 4.15, 4.12), attached in the diagram as a timeout task
 * listener {@code ${overdueTaskEscalation}} whose timer is the task's due date. The task is offered to
 * complaint-managers as well, and the managers are mailed; a task completed in time takes its timer with it.
 */
@Component("overdueTaskEscalation")
public class OverdueTaskEscalation implements TaskListener {

    private final ComplaintOfProcess complaintOf;
    private final OverdueTaskService overdue;

    public OverdueTaskEscalation(ComplaintOfProcess complaintOf, OverdueTaskService overdue) {
        this.complaintOf = complaintOf;
        this.overdue = overdue;
    }

    @Override
    public void notify(DelegateTask task) {
        task.addCandidateGroup(StaffGroups.MANAGERS);
        overdue.escalate(
                complaintOf.id(task),
                task.getId(),
                task.getName(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant());
    }
}
