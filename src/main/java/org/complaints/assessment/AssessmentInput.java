package org.complaints.assessment;

/** What the handler entered in the form assess-complaint (ISO 10002 7.5). */
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
        String notes) {}
