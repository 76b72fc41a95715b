package org.complaints.intake;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.complaints.assessment.Classification;
import org.complaints.deadlines.DeadlineProperties;
import org.complaints.engine.InvalidInputException;
import org.complaints.engine.InvalidInputException.Problem;
import org.complaints.register.Channels;
import org.springframework.stereotype.Component;

/**
 * Required data at receipt (ISO 10002 4.9 information integrity): every problem is named, not just the first,
 * with a message code so public channels can answer in the complainant's language.
 */
@Component
public class SubmissionValidator {

    public static final List<String> CHANNELS = Channels.ALL;
    public static final List<String> LANGUAGES = List.of("en", "tr", "nl", "et");
    /**
     * A bare address a mail server delivers to: a dot-atom local part and a host name with a top-level domain of
     * letters (or an IDN's ASCII form). No display name, comment, quoting, spaces or angle brackets: what the
     * complainant typed is used as the recipient as it stands.
     */
    private static final Pattern EMAIL =
            Pattern.compile("^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+([A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$");

    private static final Pattern PHONE = Pattern.compile("^[+0-9 ()/.-]{6,30}$");

    private final Clock clock;
    private final DeadlineProperties deadlines;

    public SubmissionValidator(Clock clock, DeadlineProperties deadlines) {
        this.clock = clock;
        this.deadlines = deadlines;
    }

    public void validate(ComplaintSubmission s) {
        List<Problem> problems = new ArrayList<>();
        oneOf(problems, "channel", s.channel(), CHANNELS, true);
        text(problems, "complainantName", "the complainant's name", s.complainantName(), 1, 200, true, false);
        text(
                problems,
                "complainantEmail",
                "the complainant's e-mail address",
                s.complainantEmail(),
                3,
                254,
                true,
                false);
        if (s.complainantEmail() != null
                && !s.complainantEmail().isBlank()
                && !isDeliverableAddress(s.complainantEmail())) {
            problems.add(Problem.of(
                    "complainantEmail",
                    "not-email",
                    "'" + s.complainantEmail() + "' is not an e-mail address",
                    s.complainantEmail()));
        }
        text(problems, "complainantPhone", "the phone number", s.complainantPhone(), 0, 40, false, false);
        if (s.complainantPhone() != null && !PHONE.matcher(s.complainantPhone()).matches()) {
            problems.add(Problem.of(
                    "complainantPhone",
                    "not-phone",
                    "'" + s.complainantPhone()
                            + "' is not a phone number (6 to 30 characters: digits, spaces and + ( ) / . -)",
                    s.complainantPhone()));
        }
        oneOf(problems, "preferredLanguage", s.preferredLanguage(), LANGUAGES, true);
        text(problems, "productOrService", "the product or service", s.productOrService(), 1, 200, true, false);
        text(problems, "description", "the description of the complaint", s.description(), 10, 4000, true, true);
        text(problems, "remedySought", "the remedy sought", s.remedySought(), 0, 2000, false, true);
        text(problems, "receiptNotes", "the receipt notes", s.receiptNotes(), 0, 2000, false, true);
        LocalDate today = clock.instant().atZone(deadlines.zone()).toLocalDate();
        if (s.incidentDate() != null && s.incidentDate().isAfter(today)) {
            problems.add(Problem.of(
                    "incidentDate",
                    "future-date",
                    "the incident date " + s.incidentDate() + " lies in the future",
                    s.incidentDate().toString()));
        }
        oneOf(problems, "severity", s.severity(), Classification.SEVERITIES, false);
        oneOf(problems, "impact", s.impact(), Classification.IMPACTS, false);
        oneOf(problems, "category", s.category(), Classification.CATEGORIES, false);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /**
     * The contact fields checked as the public form checks them, for a correction by staff: {@code name},
     * {@code email}, {@code phone} (blank: none) and {@code preferredLanguage}, each named by that field.
     */
    public static List<Problem> contactProblems(String name, String email, String phone, String language) {
        List<Problem> problems = new ArrayList<>();
        text(problems, "name", "the complainant's name", name, 1, 200, true, false);
        text(problems, "email", "the complainant's e-mail address", email, 3, 254, true, false);
        if (email != null && !email.isBlank() && !isDeliverableAddress(email)) {
            problems.add(Problem.of("email", "not-email", "'" + email + "' is not an e-mail address", email));
        }
        text(problems, "phone", "the phone number", phone, 0, 40, false, false);
        if (phone != null && !phone.isBlank() && !PHONE.matcher(phone).matches()) {
            problems.add(Problem.of(
                    "phone",
                    "not-phone",
                    "'" + phone + "' is not a phone number (6 to 30 characters: digits, spaces and + ( ) / . -)",
                    phone));
        }
        oneOf(problems, "preferredLanguage", language, LANGUAGES, true);
        return problems;
    }

    /** The pattern above, confirmed by JavaMail's strict parser, which the outbox uses to address the e-mail. */
    static boolean isDeliverableAddress(String address) {
        if (address == null || address.length() > 254 || !EMAIL.matcher(address).matches()) {
            return false;
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            return parsed.getPersonal() == null && address.equals(parsed.getAddress());
        } catch (AddressException e) {
            return false;
        }
    }

    static void text(
            List<Problem> problems,
            String field,
            String label,
            String value,
            int min,
            int max,
            boolean required,
            boolean multiLine) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(Problem.of(field, "required", label + " is required"));
            }
            return;
        }
        if (!TextHygiene.isClean(value, multiLine)) {
            problems.add(Problem.of(
                    field,
                    multiLine ? "invalid-characters" : "invalid-characters-single-line",
                    label + " contains control or text-direction characters"
                            + (multiLine ? "" : " (a single line may not contain line breaks)")));
        } else if (value.length() < min) {
            problems.add(Problem.of(field, "too-short", label + " needs at least " + min + " characters", min));
        } else if (value.length() > max) {
            problems.add(Problem.of(
                    field,
                    "too-long",
                    label + " may have at most " + max + " characters (has " + value.length() + ")",
                    max,
                    value.length()));
        }
    }

    static void oneOf(List<Problem> problems, String field, String value, List<String> allowed, boolean required) {
        String list = String.join(", ", allowed);
        if (value == null) {
            if (required) {
                problems.add(Problem.of(field, "required-choice", "is required (one of " + list + ")", list));
            }
        } else if (!allowed.contains(value)) {
            problems.add(Problem.of(field, "not-one-of", "'" + value + "' is not one of " + list, value, list));
        }
    }
}
