package org.complaints.assessment;

import java.util.List;
import org.complaints.engine.InvalidInputException;
import org.complaints.register.EventLog;
import org.springframework.stereotype.Component;

/**
 * A complaint manager's answer to a complainant who disagreed with an out-of-scope or not-a-complaint decision within
 * the open period (ISO 10002 7.5, 4.12): the closure is confirmed or the complaint goes back to assessment, with the
 * manager's reasons in the event log.
 */
@Component
public class ScopeReview {

    public static final String CONFIRM = "confirm";
    public static final String REASSESS = "reassess";

    private final EventLog events;

    public ScopeReview(EventLog events) {
        this.events = events;
    }

    /** Records the answer; refuses one that is neither confirm nor reassess, or whose reasons are too short. */
    public void record(long complaintId, String decision, String notes, String manager) {
        if (!List.of(CONFIRM, REASSESS).contains(decision)) {
            throw new InvalidInputException("scopeReviewDecision: choose confirm or reassess");
        }
        if (notes == null || notes.length() < 10) {
            throw new InvalidInputException("scopeReviewNotes: give your reasons in at least 10 characters");
        }
        events.append(
                complaintId,
                "SCOPE_REVIEWED",
                manager,
                CONFIRM.equals(decision)
                        ? "Scope decision confirmed after the complainant's reaction; the complaint closes"
                        : "Sent back to assessment after the complainant's reaction",
                notes);
    }
}
