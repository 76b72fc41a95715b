package org.complaints.intake;

import org.camunda.bpm.engine.BadUserRequestException;

/** A complainant's message that the complaint cannot take in its current state (closed, or not waiting for it). */
public class ComplaintNotOpenException extends BadUserRequestException {

    public ComplaintNotOpenException(String message) {
        super(message);
    }
}
