package org.complaints.intake;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A complainant's message that the complaint cannot take in its current state: closed for good, or not
 * waiting for it right now ({@link #retryable()}: the channel asks to try again later).
 */
public class ComplaintNotOpenException extends BadUserRequestException {

    /** The pause a channel asks for when the process is not waiting for the message (e.g. a decision not yet sent). */
    public static final int NOT_WAITING_RETRY_SECONDS = 60;

    private final boolean retryable;
    private final int retryAfterSeconds;

    public ComplaintNotOpenException(String message, boolean retryable) {
        this(message, retryable, NOT_WAITING_RETRY_SECONDS);
    }

    public ComplaintNotOpenException(String message, boolean retryable, int retryAfterSeconds) {
        super(message);
        this.retryable = retryable;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public boolean retryable() {
        return retryable;
    }

    /** For the Retry-After header of a retryable refusal. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
