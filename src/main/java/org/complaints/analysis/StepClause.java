package org.complaints.analysis;

/**
 * The clause a step of a complaint's record evidences, with what narrows it down where one clause covers several
 * kinds of step ("7.7 Response (four eyes)"); {@code note} may be null.
 */
record StepClause(IsoClause clause, String note) {

    static StepClause of(IsoClause clause) {
        return new StepClause(clause, null);
    }

    String label() {
        return note == null ? clause.label() : clause.label() + " (" + note + ")";
    }
}
