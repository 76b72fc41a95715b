package org.complaints.intake;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * At most the configured number of submissions per minute from one network address (fixed one-minute
 * windows, kept in memory per node). Protects the intake from floods without blocking real complainants.
 */
@Component
public class SubmissionRateLimiter {

    private final IntakeProperties properties;
    private final Clock clock;
    private final Map<String, long[]> windows = new ConcurrentHashMap<>();

    public SubmissionRateLimiter(IntakeProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Counts a submission from {@code address}; throws when the address has used up this minute. */
    public void acquire(String address) {
        long minute = clock.millis() / 60_000;
        if (windows.size() > 10_000) {
            windows.values().removeIf(w -> w[0] < minute);
        }
        long[] window = windows.compute(
                address,
                (a, w) -> w == null || w[0] != minute ? new long[] {minute, 1} : new long[] {minute, w[1] + 1});
        if (window[1] > properties.maxSubmissionsPerMinute()) {
            long retryAfter = 60 - (clock.millis() / 1000) % 60;
            throw new TooManySubmissionsException(retryAfter);
        }
    }
}
