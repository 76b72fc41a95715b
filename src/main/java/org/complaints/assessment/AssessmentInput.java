package org.complaints.assessment;

/**
 * What the handler entered in the form assess-complaint (ISO 10002 7.5). {@code scopeDecision} is one of
 * {@link Classification#SCOPE_DECISIONS}; {@code notComplaintKind} says what a message that is not a complaint is
 * (enquiry, compliment, suggestion).
 */
public record AssessmentInput(
        String scopeDecision,
        String scopeReason,
        String severity,
        String impact,
        String category,
        boolean safetyRelevant,
        boolean overrideAssessment,
        String priorityOverride,
        String handlingGroupOverride,
        Integer responseDaysOverride,
        String overrideReason,
        String notes,
        String notComplaintKind) {}
