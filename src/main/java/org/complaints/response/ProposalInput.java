package org.complaints.response;

import java.math.BigDecimal;

/**
 * A proposed resolution or a review decision as entered on the form (ISO 10002 7.7). {@code remedyKind} is one of
 * {@link RemedyKinds#ALL}; a refund, compensation or goodwill gesture has its amount in {@code monetaryRemedy}.
 */
public record ProposalInput(
        String outcome,
        String remedy,
        BigDecimal monetaryRemedy,
        String reasons,
        String preventiveAction,
        String remedyKind) {

    /** Without a remedy kind: only a remedy without money passes validation. */
    public ProposalInput(
            String outcome, String remedy, BigDecimal monetaryRemedy, String reasons, String preventiveAction) {
        this(outcome, remedy, monetaryRemedy, reasons, preventiveAction, null);
    }
}
