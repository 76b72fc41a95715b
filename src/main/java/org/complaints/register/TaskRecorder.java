package org.complaints.register;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.complaints.engine.CurrentUser;
import org.complaints.engine.FormValues;
import org.springframework.stereotype.Component;

/**
 * Records what a person entered on a task form into the complaint's event log. The diagram names the fields,
 * e.g. {@code ${taskRecorder.record(task, 'immediateAction,hazardContained')}} on completion, so the process
 * owner decides in Modeler what becomes part of the case file.
 */
@Component("taskRecorder")
public class TaskRecorder {

    private final ComplaintOfProcess complaintOf;
    private final EventLog events;
    private final CurrentUser currentUser;

    public TaskRecorder(ComplaintOfProcess complaintOf, EventLog events, CurrentUser currentUser) {
        this.complaintOf = complaintOf;
        this.events = events;
        this.currentUser = currentUser;
    }

    public void record(DelegateTask task, String fields) {
        FormValues form = FormValues.of(task);
        String detail = Arrays.stream(fields.split(","))
                .map(String::strip)
                .filter(f -> form.text(f) != null)
                .map(f -> f + ": " + form.text(f))
                .collect(Collectors.joining("\n"));
        events.append(
                complaintOf.id(task),
                "TASK_COMPLETED",
                currentUser.id().orElse(task.getAssignee()),
                task.getName() + " completed",
                detail.isEmpty() ? null : detail,
                EventOrigin.task(task.getProcessDefinitionId(), task.getTaskDefinitionKey()));
    }
}
