package org.complaints.improvement;

import java.time.Instant;

/** One corrective or preventive action of the CAPA register (ISO 10002 8.7). */
public record CorrectiveAction(
        long id,
        String reference,
        ActionTrigger trigger,
        String subjectKey,
        String category,
        String productOrService,
        String openingReason,
        ActionStatus status,
        int round,
        String rootCause,
        String rootCauseAnalysis,
        String actionPlan,
        String owner,
        Instant dueDate,
        String implementationNotes,
        Instant implementedAt,
        Instant effectivenessCheckDue,
        String effectivenessNotes,
        Boolean effective,
        Instant checkedAt,
        Instant openedAt,
        String openedBy,
        Instant closedAt,
        String processInstanceId) {

    public boolean isOpen() {
        return status != ActionStatus.CLOSED && status != ActionStatus.CANCELLED;
    }
}
