package org.complaints.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AddresseeTest {

    @Test
    void theComplainantIsAddressedTheWayTheyPreferWhenNobodyRepresentsThem() {
        Contact contact = new Contact(
                "Ada Lovelace",
                null,
                "+31 20 555 0100",
                "nl",
                "Kade 1\n1011 AB Amsterdam",
                "phone",
                "large-print",
                null);

        Addressee addressee = complaint(contact, null).addressee();

        assertThat(addressee)
                .isEqualTo(new Addressee(
                        "Ada Lovelace",
                        null,
                        "+31 20 555 0100",
                        "Kade 1\n1011 AB Amsterdam",
                        "phone",
                        "nl",
                        false,
                        true));
    }

    @Test
    void aRepresentativeIsAddressedByWhatReachesThemInTheComplainantsLanguage() {
        Contact contact = new Contact("Ada", "ada@example.org", null, "et", null, "email", "plain-language", null);
        Representative byPost = new Representative("Bo", null, "+372 555", "Tee 2\nTallinn", "son", true);
        Representative byPhone = new Representative("Cy", null, "+372 556", null, "guardian", true);
        Representative byEmail = new Representative("Di", "di@example.org", null, "Tee 3", "friend", true);

        assertThat(complaint(contact, byPost).addressee())
                .isEqualTo(new Addressee("Bo", null, "+372 555", "Tee 2\nTallinn", "post", "et", true, false));
        assertThat(complaint(contact, byPhone).addressee().preferredContact()).isEqualTo("phone");
        assertThat(complaint(contact, byEmail).addressee().email()).isEqualTo("di@example.org");
        assertThat(complaint(contact, byEmail).addressee().preferredContact()).isEqualTo("email");
    }

    @Test
    void thePreferredWayDefaultsToEmailThenPostThenPhone() {
        assertThat(new Contact("A", "a@example.org", "1", "en", "Street", null, null, null).preferredContact())
                .isEqualTo("email");
        assertThat(new Contact("A", null, "1", "en", "Street", null, null, null).preferredContact())
                .isEqualTo("post");
        assertThat(new Contact("A", null, "1", "en", null, " ", null, null).preferredContact())
                .isEqualTo("phone");
        assertThat(new Contact("A", "a@example.org", null, "en").preferredContact())
                .isEqualTo("email");
    }

    private static Complaint complaint(Contact contact, Representative representative) {
        return new Complaint(
                1,
                "C-2026-000001",
                ComplaintStage.RECEIVED,
                new Receipt("letter", Instant.EPOCH, "intake", null),
                contact,
                new Subject("Meter", "Wrong bill", null, null),
                new Classification(null, null, null, false),
                new Handling(null, null, null, null, null),
                new Resolution(null, null, null, null, null, null, 0, false),
                new Closure(null, null, null, null),
                null,
                null,
                representative);
    }
}
