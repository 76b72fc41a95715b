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

    public boolean isClosed() {
        return stage == ComplaintStage.CLOSED;
    }
}
