package org.complaints.assessment;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.complaints.engine.CurrentUser;
import org.complaints.engine.FormValues;
import org.complaints.register.Assessment;
import org.complaints.register.ComplaintOfProcess;
import org.complaints.security.ComplaintAccess;
import org.complaints.security.NamedStaff;
import org.complaints.security.StaffGroups;
import org.springframework.stereotype.Component;

/**
 * Task_RecordAssessment (ISO 10002 7.5): records the handler's assessment. It runs in the transaction that
 * completes the task, so a refused assessment leaves the task open with the reason shown on the form.
 */
@Component
public class RecordAssessmentDelegate implements JavaDelegate {

    private final ComplaintOfProcess complaintOf;
    private final AssessmentService assessment;
    private final CurrentUser currentUser;
    private final ComplaintAccess access;

    public RecordAssessmentDelegate(
            ComplaintOfProcess complaintOf,
            AssessmentService assessment,
            CurrentUser currentUser,
            ComplaintAccess access) {
        this.complaintOf = complaintOf;
        this.assessment = assessment;
        this.currentUser = currentUser;
        this.access = access;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormValues form = FormValues.of(execution);
        long complaintId = complaintOf.id(execution);
        AssessmentService.ConfirmedAssessment confirmed = assessment.confirm(
                complaintId,
                new AssessmentInput(
                        form.text("scopeDecision"),
                        form.text("scopeReason"),
                        form.text("severity"),
                        form.text("impact"),
                        form.text("category"),
                        form.flag("safetyRelevant"),
                        form.flag("overrideAssessment"),
                        form.text("priorityOverride"),
                        form.text("handlingGroupOverride"),
                        form.integer("responseDaysOverride"),
                        form.text("overrideReason"),
                        form.text("assessmentNotes"),
                        form.text("notComplaintKind")),
                currentUser.id().orElse("system"),
                execution.getProcessDefinitionId());
        Assessment a = confirmed.assessment();
        // a complaint that accuses a colleague is for complaint managers only (ISO 10002 4.7, 4.10)
        boolean confidential = access.markInProcess(
                        execution,
                        complaintId,
                        form.flag("confidential"),
                        NamedStaff.parse(form.text("namedStaff")),
                        currentUser.id().orElse(null))
                .confidential();
        execution.setVariable("inScope", a.inScope());
        // the closure reason of the path that answers without handling: not a complaint, or out of scope (7.5)
        execution.setVariable(
                "scopeClosureReason",
                Classification.NOT_A_COMPLAINT.equals(form.text("scopeDecision")) ? "NOT_A_COMPLAINT" : "OUT_OF_SCOPE");
        execution.setVariable("safetyRelevant", a.safetyRelevant());
        execution.setVariable("priority", a.priority());
        execution.setVariable("handlingGroup", confidential ? StaffGroups.MANAGERS : a.handlingGroup());
        execution.setVariable("responseDays", a.responseDays());
        execution.setVariable("responseDeadline", Date.from(a.responseDeadline()));
        execution.setVariable("reminderDate", Date.from(confirmed.reminderDate()));
    }
}
