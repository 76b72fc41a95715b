package org.complaints.register;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A proposed or taken decision on a complaint; round 1 is the first decision, round 2 the internal review.
 * {@code remedyKind} names what the remedy is (refund, compensation, goodwill, ...; null before it was recorded).
 */
public record Decision(
        long id,
        long complaintId,
        int round,
        String outcome,
        String remedy,
        BigDecimal monetaryRemedy,
        String reasons,
        String preventiveAction,
        String proposedBy,
        Instant proposedAt,
        boolean approvalRequired,
        String approvedBy,
        Instant approvedAt,
        Instant decidedAt,
        Instant communicatedAt,
        String remedyKind) {

    public boolean hasRemedy() {
        return !"not-upheld".equals(outcome)
                && ((remedy != null && !remedy.isBlank()) || (monetaryRemedy != null && monetaryRemedy.signum() > 0));
    }
}
