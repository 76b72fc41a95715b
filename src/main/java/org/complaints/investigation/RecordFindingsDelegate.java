package org.complaints.investigation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.complaints.engine.CurrentUser;
import org.complaints.engine.FormValues;
import org.complaints.register.ComplaintOfProcess;
import org.springframework.stereotype.Component;

/**
 * Task_RecordFindings (ISO 10002 7.6): records the findings and who investigated; the investigator is later
 * excluded from the internal review (4.7).
 */
@Component
public class RecordFindingsDelegate implements JavaDelegate {

    private final ComplaintOfProcess complaintOf;
    private final InvestigationService investigation;
    private final CurrentUser currentUser;

    public RecordFindingsDelegate(
            ComplaintOfProcess complaintOf, InvestigationService investigation, CurrentUser currentUser) {
        this.complaintOf = complaintOf;
        this.investigation = investigation;
        this.currentUser = currentUser;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormValues form = FormValues.of(execution);
        String investigator = currentUser.require("Recording the findings of an investigation");
        investigation.recordFindings(
                complaintOf.id(execution),
                form.text("findings"),
                form.text("evidence"),
                form.text("rootCause"),
                form.flag("systemicIssue"),
                investigator);
        execution.setVariable("investigatedBy", investigator);
    }
}
