package org.complaints.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Failed sign-ins slow down their source, never the account from elsewhere. */
class SignInThrottleTest {

    private final MovingClock clock = new MovingClock();
    private final SignInThrottle throttle = new SignInThrottle(clock);

    @Test
    void theSourceOfFailuresWaitsAndTheAccountSignsInFromElsewhere() {
        throttle.failed("203.0.113.9", "handler");
        assertThat(throttle.waitFor("203.0.113.9", "handler")).hasValue(Duration.ofSeconds(3));
        assertThat(throttle.waitFor("198.51.100.4", "handler")).isEmpty();
        assertThat(throttle.waitFor("203.0.113.9", "manager")).isEmpty();

        clock.advance(Duration.ofSeconds(3));
        assertThat(throttle.waitFor("203.0.113.9", "handler")).isEmpty();
        throttle.failed("203.0.113.9", "HANDLER");
        assertThat(throttle.waitFor("203.0.113.9", "handler")).hasValue(Duration.ofSeconds(6));
    }

    @Test
    void waitsDoubleUpToAMinuteAndASuccessClearsThem() {
        for (int i = 0; i < 8; i++) {
            throttle.failed("203.0.113.9", "handler");
        }
        assertThat(throttle.waitFor("203.0.113.9", "handler")).hasValue(SignInThrottle.LONGEST_WAIT);
        clock.advance(SignInThrottle.LONGEST_WAIT);
        throttle.succeeded("203.0.113.9", "handler");
        throttle.failed("203.0.113.9", "handler");
        assertThat(throttle.waitFor("203.0.113.9", "handler")).hasValue(SignInThrottle.FIRST_WAIT);
    }

    @Test
    void guessingAcrossManyAccountsSlowsTheWholeSource() {
        for (int i = 0; i < SignInThrottle.FREE_FAILURES_PER_SOURCE; i++) {
            throttle.failed("203.0.113.9", "user" + i);
        }
        assertThat(throttle.waitFor("203.0.113.9", "somebody-else")).isEmpty();
        throttle.failed("203.0.113.9", "user-next");
        assertThat(throttle.waitFor("203.0.113.9", "somebody-else")).hasValue(SignInThrottle.FIRST_WAIT);
        // a success of the attacker's own account does not clear the source's record
        throttle.succeeded("203.0.113.9", "own-account");
        assertThat(throttle.waitFor("203.0.113.9", "own-account")).hasValue(SignInThrottle.FIRST_WAIT);
        assertThat(throttle.waitFor("198.51.100.4", "somebody-else")).isEmpty();
    }

    @Test
    void failuresAreForgottenAfterAQuietQuarterOfAnHour() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("203.0.113.9", "handler");
        }
        clock.advance(SignInThrottle.FORGET_AFTER.plusSeconds(1));
        throttle.failed("203.0.113.9", "handler");
        assertThat(throttle.waitFor("203.0.113.9", "handler")).hasValue(SignInThrottle.FIRST_WAIT);
    }

    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-12-07T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
