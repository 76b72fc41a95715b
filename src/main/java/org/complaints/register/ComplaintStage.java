package org.complaints.register;

/** Where a complaint stands in the ISO 10002 process (7.3 tracking); shown to staff and complainants. */
public enum ComplaintStage {
    RECEIVED,
    ASSESSMENT,
    /**
     * Answered as out of scope or as not a complaint: still open, until the end of the open period, for the
     * complainant to disagree or add information (ISO 10002 7.5).
     */
    SCOPE_DECIDED,
    INVESTIGATION,
    RESPONSE,
    AWAITING_REACTION,
    REMEDY,
    INTERNAL_REVIEW,
    /** Rejected after internal review: the complainant is asked whether they go to the external body (ISO 10003). */
    REFERRAL_DECISION,
    EXTERNAL_REVIEW,
    CLOSED
}
