package org.complaints.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.complaints.assessment.Classification;
import org.complaints.deadlines.DeadlineProperties;
import org.complaints.engine.InvalidInputException;
import org.springframework.stereotype.Component;

/** Required data at receipt (ISO 10002 4.9 information integrity): every problem is named, not just the first. */
@Component
public class SubmissionValidator {

    public static final List<String> CHANNELS = List.of("web", "email", "phone", "letter", "in-person");
    public static final List<String> LANGUAGES = List.of("en", "tr", "nl", "et");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^[+0-9 ()/.-]{6,30}$");

    private final Clock clock;
    private final DeadlineProperties deadlines;

    public SubmissionValidator(Clock clock, DeadlineProperties deadlines) {
        this.clock = clock;
        this.deadlines = deadlines;
    }

    public void validate(ComplaintSubmission s) {
        List<String> problems = new ArrayList<>();
        oneOf(problems, "channel", s.channel(), CHANNELS, true);
        text(problems, "complainantName", "the complainant's name", s.complainantName(), 1, 200, true);
        text(problems, "complainantEmail", "the complainant's e-mail address", s.complainantEmail(), 3, 254, true);
        if (s.complainantEmail() != null && !EMAIL.matcher(s.complainantEmail()).matches()) {
            problems.add("complainantEmail: '" + s.complainantEmail() + "' is not an e-mail address");
        }
        if (s.complainantPhone() != null && !PHONE.matcher(s.complainantPhone()).matches()) {
            problems.add("complainantPhone: '" + s.complainantPhone() + "' is not a phone number");
        }
        oneOf(problems, "preferredLanguage", s.preferredLanguage(), LANGUAGES, true);
        text(problems, "productOrService", "the product or service", s.productOrService(), 1, 200, true);
        text(problems, "description", "the description of the complaint", s.description(), 10, 4000, true);
        text(problems, "remedySought", "the remedy sought", s.remedySought(), 0, 2000, false);
        text(problems, "receiptNotes", "the receipt notes", s.receiptNotes(), 0, 2000, false);
        LocalDate today = clock.instant().atZone(deadlines.zone()).toLocalDate();
        if (s.incidentDate() != null && s.incidentDate().isAfter(today)) {
            problems.add("incidentDate: the incident date " + s.incidentDate() + " lies in the future");
        }
        oneOf(problems, "severity", s.severity(), Classification.SEVERITIES, false);
        oneOf(problems, "impact", s.impact(), Classification.IMPACTS, false);
        oneOf(problems, "category", s.category(), Classification.CATEGORIES, false);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    static void text(List<String> problems, String field, String label, String value, int min, int max,
                     boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(field + ": " + label + " is required");
            }
        } else if (value.length() < min) {
            problems.add(field + ": " + label + " needs at least " + min + " characters");
        } else if (value.length() > max) {
            problems.add(field + ": " + label + " may have at most " + max + " characters (has " + value.length() + ")");
        }
    }

    static void oneOf(List<String> problems, String field, String value, List<String> allowed, boolean required) {
        if (value == null) {
            if (required) {
                problems.add(field + ": is required (one of " + String.join(", ", allowed) + ")");
            }
        } else if (!allowed.contains(value)) {
            problems.add(field + ": '" + value + "' is not one of " + String.join(", ", allowed));
        }
    }
}
