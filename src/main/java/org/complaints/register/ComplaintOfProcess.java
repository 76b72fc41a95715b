package org.complaints.register;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The complaint a step of the complaint-handling process works on, found through the process instance, which the
 * register links when it registers the complaint. A process variable cannot serve: a client of the engine's API
 * could set it and steer the step to another complaint.
 */
@Component
public class ComplaintOfProcess {

    private final ComplaintRegister register;

    public ComplaintOfProcess(ComplaintRegister register) {
        this.register = register;
    }

    public long id(DelegateExecution execution) {
        return id(execution.getProcessInstanceId());
    }

    public long id(DelegateTask task) {
        return id(task.getProcessInstanceId());
    }

    public long id(String processInstanceId) {
        return register.idOfProcessInstance(processInstanceId)
                .orElseThrow(() -> new ComplaintNotFoundException("for process instance " + processInstanceId));
    }
}
