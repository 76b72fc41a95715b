package org.complaints.register;

import org.camunda.bpm.engine.BadUserRequestException;

/** A reference or id that the register does not know; a 4xx for callers, never a silent no-op. */
public class ComplaintNotFoundException extends BadUserRequestException {

    public ComplaintNotFoundException(String what) {
        super("No complaint " + what + " is registered.");
    }
}
