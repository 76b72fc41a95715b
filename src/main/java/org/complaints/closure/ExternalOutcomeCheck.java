package org.complaints.closure;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.complaints.engine.FormValues;
import org.springframework.stereotype.Component;

/**
 * Completion of Task_RecordExternalOutcome (ISO 10002 7.9, ISO 10003): the outcome is checked when it is
 * recorded, not only at closure. An outcome in the complainant's favour (fully, partly, or a settlement) is a remedy
 * to carry out before the complaint closes; after any other outcome the organisation's decision stands, with the
 * remedy it promised, if any.
 */
@Component("externalOutcomeCheck")
public class ExternalOutcomeCheck implements TaskListener {

    /** Outcomes that oblige the organisation to do something for the complainant. */
    static final Set<String> REMEDY_OUTCOMES = Set.of("in-favour-of-complainant", "partly-in-favour", "settled");

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        String outcome = form.text("externalOutcome");
        ClosureService.checkExternalOutcome(outcome, form.text("externalOutcomeDetails"));
        if (REMEDY_OUTCOMES.contains(outcome)) {
            task.getExecution().setVariable("remedyDue", true);
        }
    }
}
