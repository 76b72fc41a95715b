package org.complaints.managementreview;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.complaints.analysis.ReportPeriod;
import org.complaints.engine.FormValues;
import org.springframework.stereotype.Component;

/**
 * Task_PrepareReviewInput (ISO 10002 8.6): the period's figures against the objectives and the open actions of
 * earlier reviews, kept with the review. A scheduled review covers the last whole months; a requested one the
 * period its start form names.
 */
@Component
public class PrepareReviewInputDelegate implements JavaDelegate {

    private final ManagementReviews reviews;

    public PrepareReviewInputDelegate(ManagementReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormValues form = FormValues.of(execution);
        String from = form.text("periodFrom");
        String to = form.text("periodTo");
        ReportPeriod period = from == null && to == null
                ? reviews.defaultPeriod()
                : reviews.period(date(form, "periodFrom"), date(form, "periodTo"));
        ManagementReview review = reviews.prepare(period, execution.getProcessInstanceId());
        execution.setProcessBusinessKey(review.reference());
        execution.setVariable("reviewId", review.id());
        execution.setVariable("reviewReference", review.reference());
        execution.setVariable("periodFrom", period.from().toString());
        execution.setVariable("periodTo", period.to().toString());
        execution.setVariable("reviewSummary", reviews.summary(review));
        execution.setVariable("reviewDue", reviews.holdBy());
    }

    private static String date(FormValues form, String name) {
        return form.date(name) == null ? null : form.date(name).toString();
    }
}
