package org.complaints.tracking;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What a complainant may see of their complaint (ISO 10002 7.3): stage, next step, the next committed date,
 * the decision and the communications sent. Never internal notes or staff names.
 */
public record ComplaintStatus(
        String reference,
        String stage,
        String stageName,
        String nextStep,
        boolean open,
        boolean awaitingDecisionResponse,
        Instant receivedAt,
        Instant nextCommittedDate,
        Decision decision,
        String closureReason,
        Instant closedAt,
        List<Communication> communications,
        boolean awaitingExternalReferralAnswer) {

    public record Decision(
            String outcome,
            String remedy,
            BigDecimal monetaryRemedy,
            String reasons,
            Instant decidedAt,
            boolean afterInternalReview,
            Instant respondBy,
            String remedyKind) {

        private static final List<String> MONEY = List.of("refund", "compensation", "goodwill");

        /** The page's name for the money (ISO 10002 7.9): refund, compensation or goodwill gesture, else "amount". */
        public String moneyLabelKey() {
            return "page.status.money." + (MONEY.contains(remedyKind) ? remedyKind : "amount");
        }
    }

    public record Communication(Instant sentAt, String subject) {}
}
