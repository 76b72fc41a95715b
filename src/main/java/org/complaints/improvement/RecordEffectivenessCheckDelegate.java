package org.complaints.improvement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.complaints.engine.CurrentUser;
import org.complaints.engine.FormValues;
import org.springframework.stereotype.Component;

/**
 * Task_RecordEffectivenessCheck (ISO 10002 8.7): records whether the action worked. One that did not goes back
 * to the action plan or the root-cause analysis, one round on; the next round's forms show why (the check's
 * evidence) and start without the last round's implementation report and result.
 */
@Component
public class RecordEffectivenessCheckDelegate implements JavaDelegate {

    private final CorrectiveActionService actions;
    private final CurrentUser currentUser;

    public RecordEffectivenessCheckDelegate(CorrectiveActionService actions, CurrentUser currentUser) {
        this.actions = actions;
        this.currentUser = currentUser;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormValues form = FormValues.of(execution);
        CorrectiveActionService.Check check = actions.recordCheck(
                form.id("actionId"),
                form.text("effectivenessResult"),
                form.text("effectivenessNotes"),
                form.text("sendBackTo"),
                currentUser.id().orElse("system"));
        execution.setVariable("effective", check.effective());
        execution.setVariable("actionRound", check.nextRound());
        if (!check.effective()) {
            execution.setVariable("sendBackTo", check.sendBackTo());
            execution.setVariable("previousRoundFindings", form.text("effectivenessNotes"));
            execution.removeVariable("effectivenessResult");
            execution.removeVariable("effectivenessNotes");
            execution.removeVariable("implementationNotes");
        }
    }
}
