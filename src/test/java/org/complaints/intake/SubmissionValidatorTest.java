package org.complaints.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

/**
 * The complainant's contact data as the server checks it: an e-mail address a mail server can deliver to, as typed,
 * and a phone number. The staff start form has no pattern for them (form-js would show staff the raw regular
 * expression): the server refuses a malformed value, naming the field and what it accepts.
 */
class SubmissionValidatorTest {

    private final SubmissionValidator validator = new SubmissionValidator(
            Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC),
            new DeadlineProperties(
                    ZoneId.of("Europe/Amsterdam"),
                    LocalTime.of(17, 0),
                    Set.of(),
                    List.of(),
                    List.of(),
                    1,
                    2,
                    2,
                    10,
                    10,
                    "R/P7D"));

    private static ComplaintSubmission submission(String email, String phone) {
        return new ComplaintSubmission(
                "phone",
                "jdoe",
                "Ann Example",
                email,
                phone,
                "en",
                "Broadband",
                "The connection drops every evening.",
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    @Test
    void wellFormedAddressAndPhoneNumberAreAccepted() {
        assertThatCode(() -> validator.validate(submission("ann@example.org", "+31 (0)20 123-4567")))
                .doesNotThrowAnyException();
        assertThatCode(() -> validator.validate(submission("ann@example.org", null)))
                .doesNotThrowAnyException();
    }

    @Test
    void malformedAddressIsRefusedWithAReadableMessage() {
        assertThatThrownBy(() -> validator.validate(submission("ann@localhost", null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("complainantEmail: 'ann@localhost' is not an e-mail address");
    }

    @Test
    void malformedPhoneNumberIsRefusedWithWhatIsAccepted() {
        for (String phone : List.of("call me", "12345", "+31 20 123 4567 ext. 12", "0".repeat(31))) {
            assertThatThrownBy(() -> validator.validate(submission("ann@example.org", phone)))
                    .as(phone)
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                            .singleElement()
                            .satisfies(p -> {
                                assertThat(p.field()).isEqualTo("complainantPhone");
                                assertThat(p.code()).isEqualTo("not-phone");
                                assertThat(p.message())
                                        .isEqualTo("'" + phone + "' is not a phone number"
                                                + " (6 to 30 characters: digits, spaces and + ( ) / . -)");
                            }));
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a@b.c>",
                "a@b.example>",
                "<a@b.example>",
                "Paula <paula@example.net>",
                "paula@example.net (Paula)",
                "paula @example.net",
                "paula@exa mple.net",
                "\"paula\"@example.net",
                "paula@example",
                "paula@@example.net",
                ".paula@example.net",
                "paula.@example.net",
                "pa..ula@example.net",
                "paula@-example.net",
                "paula@example.n3t",
                "paula@example.net,eve@example.org",
                "paula@[127.0.0.1]"
            })
    void refusesAddressesNoMailServerDeliversTo(String address) {
        assertThat(SubmissionValidator.isDeliverableAddress(address))
                .as(address)
                .isFalse();
        InvalidInputException refusal =
                catchThrowableOfType(InvalidInputException.class, () -> validator.validate(submission(address)));
        assertThat(refusal).as(address).isNotNull();
        assertThat(refusal.problems())
                .extracting(InvalidInputException.Problem::field, InvalidInputException.Problem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("complainantEmail", "not-email"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "paula@example.net",
                "paula.example+complaints@mail.example.co.uk",
                "o'brien@example.ie",
                "PAULA_1@Example.NET",
                "x@xn--mller-kva.example",
                "jaan@example.ee"
            })
    void acceptsOrdinaryAddresses(String address) {
        assertThat(SubmissionValidator.isDeliverableAddress(address))
                .as(address)
                .isTrue();
        validator.validate(submission(address));
    }

    @Test
    void anAddressLongerThanSmtpAllowsIsRefused() {
        assertThat(SubmissionValidator.isDeliverableAddress("a".repeat(64) + "@" + "b".repeat(60) + "." + "c".repeat(60)
                        + "." + "d".repeat(60) + ".example"))
                .isFalse();
    }

    private static ComplaintSubmission submission(String email) {
        return new ComplaintSubmission(
                "web",
                null,
                "Paula Example",
                email,
                null,
                "en",
                "Home delivery",
                "The parcel never arrived at my door.",
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
