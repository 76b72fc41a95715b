package org.complaints.assessment;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.complaints.engine.FormValues;
import org.complaints.register.ComplaintOfProcess;
import org.springframework.stereotype.Component;

/** Task_SetResponseDeadline (ISO 10002 7.4, 4.15): the committed response date from the rule's working days. */
@Component
public class SetResponseDeadlineDelegate implements JavaDelegate {

    private final ComplaintOfProcess complaintOf;
    private final AssessmentService assessment;

    public SetResponseDeadlineDelegate(ComplaintOfProcess complaintOf, AssessmentService assessment) {
        this.complaintOf = complaintOf;
        this.assessment = assessment;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormValues values = FormValues.of(execution);
        AssessmentService.StageDates dates = assessment.applyRuleResult(
                complaintOf.id(execution),
                values.text("priority"),
                values.text("handlingGroup"),
                values.integer("responseDays"));
        execution.setVariable("responseDeadline", Date.from(dates.responseDeadline()));
        execution.setVariable("reminderDate", Date.from(dates.reminderDate()));
        execution.setVariable("assessmentDue", Date.from(dates.assessmentDue()));
    }
}
