package org.complaints.managementreview;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.complaints.engine.FormValues;
import org.springframework.stereotype.Component;

/** Task_CloseReview (ISO 10002 8.6): every action of the review is done. */
@Component
public class CloseReviewDelegate implements JavaDelegate {

    private final ManagementReviews reviews;

    public CloseReviewDelegate(ManagementReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reviews.close(FormValues.of(execution).id("reviewId"));
    }
}
