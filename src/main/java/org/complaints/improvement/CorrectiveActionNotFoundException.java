package org.complaints.improvement;

import org.camunda.bpm.engine.BadUserRequestException;

/** A corrective-action reference the register does not know; 404 in the staff API. */
public class CorrectiveActionNotFoundException extends BadUserRequestException {

    public CorrectiveActionNotFoundException(String what) {
        super("No corrective action " + what + " is registered.");
    }
}
