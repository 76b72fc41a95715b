package org.complaints.investigation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.complaints.register.ComplaintOfProcess;
import org.springframework.stereotype.Component;

/** Task_FindRelatedComplaints (ISO 10002 7.6): the recurrence, shown to the investigator on the task form. */
@Component
public class FindRelatedComplaintsDelegate implements JavaDelegate {

    private final ComplaintOfProcess complaintOf;
    private final RelatedComplaintFinder finder;

    public FindRelatedComplaintsDelegate(ComplaintOfProcess complaintOf, RelatedComplaintFinder finder) {
        this.complaintOf = complaintOf;
        this.finder = finder;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RelatedComplaintFinder.RelatedComplaints related = finder.find(complaintOf.id(execution));
        execution.setVariable("relatedComplaintCount", related.count());
        execution.setVariable("relatedComplaintsSummary", related.summary());
    }
}
