package org.complaints.register;

import java.time.Instant;

/** The confirmed initial assessment of a complaint (ISO 10002 7.5). */
public record Assessment(
        boolean inScope,
        String scopeReason,
        String severity,
        String impact,
        String category,
        boolean safetyRelevant,
        String priority,
        String handlingGroup,
        int responseDays,
        Instant responseDeadline) {}
