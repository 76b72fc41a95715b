package org.complaints.privacy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.complaints.engine.InvalidInputException;

/**
 * What a data-protection request (subject access, erasure) identifies its person by: an e-mail address, a phone
 * number, one or more complaint references with the name, or the name with the postal address (GDPR art. 12(6),
 * 15, 17). Each of these points at one person with reasonable certainty; a name alone, an address alone or a
 * reference alone does not (namesakes, households, a reference written on someone else's letter), so they are
 * refused. Exactly one of e-mail, phone, references and postal address is given; the name narrows an e-mail or
 * phone match and is required with references and postal address. Staff verify the person's identity outside
 * the system before they send the request.
 *
 * <p>Values are compared as the intake stores them, forgiving what people write differently: e-mail addresses
 * case-insensitively, phone numbers by their digits (and a leading {@code +}) without spaces or punctuation,
 * names case-insensitively with runs of spaces as one, postal addresses by their letters and digits only (line
 * breaks, commas and spaces vary from letter to letter).
 *
 * @param references upper case, no duplicates; empty when none given
 */
public record SubjectIdentifier(
        String email, String phone, List<String> references, String name, String postalAddress) {

    public static final String BY_EMAIL = "email";
    public static final String BY_PHONE = "phone";
    public static final String BY_REFERENCE = "reference-and-name";
    public static final String BY_ADDRESS = "name-and-postal-address";

    /** The intake's rule for a phone number (6 to 30 characters: digits, spaces and + ( ) / . -). */
    private static final Pattern PHONE = Pattern.compile("^[+0-9 ()/.-]{6,30}$");

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Pattern REFERENCE = Pattern.compile("[A-Z][A-Z0-9]*-\\d{4}-\\d{1,12}");

    /** More than this many references in one request is a search, not a person's request. */
    static final int MAX_REFERENCES = 20;

    /** A phone number with fewer digits matches too many (extensions, short numbers). */
    static final int MIN_PHONE_DIGITS = 6;

    /** An address key shorter than this ("1", "Main") names no place. */
    static final int MIN_ADDRESS_KEY = 6;

    public SubjectIdentifier {
        references = references == null ? List.of() : List.copyOf(references);
    }

    /** The e-mail identifier of the original API: the address alone, as before. */
    public static SubjectIdentifier byEmail(String email) {
        return of(email, null, List.of(), null, null);
    }

    /**
     * Checks and normalises what staff sent; every refusal names the field and says what to send instead.
     *
     * @param references references separated by commas, semicolons or spaces (as the query parameter carries them)
     */
    public static SubjectIdentifier of(
            String email, String phone, String references, String name, String postalAddress) {
        return of(email, phone, splitReferences(references), name, postalAddress);
    }

    public static SubjectIdentifier of(
            String email, String phone, List<String> references, String name, String postalAddress) {
        String mail = blankToNull(email);
        String number = blankToNull(phone);
        List<String> refs = references == null
                ? List.of()
                : references.stream()
                        .map(SubjectIdentifier::blankToNull)
                        .filter(r -> r != null)
                        .map(r -> r.toUpperCase(Locale.ROOT))
                        .distinct()
                        .toList();
        String person = name == null ? null : blankToNull(spaces(name));
        String address = blankToNull(postalAddress);
        int given = (mail == null ? 0 : 1)
                + (number == null ? 0 : 1)
                + (refs.isEmpty() ? 0 : 1)
                + (address == null ? 0 : 1);
        if (given == 0) {
            throw new InvalidInputException(
                    person == null
                            ? "Identify the person by one of: email; phone; references with name; name with postalAddress"
                            : "name: a name alone does not identify a person; give it with references, postalAddress or"
                                    + " phone");
        }
        if (given > 1) {
            throw new InvalidInputException("Give one identifier per request (email, phone, references or"
                    + " postalAddress, each with the name where needed); make a second request for the other");
        }
        if (mail != null && !EMAIL.matcher(mail).matches()) {
            throw new InvalidInputException("email: give the complainant's e-mail address");
        }
        if (number != null
                && (!PHONE.matcher(number).matches()
                        || digits(number).replace("+", "").length() < MIN_PHONE_DIGITS)) {
            throw new InvalidInputException("phone: '" + number + "' is not a phone number (at least "
                    + MIN_PHONE_DIGITS + " digits; spaces and + ( ) / . - allowed)");
        }
        if (!refs.isEmpty()) {
            if (refs.size() > MAX_REFERENCES) {
                throw new InvalidInputException("references: at most " + MAX_REFERENCES + " references in one request");
            }
            for (String reference : refs) {
                if (!REFERENCE.matcher(reference).matches()) {
                    throw new InvalidInputException(
                            "references: '" + reference + "' is not a complaint reference (CMP-YYYY-NNNNNN)");
                }
            }
            if (person == null) {
                throw new InvalidInputException("name: a reference alone does not identify a person (anyone may"
                        + " quote it); give the name the complaint was filed under as well");
            }
        }
        if (address != null) {
            if (person == null) {
                throw new InvalidInputException("name: a postal address alone does not identify a person (several"
                        + " may live there); give the name as well");
            }
            if (addressKey(address).length() < MIN_ADDRESS_KEY) {
                throw new InvalidInputException(
                        "postalAddress: give the whole postal address (street and number, postcode, town)");
            }
        }
        if (person != null && nameKey(person).length() < 2) {
            throw new InvalidInputException("name: give the person's name as the complaint has it");
        }
        return new SubjectIdentifier(mail, number, refs, person, address);
    }

    /** Which identifier the request uses: {@link #BY_EMAIL}, {@link #BY_PHONE}, ... */
    public String kind() {
        if (email != null) {
            return BY_EMAIL;
        }
        if (phone != null) {
            return BY_PHONE;
        }
        return references.isEmpty() ? BY_ADDRESS : BY_REFERENCE;
    }

    /** Whether a name the register holds is the one the request gives (true when the request gives none). */
    boolean sameName(String registered) {
        return name == null || (registered != null && nameKey(registered).equals(nameKey(name)));
    }

    /** Whether a postal address the register holds is the one the request gives. */
    boolean sameAddress(String registered) {
        return registered != null && addressKey(registered).equals(addressKey(postalAddress));
    }

    /** The phone number as compared: digits and a leading {@code +}, nothing else. */
    static String digits(String phone) {
        StringBuilder digits = new StringBuilder();
        for (char c : phone.toCharArray()) {
            if ((c >= '0' && c <= '9') || (c == '+' && digits.isEmpty())) {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    /**
     * The same reduction in SQL, for a phone column: what the intake's rule allows besides digits and {@code +}
     * removed, in plain {@code replace} calls that H2 and PostgreSQL both know.
     */
    static String digitsSql(String column) {
        String sql = column;
        for (String c : List.of(" ", "-", "(", ")", "/", ".")) {
            sql = "replace(" + sql + ", '" + c + "', '')";
        }
        return sql;
    }

    /** A name as compared: NFC, lower case, one space between words. */
    static String nameKey(String name) {
        return spaces(Normalizer.normalize(name, Normalizer.Form.NFC)).toLowerCase(Locale.ROOT);
    }

    /** A postal address as compared: NFC, lower case, letters and digits only. */
    static String addressKey(String address) {
        return Normalizer.normalize(address, Normalizer.Form.NFC)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static String spaces(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static List<String> splitReferences(String references) {
        if (references == null || references.isBlank()) {
            return List.of();
        }
        return new ArrayList<>(
                new LinkedHashSet<>(Arrays.asList(references.trim().split("[,;\\s]+"))));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
