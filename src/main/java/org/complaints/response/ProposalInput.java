package org.complaints.response;

import java.math.BigDecimal;

/** A proposed resolution or a review decision as entered on the form (ISO 10002 7.7). */
public record ProposalInput(
        String outcome, String remedy, BigDecimal monetaryRemedy, String reasons, String preventiveAction) {}
