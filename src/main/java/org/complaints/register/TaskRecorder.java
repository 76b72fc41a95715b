package org.complaints.register;

import java.util.Collection;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.complaints.engine.CurrentUser;
import org.complaints.engine.FormValues;
import org.springframework.stereotype.Component;

/**
 * Writes a completed user task to the complaint's event log: {@code TASK_COMPLETED}, who completed it, and the given
 * form fields with their values (those left empty are left out). The engine's task result recorder
 * ({@code engine/register}) calls it with the input fields of the task's form, so the form file decides what becomes
 * part of the case file.
 */
@Component
public class TaskRecorder {

    private final EventLog events;
    private final CurrentUser currentUser;

    public TaskRecorder(EventLog events, CurrentUser currentUser) {
        this.events = events;
        this.currentUser = currentUser;
    }

    public void record(long complaintId, DelegateTask task, Collection<String> fields) {
        FormValues form = FormValues.of(task);
        String detail = fields.stream()
                .filter(f -> form.text(f) != null)
                .map(f -> f + ": " + form.text(f))
                .collect(Collectors.joining("\n"));
        events.append(
                complaintId,
                "TASK_COMPLETED",
                currentUser.id().orElse(task.getAssignee()),
                task.getName() + " completed",
                detail.isEmpty() ? null : detail,
                EventOrigin.task(task.getProcessDefinitionId(), task.getTaskDefinitionKey()));
    }
}
