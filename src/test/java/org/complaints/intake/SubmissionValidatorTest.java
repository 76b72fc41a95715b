package org.complaints.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.complaints.deadlines.DeadlineProperties;
import org.complaints.engine.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The complainant's e-mail address must be one a mail server can deliver to, as typed. */
class SubmissionValidatorTest {

    private final SubmissionValidator validator = new SubmissionValidator(
            Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC),
            new DeadlineProperties(ZoneId.of("Europe/Amsterdam"), LocalTime.of(17, 0), Set.of(), List.of(), List.of(),
                    1, 2, 2, 10, 10, "R/P7D"));

    @ParameterizedTest
    @ValueSource(strings = {"a@b.c>", "a@b.example>", "<a@b.example>", "Paula <paula@example.net>",
            "paula@example.net (Paula)", "paula @example.net", "paula@exa mple.net", "\"paula\"@example.net",
            "paula@example", "paula@@example.net", ".paula@example.net", "paula.@example.net", "pa..ula@example.net",
            "paula@-example.net", "paula@example.n3t", "paula@example.net,eve@example.org", "paula@[127.0.0.1]"})
    void refusesAddressesNoMailServerDeliversTo(String address) {
        assertThat(SubmissionValidator.isDeliverableAddress(address)).as(address).isFalse();
        InvalidInputException refusal = catchThrowableOfType(InvalidInputException.class,
                () -> validator.validate(submission(address)));
        assertThat(refusal).as(address).isNotNull();
        assertThat(refusal.problems()).extracting(InvalidInputException.Problem::field, InvalidInputException.Problem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("complainantEmail", "not-email"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"paula@example.net", "paula.example+complaints@mail.example.co.uk", "o'brien@example.ie",
            "PAULA_1@Example.NET", "x@xn--mller-kva.example", "jaan@example.ee"})
    void acceptsOrdinaryAddresses(String address) {
        assertThat(SubmissionValidator.isDeliverableAddress(address)).as(address).isTrue();
        validator.validate(submission(address));
    }

    @Test
    void anAddressLongerThanSmtpAllowsIsRefused() {
        assertThat(SubmissionValidator.isDeliverableAddress("a".repeat(64) + "@" + "b".repeat(60) + "."
                + "c".repeat(60) + "." + "d".repeat(60) + ".example")).isFalse();
    }

    private static ComplaintSubmission submission(String email) {
        return new ComplaintSubmission("web", null, "Paula Example", email, null, "en", "Home delivery",
                "The parcel never arrived at my door.", null, null, null, null, null, null, null);
    }
}
