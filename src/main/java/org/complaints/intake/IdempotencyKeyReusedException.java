package org.complaints.intake;

/** An Idempotency-Key sent again with a different request: a client error, never a second complaint. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException(String key) {
        super("The Idempotency-Key '" + key + "' was already used for a different complaint");
    }
}
