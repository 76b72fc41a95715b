package org.complaints.engine.register;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.complaints.engine.access.FormInputs;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.TaskRecorder;

/**
 * The one way a user task's completion is recorded in the complaint's event log, added to every user task of every
 * diagram by {@link TaskResultRecording}: {@code TASK_COMPLETED} with the values of the input fields of the task's
 * Camunda Form, so the form file decides what the step records. It runs after the diagram's own complete listeners
 * (the checks), so a refused completion records nothing. It leaves alone a task whose result the Record service task
 * after it records ({@link TaskResultRule}), and a process that works on no complaint (the management review),
 * which has no event log; a process called from a complaint's process records in that complaint's event log.
 */
final class TaskResultRecorder implements TaskListener {

    private final Supplier<ComplaintRegister> register;
    private final Supplier<TaskRecorder> recorder;
    private final FormInputs forms = new FormInputs();
    private final Map<String, Boolean> recordsTask = new ConcurrentHashMap<>();

    TaskResultRecorder(Supplier<ComplaintRegister> register, Supplier<TaskRecorder> recorder) {
        this.register = register;
        this.recorder = recorder;
    }

    @Override
    public void notify(DelegateTask task) {
        // a diagram version never changes, so the rule's answer is kept per process definition and task
        boolean records = recordsTask.computeIfAbsent(
                task.getProcessDefinitionId() + '#' + task.getTaskDefinitionKey(),
                k -> TaskResultRule.recorderOf((UserTask) task.getBpmnModelElementInstance())
                        == TaskResultRule.Recorder.TASK_RESULT_RECORDER);
        if (!records) {
            return;
        }
        complaintOf(task).ifPresent(complaintId -> {
            Set<String> fields = forms.ofTask(Context.getCommandContext(), (TaskEntity) task);
            recorder.get().record(complaintId, task, fields);
        });
    }

    /**
     * The complaint of the task's process instance or, for a process a complaint's process calls (a call activity),
     * of the nearest calling instance that has one.
     */
    private Optional<Long> complaintOf(DelegateTask task) {
        Optional<Long> complaint = register.get().idOfProcessInstance(task.getProcessInstanceId());
        DelegateExecution caller = task.getExecution().getProcessInstance().getSuperExecution();
        while (complaint.isEmpty() && caller != null) {
            complaint = register.get().idOfProcessInstance(caller.getProcessInstanceId());
            caller = caller.getProcessInstance().getSuperExecution();
        }
        return complaint;
    }
}
