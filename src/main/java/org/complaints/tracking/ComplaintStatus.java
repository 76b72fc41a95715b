package org.complaints.tracking;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What a complainant may see of their complaint (ISO 10002 7.3): stage, next step, the next committed date,
 * the decision and the communications sent. Never internal notes or staff names.
 */
public record ComplaintStatus(
        @Schema(description = "The complaint's reference", example = "CMP-2026-000042")
        String reference,

        @Schema(description = "The stage (ComplaintStage)", example = "INVESTIGATION")
        String stage,

        @Schema(description = "The stage in the requested language", example = "Being investigated")
        String stageName,

        @Schema(
                description = "What happens next, in the requested language",
                example = "Next step: we investigate and decide.")
        String nextStep,

        @Schema(description = "Whether the complaint is still open", example = "true")
        boolean open,

        @Schema(description = "True while the complainant may accept or reject the decision", example = "false")
        boolean awaitingDecisionResponse,

        @Schema(description = "When the complaint was received", example = "2026-03-02T09:15:00Z")
        Instant receivedAt,

        @Schema(
                description = "The date committed to for the current stage; null where none is set",
                example = "2026-03-16T17:00:00Z")
        Instant nextCommittedDate,

        @Schema(description = "The latest decision, null before one is made")
        Decision decision,

        @Schema(description = "Why the complaint was closed; null while open")
        String closureReason,

        @Schema(description = "When it was closed; null while open")
        Instant closedAt,

        @Schema(description = "The messages sent to the complainant, oldest first")
        List<Communication> communications,

        @Schema(
                description = "True while the complainant is asked whether they go to the external body",
                example = "false")
        boolean awaitingExternalReferralAnswer) {

    @Schema(description = "The latest decision on the complaint, with its reasons")
    public record Decision(
            @Schema(description = "upheld, partially-upheld or not-upheld", example = "upheld")
            String outcome,

            @Schema(description = "The remedy, in words", example = "We refund the delivery costs.")
            String remedy,

            @Schema(description = "The amount of money, in euros, if any", example = "6.95")
            BigDecimal monetaryRemedy,

            @Schema(
                    description = "The reasons for the decision",
                    example = "The parcel should not have been left outside.")
            String reasons,

            @Schema(description = "When it was decided", example = "2026-03-05T14:00:00Z")
            Instant decidedAt,

            @Schema(description = "True for the decision after an internal review", example = "false")
            boolean afterInternalReview,

            @Schema(
                    description = "Until when the complainant can accept or reject it",
                    example = "2026-03-19T17:00:00Z")
            Instant respondBy,

            @Schema(
                    description = "What the money is: refund, compensation or goodwill; null otherwise",
                    example = "refund")
            String remedyKind) {

        private static final List<String> MONEY = List.of("refund", "compensation", "goodwill");

        /** The page's name for the money (ISO 10002 7.9): refund, compensation or goodwill gesture, else "amount". */
        public String moneyLabelKey() {
            return "page.status.money." + (MONEY.contains(remedyKind) ? remedyKind : "amount");
        }
    }

    public record Communication(
            @Schema(description = "When it was sent", example = "2026-03-02T09:16:00Z")
            Instant sentAt,

            @Schema(description = "Its subject line", example = "We have received your complaint CMP-2026-000042")
            String subject) {}
}
