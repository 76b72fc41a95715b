package org.complaints.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing passwords where the guesses come from, never the account guessed at: a source (the client's
 * network address) that failed to sign in as an account waits before it may try that account again (3 s, doubling
 * with each further failure, at most 60 s); a source that failed more than {@link #FREE_FAILURES_PER_SOURCE} times
 * in all, whatever the accounts, waits the same way before any sign-in. The same account signs in at once from
 * anywhere else, so nobody can shut a member of staff out by failing in their name. A source's record is forgotten
 * {@link #FORGET_AFTER} after its last failure; an account's success clears that source's record for it. Kept in
 * memory per node, like the intake's rate limit.
 */
final class SignInThrottle {

    static final Duration FIRST_WAIT = Duration.ofSeconds(3);
    static final Duration LONGEST_WAIT = Duration.ofSeconds(60);
    static final int FREE_FAILURES_PER_SOURCE = 10;
    static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    private static final int MAX_ENTRIES = 100_000;

    private record Failures(int count, Instant last, Instant waitUntil) {}

    private final Clock clock;
    private final Map<String, Failures> byAccount = new ConcurrentHashMap<>();
    private final Map<String, Failures> bySource = new ConcurrentHashMap<>();

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long {@code source} must wait before it may try to sign in as {@code user}; empty: it may now. */
    Optional<Duration> waitFor(String source, String user) {
        Instant now = clock.instant();
        Instant until = later(waitUntil(byAccount.get(key(source, user)), now), waitUntil(bySource.get(source), now));
        return until == null ? Optional.empty() : Optional.of(Duration.between(now, until));
    }

    void failed(String source, String user) {
        Instant now = clock.instant();
        if (byAccount.size() > MAX_ENTRIES || bySource.size() > MAX_ENTRIES) {
            forgetOld(now);
        }
        byAccount.compute(key(source, user), (k, before) -> next(before, now, 0));
        bySource.compute(source, (k, before) -> next(before, now, FREE_FAILURES_PER_SOURCE));
    }

    void succeeded(String source, String user) {
        byAccount.remove(key(source, user));
    }

    private static Failures next(Failures before, Instant now, int free) {
        int count = before == null || before.last().plus(FORGET_AFTER).isBefore(now) ? 1 : before.count() + 1;
        Instant waitUntil = count <= free ? null : now.plus(pause(count - free));
        return new Failures(count, now, waitUntil);
    }

    /** The wait after the n-th counted failure: the first wait, doubled for each further one, at most the longest. */
    static Duration pause(int failures) {
        Duration pause = FIRST_WAIT;
        for (int i = 1; i < failures && pause.compareTo(LONGEST_WAIT) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : pause;
    }

    private void forgetOld(Instant now) {
        byAccount.values().removeIf(f -> f.last().plus(FORGET_AFTER).isBefore(now));
        bySource.values().removeIf(f -> f.last().plus(FORGET_AFTER).isBefore(now));
    }

    private static Instant waitUntil(Failures failures, Instant now) {
        return failures == null
                        || failures.waitUntil() == null
                        || !failures.waitUntil().isAfter(now)
                ? null
                : failures.waitUntil();
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static String key(String source, String user) {
        // user ids differ in case only by mistake: one record for all spellings
        return source + '\n' + user.toLowerCase(Locale.ROOT);
    }
}
