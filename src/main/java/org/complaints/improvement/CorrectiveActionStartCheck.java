package org.complaints.improvement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.complaints.engine.FormValues;
import org.complaints.engine.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Start of StartEvent_CorrectiveActionOpened (ISO 10002 8.7): the process belongs to one action of the CAPA
 * register, opened by the application. A start through the REST API without one, or a second instance for an
 * action, is refused (400) before anything is stored.
 */
@Component("correctiveActionStartCheck")
public class CorrectiveActionStartCheck implements ExecutionListener {

    private final CorrectiveActionRegister register;

    public CorrectiveActionStartCheck(CorrectiveActionRegister register) {
        this.register = register;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Long actionId = FormValues.of(execution).id("actionId");
        if (actionId == null) {
            throw new InvalidInputException("actionId: a corrective action is opened by a systemic finding, by the "
                    + "recurrence threshold or with POST /api/staff/corrective-actions, not by starting its process");
        }
        CorrectiveAction action = register.get(actionId);
        if (action.processInstanceId() != null || !action.reference().equals(execution.getProcessBusinessKey())) {
            throw new InvalidInputException("actionId: corrective action " + action.reference()
                    + " is already being worked on in its own process instance");
        }
    }
}
