package org.complaints.assessment;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.complaints.mail.ComplaintMailer;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintOfProcess;
import org.complaints.register.ComplaintRegister;
import org.complaints.response.RecourseProperties;
import org.springframework.stereotype.Component;

/** Task_SendOutOfScopeExplanation (ISO 10002 7.5, 7.8): the written reasons, never a silent end. */
@Component
public class SendOutOfScopeExplanationDelegate implements JavaDelegate {

    private final ComplaintOfProcess complaintOf;
    private final ComplaintRegister register;
    private final ComplaintMailer mailer;
    private final RecourseProperties recourse;

    public SendOutOfScopeExplanationDelegate(
            ComplaintOfProcess complaintOf,
            ComplaintRegister register,
            ComplaintMailer mailer,
            RecourseProperties recourse) {
        this.complaintOf = complaintOf;
        this.register = register;
        this.mailer = mailer;
        this.recourse = recourse;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = register.get(complaintOf.id(execution));
        mailer.queueToComplainant(
                complaint,
                "out-of-scope",
                "out-of-scope",
                Map.of(
                        "reason", complaint.scopeReason(),
                        "externalBody", recourse.externalBody(),
                        "externalBodyUrl", recourse.externalBodyUrl()));
    }
}
