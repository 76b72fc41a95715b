package org.complaints.intake;

/**
 * An answer to a decision the complainant has already accepted or rejected. Not retryable: the answer given
 * stands, and asking to try again would invite a second answer that can never be taken.
 */
public class DecisionAlreadyAnsweredException extends ComplaintNotOpenException {

    public DecisionAlreadyAnsweredException(String reference) {
        super("The decision on complaint " + reference + " has already been answered; the answer given stands.", false);
    }

    private DecisionAlreadyAnsweredException(String message, boolean retryable) {
        super(message, retryable);
    }

    /** The question whether the complainant goes to the external body (ISO 10003) was answered before. */
    public static DecisionAlreadyAnsweredException externalReferral(String reference) {
        return new DecisionAlreadyAnsweredException(
                "Whether complaint " + reference + " goes to external dispute resolution has already been answered; "
                        + "the answer given stands.",
                false);
    }
}
