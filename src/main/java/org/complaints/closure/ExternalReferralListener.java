package org.complaints.closure;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.complaints.engine.CurrentUser;
import org.complaints.engine.FormValues;
import org.complaints.engine.InvalidInputException;
import org.complaints.register.ComplaintOfProcess;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.EventLog;
import org.springframework.stereotype.Component;

/** Completion of Task_RecordExternalReferral (ISO 10002 7.9, ISO 10003): the referral enters the register. */
@Component("recordExternalReferral")
public class ExternalReferralListener implements TaskListener {

    private final ComplaintOfProcess complaintOf;
    private final ComplaintRegister register;
    private final EventLog events;
    private final CurrentUser currentUser;

    public ExternalReferralListener(
            ComplaintOfProcess complaintOf, ComplaintRegister register, EventLog events, CurrentUser currentUser) {
        this.complaintOf = complaintOf;
        this.register = register;
        this.events = events;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        List<String> problems = new ArrayList<>();
        String body = form.text("adrBody");
        if (body == null) {
            problems.add("adrBody: name the external dispute-resolution body");
        }
        var referredAt = form.date("referredAt");
        if (referredAt == null) {
            problems.add("referredAt: the date of the referral is required");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long complaintId = complaintOf.id(task);
        register.markExternalReferral(complaintId);
        String caseRef = form.text("adrCaseReference");
        events.append(
                complaintId,
                "EXTERNAL_REFERRAL",
                currentUser.id().orElse(task.getAssignee()),
                "Referred to " + body + " on " + referredAt + (caseRef == null ? "" : " (case " + caseRef + ")"),
                form.text("referralNotes"));
    }
}
