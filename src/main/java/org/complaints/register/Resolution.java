package org.complaints.register;

import java.time.Instant;

/**
 * How the complaint is being resolved (ISO 10002 7.5-7.8): whether it is in scope, its root cause and related
 * complaints, the decision and its review round, and whether it was referred outside the organisation.
 */
public record Resolution(
        Boolean inScope,
        String scopeReason,
        String rootCause,
        Integer relatedCount,
        String outcome,
        Instant decidedAt,
        int reviewRound,
        boolean externalReferral) {}
