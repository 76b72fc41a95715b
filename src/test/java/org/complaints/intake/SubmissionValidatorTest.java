package org.complaints.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/**
 * The e-mail and phone fields of the staff start form have no pattern in the form (form-js would show staff the raw
 * regular expression): the server refuses a malformed value, naming the field and what it accepts.
 */
class SubmissionValidatorTest {

    private final SubmissionValidator validator = new SubmissionValidator(
            Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC),
            new DeadlineProperties(ZoneId.of("Europe/Amsterdam"), LocalTime.of(17, 0), Set.of(), List.of(), List.of(),
                    1, 2, 2, 10, 10, "R/P7D"));

    private static ComplaintSubmission submission(String email, String phone) {
        return new ComplaintSubmission("phone", "jdoe", "Ann Example", email, phone, "en", "Broadband",
                "The connection drops every evening.", null, null, null, null, null, null, null);
    }

    @Test
    void wellFormedAddressAndPhoneNumberAreAccepted() {
        assertThatCode(() -> validator.validate(submission("ann@example.org", "+31 (0)20 123-4567"))).doesNotThrowAnyException();
        assertThatCode(() -> validator.validate(submission("ann@example.org", null))).doesNotThrowAnyException();
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
                            .singleElement().satisfies(p -> {
                                assertThat(p.field()).isEqualTo("complainantPhone");
                                assertThat(p.code()).isEqualTo("not-phone");
                                assertThat(p.message()).isEqualTo("'" + phone + "' is not a phone number"
                                        + " (6 to 30 characters: digits, spaces and + ( ) / . -)");
                            }));
        }
    }
}
