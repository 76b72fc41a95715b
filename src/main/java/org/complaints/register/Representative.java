package org.complaints.register;

/**
 * Someone who complains on the complainant's behalf (ISO 10002 4.5, 7.2): every communication goes to them as
 * recorded. Whether the complainant's consent to being represented is recorded is kept with them, since a
 * representative without it may not be told what the complaint is about.
 *
 * @param postalAddress lines separated by {@code "\n"}, or null
 * @param relation how they stand to the complainant, in staff's words (e.g. "daughter", "legal guardian")
 */
public record Representative(
        String name, String email, String phone, String postalAddress, String relation, boolean consentRecorded) {

    /** The way the representative is reached: e-mail if they have one, else post, else phone. */
    public String preferredContact() {
        return Contact.defaultPreferred(email, postalAddress);
    }
}
