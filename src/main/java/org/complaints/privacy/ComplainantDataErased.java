package org.complaints.privacy;

/**
 * A complainant's personal data was erased: their letters still waiting and calls still to make are gone, so the
 * concerns that keep work for them (the print queue's task) bring it up to date.
 */
public record ComplainantDataErased(long complaintId) {}
