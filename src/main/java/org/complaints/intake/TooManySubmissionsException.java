package org.complaints.intake;

/** More submissions from one address than allowed this minute; channels answer 429 with Retry-After. */
public class TooManySubmissionsException extends RuntimeException {

    private final long retryAfterSeconds;

    public TooManySubmissionsException(long retryAfterSeconds) {
        super("Too many complaints from this address; please try again in " + retryAfterSeconds + " seconds");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
