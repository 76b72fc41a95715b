package org.complaints.register;

/**
 * Who complained and how to reach them (ISO 10002 7.2, 4.5): name, e-mail, phone, postal address, the way they
 * prefer to be reached, the language they are answered in and what they need to read or hear our answers. At
 * least one of e-mail, postal address and phone is recorded; the intake checks it and so does the register.
 *
 * @param postalAddress lines separated by {@code "\n"}, or null
 * @param preferredContact {@code "email"}, {@code "post"} or {@code "phone"}, never null
 * @param accessibilityNeeds {@code "large-print"}, {@code "plain-language"}, {@code "interpreter"}, {@code "other"}
 *     or null
 * @param accessibilityNote what staff should know about those needs, free text, or null
 */
public record Contact(
        String name,
        String email,
        String phone,
        String language,
        String postalAddress,
        String preferredContact,
        String accessibilityNeeds,
        String accessibilityNote) {

    public static final String EMAIL = "email";
    public static final String POST = "post";
    public static final String PHONE = "phone";

    /** Large print is the accessibility need letters honour themselves. */
    public static final String LARGE_PRINT = "large-print";

    public Contact {
        if (preferredContact == null || preferredContact.isBlank()) {
            preferredContact = defaultPreferred(email, postalAddress);
        }
    }

    /** A complainant reached by e-mail or phone only, as recorded before postal addresses were taken. */
    public Contact(String name, String email, String phone, String language) {
        this(name, email, phone, language, null, null, null, null);
    }

    /** The way a complainant who named none is reached: e-mail if given, else post if an address is, else phone. */
    public static String defaultPreferred(String email, String postalAddress) {
        if (present(email)) {
            return EMAIL;
        }
        return present(postalAddress) ? POST : PHONE;
    }

    public boolean largePrint() {
        return LARGE_PRINT.equals(accessibilityNeeds);
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
