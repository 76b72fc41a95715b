package org.complaints.improvement;

/** Where a corrective action stands (ISO 10002 8.7); every status but CLOSED and CANCELLED is open. */
public enum ActionStatus {
    /** Root cause being analysed (also after an ineffective action sent back to the analysis). */
    ANALYSIS,
    /** Action being planned: plan, owner, due date. */
    PLANNING,
    /** The owner carries out the plan by its due date. */
    IMPLEMENTING,
    /** Implemented; waiting for the effectiveness check after the waiting period. */
    MONITORING,
    /** Checked and found effective. */
    CLOSED,
    /** Its process instance was cancelled (by an administrator, in Cockpit or the REST API) before it closed. */
    CANCELLED
}
