package org.complaints.assessment;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.complaints.engine.FormValues;
import org.complaints.mail.ComplaintMailer;
import org.complaints.mail.MailFormats;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintOfProcess;
import org.complaints.register.ComplaintRegister;
import org.complaints.response.RecourseProperties;
import org.springframework.stereotype.Component;

/**
 * Task_SendOutOfScopeExplanation (ISO 10002 7.5, 7.8): the written reasons, never a silent end. A message that is
 * not a complaint (enquiry, compliment, suggestion) gets its own letter. Both invite the complainant to add
 * information or disagree until the end of the open period ({@code scopeOpenUntil}), which the diagram waits for.
 */
@Component
public class SendOutOfScopeExplanationDelegate implements JavaDelegate {

    private final ComplaintOfProcess complaintOf;
    private final ComplaintRegister register;
    private final ComplaintMailer mailer;
    private final RecourseProperties recourse;
    private final ScopeDeadlines scopeDeadlines;
    private final MailFormats formats;

    public SendOutOfScopeExplanationDelegate(
            ComplaintOfProcess complaintOf,
            ComplaintRegister register,
            ComplaintMailer mailer,
            RecourseProperties recourse,
            ScopeDeadlines scopeDeadlines,
            MailFormats formats) {
        this.complaintOf = complaintOf;
        this.register = register;
        this.mailer = mailer;
        this.recourse = recourse;
        this.scopeDeadlines = scopeDeadlines;
        this.formats = formats;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = register.get(complaintOf.id(execution));
        boolean notAComplaint = register.scopeDecision(complaint.id())
                .map(Classification.NOT_A_COMPLAINT::equals)
                .orElse(false);
        String template = notAComplaint ? "not-a-complaint" : "out-of-scope";
        // a complaint sent back to assessment and found out of scope again gets a second letter, not a duplicate
        Integer earlier = FormValues.of(execution).integer("scopeExplanations");
        int round = earlier == null ? 1 : earlier + 1;
        Date openUntil = scopeDeadlines.openUntil();
        Map<String, Object> model = new HashMap<>();
        model.put("reason", complaint.scopeReason());
        model.put("openUntil", formats.date(openUntil.toInstant(), complaint.language()));
        model.put("externalBody", recourse.externalBody());
        model.put("externalBodyUrl", recourse.externalBodyUrl());
        if (notAComplaint) {
            model.put("kind", register.notComplaintKind(complaint.id()).orElse("enquiry"));
        }
        mailer.queueToComplainant(complaint, template, round == 1 ? template : template + "-" + round, model);
        execution.setVariable("scopeExplanations", round);
        execution.setVariable("scopeOpenUntil", openUntil);
    }
}
