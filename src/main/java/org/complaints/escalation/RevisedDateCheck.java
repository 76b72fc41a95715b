package org.complaints.escalation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.complaints.engine.FormValues;
import org.springframework.stereotype.Component;

/**
 * Completion of Task_SuperviseOverdueComplaint (ISO 10002 4.12, 4.15): refuses a revised response date in the past,
 * on a non-working day or beyond the maximum extension, and missing notes or reason, so the manager sees the reason
 * on the form and the task stays open. Task_RecordSupervision records the date that passes.
 */
@Component("revisedDateCheck")
public class RevisedDateCheck implements TaskListener {

    private final SupervisionService supervision;

    public RevisedDateCheck(SupervisionService supervision) {
        this.supervision = supervision;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        supervision.checkRevision(
                form.date("revisedResponseDate"), form.text("supervisionNotes"), form.text("delayReason"));
    }
}
