package org.complaints.improvement;

/** Why a corrective action was opened (ISO 10002 8.7), and why a complaint was linked to one. */
public enum ActionTrigger {
    /** An investigator marked the cause of a complaint as systemic (likely to recur). */
    SYSTEMIC_FINDING,
    /** Complaints of one category, or about one product or service, exceeded the recurrence threshold. */
    THRESHOLD,
    /** A complaint manager opened it, e.g. after an audit or a management review. */
    MANUAL
}
