package org.complaints.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.complaints.deadlines.DeadlineProperties;
import org.complaints.engine.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Reaching the complainant (ISO 10002 4.5): at least one of e-mail, postal address and phone; the preferred way
 * must be one the data reaches; a representative needs a name, a way to reach them and the complainant's consent.
 * The refusals read the same in the four languages of the public pages.
 */
class ContactValidationTest {

    private static final String ADDRESS = "Keizersgracht 1\n1015 CJ Amsterdam";

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

    @Test
    void aLetterWithOnlyAPostalAddressIsAccepted() {
        assertThatCode(() -> validator.validate(Submissions.aPhoneComplaint()
                        .withChannel("letter")
                        .withoutEmail()
                        .withPostalAddress(ADDRESS)
                        .withPreferredContact("post")
                        .withAccessibilityNeeds("large-print", null)
                        .build()))
                .doesNotThrowAnyException();
        assertThatCode(() -> validator.validate(Submissions.aPhoneComplaint()
                        .withoutEmail()
                        .withPhone("+31 20 123 4567")
                        .build()))
                .doesNotThrowAnyException();
    }

    @Test
    void aComplaintNobodyCanAnswerIsRefused() {
        assertThat(problems(Submissions.aPhoneComplaint()
                        .withoutEmail()
                        .withPhone(null)
                        .build()))
                .containsExactly(tuple("complainantEmail", "no-contact-way"));
    }

    @Test
    void anEmailReceivedStillNeedsItsSendersAddress() {
        assertThat(problems(Submissions.aPhoneComplaint()
                        .withChannel("email")
                        .withoutEmail()
                        .withPostalAddress(ADDRESS)
                        .build()))
                .containsExactly(tuple("complainantEmail", "required"));
    }

    @Test
    void thePreferredWayMustReachTheComplainant() {
        assertThat(problems(Submissions.aPhoneComplaint()
                        .withoutEmail()
                        .withPhone("+31 20 123 4567")
                        .withPreferredContact("post")
                        .build()))
                .containsExactly(tuple("preferredContact", "preferred-unreachable-post"));
        assertThat(problems(Submissions.aPhoneComplaint()
                        .withPhone(null)
                        .withPostalAddress(ADDRESS)
                        .withPreferredContact("phone")
                        .build()))
                .containsExactly(tuple("preferredContact", "preferred-unreachable-phone"));
        assertThat(problems(Submissions.aPhoneComplaint()
                        .withoutEmail()
                        .withPostalAddress(ADDRESS)
                        .withPreferredContact("email")
                        .build()))
                .containsExactly(tuple("preferredContact", "preferred-unreachable-email"));
        assertThat(problems(Submissions.aPhoneComplaint()
                        .withPreferredContact("fax")
                        .withAccessibilityNeeds("braille", null)
                        .build()))
                .containsExactly(tuple("preferredContact", "not-one-of"), tuple("accessibilityNeeds", "not-one-of"));
    }

    @Test
    void aRepresentativeNeedsANameAWayToReachThemAndConsent() {
        assertThat(problems(Submissions.aPhoneComplaint()
                        .withRepresentative(null, null, null, null, "daughter", null)
                        .build()))
                .containsExactly(
                        tuple("representativeName", "required"),
                        tuple("representativeEmail", "no-representative-contact"),
                        tuple("representativeConsent", "representative-consent-required"));
        assertThat(problems(Submissions.aPhoneComplaint()
                        .withRepresentative("Anna de Vries", "anna at example", "12", null, null, true)
                        .build()))
                .containsExactly(tuple("representativeEmail", "not-email"), tuple("representativePhone", "not-phone"));
        assertThatCode(() -> validator.validate(Submissions.aPhoneComplaint()
                        .withoutEmail()
                        .withPostalAddress(ADDRESS)
                        .withRepresentative("Anna de Vries", null, null, "Prinsengracht 2\nAmsterdam", "daughter", true)
                        .build()))
                .doesNotThrowAnyException();
    }

    @Test
    void theRefusalsReadInEveryLanguageOfThePublicPages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        InvalidInputException refused = catchThrowableOfType(
                InvalidInputException.class,
                () -> validator.validate(Submissions.aWebComplaint()
                        .withoutEmail()
                        .withRepresentative("Anna", null, null, null, null, false)
                        .build()));
        List<String> untranslated = refused.problems().stream()
                .map(InvalidInputException.Problem::message)
                .toList();
        for (String language : List.of("en", "tr", "nl", "et")) {
            List<PublicFieldProblems.FieldProblem> shown =
                    PublicFieldProblems.of(refused, messages, Locale.forLanguageTag(language));
            assertThat(shown)
                    .extracting(PublicFieldProblems.FieldProblem::field)
                    .containsExactly("email", "representativeEmail", "representativeConsent");
            // a message from the bundle, not the validator's English fallback
            assertThat(shown)
                    .extracting(PublicFieldProblems.FieldProblem::message)
                    .noneMatch(untranslated::contains);
        }
        assertThat(PublicFieldProblems.of(refused, messages, Locale.forLanguageTag("nl"))
                        .get(0)
                        .message())
                .contains("postadres");
        assertThat(PublicFieldProblems.of(refused, messages, Locale.forLanguageTag("et"))
                        .get(2)
                        .message())
                .contains("nõus");
    }

    private List<org.assertj.core.groups.Tuple> problems(ComplaintSubmission submission) {
        InvalidInputException refused =
                catchThrowableOfType(InvalidInputException.class, () -> validator.validate(submission));
        assertThat(refused).as("refused").isNotNull();
        return refused.problems().stream().map(p -> tuple(p.field(), p.code())).toList();
    }
}
