package org.complaints.register;

/**
 * Who every communication about a complaint goes to (ISO 10002 4.5, 7.2): the representative when one is recorded,
 * else the complainant. The language and the need for large print are always the complainant's.
 *
 * @param preferredContact {@code "email"}, {@code "post"} or {@code "phone"}
 * @param representative whether the addressee is a representative rather than the complainant
 */
public record Addressee(
        String name,
        String email,
        String phone,
        String postalAddress,
        String preferredContact,
        String language,
        boolean representative,
        boolean largePrint) {

    static Addressee of(Contact contact, Representative representative) {
        if (representative != null) {
            return new Addressee(
                    representative.name(),
                    representative.email(),
                    representative.phone(),
                    representative.postalAddress(),
                    representative.preferredContact(),
                    contact.language(),
                    true,
                    contact.largePrint());
        }
        return new Addressee(
                contact.name(),
                contact.email(),
                contact.phone(),
                contact.postalAddress(),
                contact.preferredContact(),
                contact.language(),
                false,
                contact.largePrint());
    }
}
