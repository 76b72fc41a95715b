package org.complaints.intake;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A complainant's message that the complaint cannot take in its current state: closed for good, or not
 * waiting for it right now ({@link #retryable()}: the channel asks to try again later).
 */
public class ComplaintNotOpenException extends BadUserRequestException {

    private final boolean retryable;

    public ComplaintNotOpenException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
