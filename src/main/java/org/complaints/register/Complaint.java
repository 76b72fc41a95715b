package org.complaints.register;

import java.time.Instant;
import java.time.LocalDate;

/** A complaint as recorded in the register (ISO 10002 7.2). */
public record Complaint(
        long id,
        String reference,
        ComplaintStage stage,
        String channel,
        Instant receivedAt,
        String receivedBy,
        String complainantName,
        String complainantEmail,
        String complainantPhone,
        String language,
        String productOrService,
        String description,
        LocalDate incidentDate,
        String remedySought,
        String severity,
        String impact,
        String category,
        boolean safetyRelevant,
        String priority,
        String handlingGroup,
        Integer responseDays,
        Instant responseDeadline,
        Instant deadlineRevisedAt,
        Instant acknowledgedAt,
        Boolean inScope,
        String scopeReason,
        String rootCause,
        Integer relatedCount,
        String outcome,
        Instant decidedAt,
        int reviewRound,
        boolean externalReferral,
        Instant closedAt,
        String closureReason,
        Boolean ackSlaMet,
        Boolean responseSlaMet,
        String processInstanceId,
        String trackingToken) {

    /** This complaint as linked to its process instance. */
    public Complaint withProcessInstance(String instance) {
        return new Complaint(id, reference, stage, channel, receivedAt, receivedBy, complainantName, complainantEmail,
                complainantPhone, language, productOrService, description, incidentDate, remedySought, severity, impact,
                category, safetyRelevant, priority, handlingGroup, responseDays, responseDeadline, deadlineRevisedAt,
                acknowledgedAt, inScope, scopeReason, rootCause, relatedCount, outcome, decidedAt, reviewRound,
                externalReferral, closedAt, closureReason, ackSlaMet, responseSlaMet, instance, trackingToken);
    }

    /** This complaint with the decision table's priority, handling group and committed date. */
    public Complaint withRuleAssessment(String newPriority, String group, int days, Instant deadline) {
        return new Complaint(id, reference, stage, channel, receivedAt, receivedBy, complainantName, complainantEmail,
                complainantPhone, language, productOrService, description, incidentDate, remedySought, severity, impact,
                category, safetyRelevant, newPriority, group, days, deadline, deadlineRevisedAt, acknowledgedAt, inScope,
                scopeReason, rootCause, relatedCount, outcome, decidedAt, reviewRound, externalReferral, closedAt,
                closureReason, ackSlaMet, responseSlaMet, processInstanceId, trackingToken);
    }

    public boolean isClosed() {
        return stage == ComplaintStage.CLOSED;
    }
}
