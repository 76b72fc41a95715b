package org.complaints.investigation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.complaints.engine.FormValues;
import org.springframework.stereotype.Component;

/** Task_FindRelatedComplaints (ISO 10002 7.6): the recurrence, shown to the investigator on the task form. */
@Component
public class FindRelatedComplaintsDelegate implements JavaDelegate {

    private final RelatedComplaintFinder finder;

    public FindRelatedComplaintsDelegate(RelatedComplaintFinder finder) {
        this.finder = finder;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RelatedComplaintFinder.RelatedComplaints related = finder.find(FormValues.of(execution).id("complaintId"));
        execution.setVariable("relatedComplaintCount", related.count());
        execution.setVariable("relatedComplaintsSummary", related.summary());
    }
}
