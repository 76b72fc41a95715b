package org.complaints.mail;

import java.time.Duration;

/** Exponential backoff with a cap, shared by the mail outbox and the survey invitations. */
public final class Backoff {

    private Backoff() {}

    /** {@code first} after the first failure, doubling with every further one, at most {@code longest}. */
    public static Duration pause(int attempts, Duration first, Duration longest) {
        Duration pause = first;
        for (int i = 1; i < attempts && pause.compareTo(longest) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(longest) > 0 ? longest : pause;
    }
}
