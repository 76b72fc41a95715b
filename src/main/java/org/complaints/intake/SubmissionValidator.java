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
import org.complaints.register.Contact;
import org.complaints.register.Representative;
import org.springframework.stereotype.Component;

/**
 * Required data at receipt (ISO 10002 4.9 information integrity): every problem is named, not just the first,
 * with a message code so public channels can answer in the complainant's language.
 */
@Component
public class SubmissionValidator {

    public static final List<String> CHANNELS = Channels.ALL;
    public static final List<String> LANGUAGES = List.of("en", "tr", "nl", "et");
    public static final List<String> PREFERRED_CONTACTS = List.of(Contact.EMAIL, Contact.POST, Contact.PHONE);
    public static final List<String> ACCESSIBILITY_NEEDS =
            List.of(Contact.LARGE_PRINT, "plain-language", "interpreter", "other");
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
        // e-mail is one way of reaching the complainant among three (ISO 10002 4.5); an e-mail received is answered
        // to its sender, so that channel still needs the address
        boolean byEmail = Channels.EMAIL.equals(s.channel());
        text(
                problems,
                "complainantEmail",
                "the complainant's e-mail address",
                s.complainantEmail(),
                3,
                254,
                byEmail,
                false);
        email(problems, "complainantEmail", s.complainantEmail());
        phone(problems, "complainantPhone", "the phone number", s.complainantPhone());
        text(problems, "postalAddress", "the postal address", s.postalAddress(), 5, 1000, false, true);
        if (!byEmail && !given(s.complainantEmail()) && !given(s.postalAddress()) && !given(s.complainantPhone())) {
            problems.add(Problem.of(
                    "complainantEmail",
                    "no-contact-way",
                    "give at least one way to reach the complainant: e-mail address, postal address or phone number"));
        }
        oneOf(problems, "preferredContact", blankToNull(s.preferredContact()), PREFERRED_CONTACTS, false);
        preferredReachable(problems, s);
        oneOf(problems, "accessibilityNeeds", blankToNull(s.accessibilityNeeds()), ACCESSIBILITY_NEEDS, false);
        text(
                problems,
                "accessibilityNote",
                "the note on accessibility needs",
                s.accessibilityNote(),
                0,
                1000,
                false,
                true);
        if (s.hasRepresentative()) {
            representative(problems, s);
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
     * {@code email} and {@code phone} (blank: none) and {@code preferredLanguage}, each named by that field. That
     * one way to reach the complainant is left is the caller's check: it knows the postal address.
     */
    public static List<Problem> contactProblems(String name, String email, String phone, String language) {
        List<Problem> problems = new ArrayList<>();
        text(problems, "name", "the complainant's name", name, 1, 200, true, false);
        text(problems, "email", "the complainant's e-mail address", email, 3, 254, false, false);
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

    /**
     * The ways of reaching the complainant checked as the intake checks them, for a correction by staff: at least
     * one of e-mail, postal address and phone (named by field {@code email}), a preferred way that reaches them,
     * the postal address, the accessibility needs and note, and a representative (null: none) with a name, a way
     * to reach them and the complainant's consent on record. Field names as the public API's.
     */
    public static List<Problem> reachProblems(
            String email,
            String phone,
            String postalAddress,
            String preferredContact,
            String accessibilityNeeds,
            String accessibilityNote,
            Representative representative) {
        List<Problem> problems = new ArrayList<>();
        text(problems, "postalAddress", "the postal address", postalAddress, 5, 1000, false, true);
        if (!given(email) && !given(postalAddress) && !given(phone)) {
            problems.add(Problem.of(
                    "email",
                    "no-contact-way",
                    "give at least one way to reach the complainant: e-mail address, postal address or phone number"));
        }
        oneOf(problems, "preferredContact", blankToNull(preferredContact), PREFERRED_CONTACTS, true);
        if (given(preferredContact) && PREFERRED_CONTACTS.contains(preferredContact)) {
            preferredReachable(problems, preferredContact, email, postalAddress, phone);
        }
        oneOf(problems, "accessibilityNeeds", blankToNull(accessibilityNeeds), ACCESSIBILITY_NEEDS, false);
        text(problems, "accessibilityNote", "the note on accessibility needs", accessibilityNote, 0, 1000, false, true);
        if (representative != null) {
            representative(problems, representative);
        }
        return problems;
    }

    private static void email(List<Problem> problems, String field, String address) {
        if (given(address) && !isDeliverableAddress(address)) {
            problems.add(Problem.of(field, "not-email", "'" + address + "' is not an e-mail address", address));
        }
    }

    private static void phone(List<Problem> problems, String field, String label, String number) {
        text(problems, field, label, number, 0, 40, false, false);
        if (number != null && !PHONE.matcher(number).matches()) {
            problems.add(Problem.of(
                    field,
                    "not-phone",
                    "'" + number + "' is not a phone number (6 to 30 characters: digits, spaces and + ( ) / . -)",
                    number));
        }
    }

    /** The preferred way must reach the complainant: post needs an address, phone a number, e-mail an address. */
    private static void preferredReachable(List<Problem> problems, ComplaintSubmission s) {
        preferredReachable(
                problems, s.preferredContact(), s.complainantEmail(), s.postalAddress(), s.complainantPhone());
    }

    private static void preferredReachable(
            List<Problem> problems, String preferredContact, String email, String postalAddress, String phone) {
        String preferred = blankToNull(preferredContact);
        boolean unreachable = (Contact.POST.equals(preferred) && !given(postalAddress))
                || (Contact.PHONE.equals(preferred) && !given(phone))
                || (Contact.EMAIL.equals(preferred) && !given(email));
        if (unreachable) {
            problems.add(Problem.of(
                    "preferredContact",
                    "preferred-unreachable-" + preferred,
                    "the preferred way of contact '" + preferred + "' needs "
                            + switch (preferred) {
                                case Contact.POST -> "a postal address";
                                case Contact.PHONE -> "a phone number";
                                default -> "an e-mail address";
                            }));
        }
    }

    /**
     * A representative (ISO 10002 4.5) needs a name, a way to be reached and the complainant's consent on record:
     * every communication goes to them, and without consent they may not be told about the complaint.
     */
    private static void representative(List<Problem> problems, ComplaintSubmission s) {
        representative(
                problems,
                new Representative(
                        s.representativeName(),
                        s.representativeEmail(),
                        s.representativePhone(),
                        s.representativePostalAddress(),
                        s.representativeRelation(),
                        Boolean.TRUE.equals(s.representativeConsent())));
    }

    private static void representative(List<Problem> problems, Representative s) {
        text(problems, "representativeName", "the representative's name", s.name(), 1, 200, true, false);
        text(problems, "representativeEmail", "the representative's e-mail address", s.email(), 3, 254, false, false);
        email(problems, "representativeEmail", s.email());
        phone(problems, "representativePhone", "the representative's phone number", s.phone());
        text(
                problems,
                "representativePostalAddress",
                "the representative's postal address",
                s.postalAddress(),
                5,
                1000,
                false,
                true);
        text(
                problems,
                "representativeRelation",
                "the representative's relation to the complainant",
                s.relation(),
                0,
                100,
                false,
                false);
        if (!given(s.email()) && !given(s.postalAddress()) && !given(s.phone())) {
            problems.add(
                    Problem.of(
                            "representativeEmail",
                            "no-representative-contact",
                            "give at least one way to reach the representative: e-mail address, postal address or phone number"));
        }
        if (!s.consentRecorded()) {
            problems.add(Problem.of(
                    "representativeConsent",
                    "representative-consent-required",
                    "record that the complainant consents to being represented"));
        }
    }

    private static boolean given(String text) {
        return text != null && !text.isBlank();
    }

    private static String blankToNull(String text) {
        return given(text) ? text : null;
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
