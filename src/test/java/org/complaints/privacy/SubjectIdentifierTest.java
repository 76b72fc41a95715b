package org.complaints.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.complaints.engine.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * Which identifiers a data-protection request accepts and how it compares them: one of e-mail, phone, references
 * with the name, name with postal address; a name, an address or a reference alone refused, as are two
 * identifiers at once; phone numbers by their digits, names without case and extra spaces, addresses by letters
 * and digits.
 */
class SubjectIdentifierTest {

    @Test
    void eachAcceptedIdentifierNamesItsKind() {
        assertThat(SubjectIdentifier.byEmail(" jan@example.net ").kind()).isEqualTo("email");
        assertThat(SubjectIdentifier.byEmail(" jan@example.net ").email()).isEqualTo("jan@example.net");
        assertThat(SubjectIdentifier.of(null, "+31 (0)20-123.45/67", (String) null, null, null)
                        .kind())
                .isEqualTo("phone");
        SubjectIdentifier byReferences =
                SubjectIdentifier.of(null, null, "cmp-2026-000042, CMP-2026-000043 cmp-2026-000042", "A  Jansen", null);
        assertThat(byReferences.kind()).isEqualTo("reference-and-name");
        assertThat(byReferences.references()).containsExactly("CMP-2026-000042", "CMP-2026-000043");
        assertThat(byReferences.name()).isEqualTo("A Jansen");
        assertThat(SubjectIdentifier.of(null, null, (String) null, "Aaltje Jansen", "Dorpsstraat 12\n1234 AB Ergens")
                        .kind())
                .isEqualTo("name-and-postal-address");
    }

    @Test
    void aWeakMissingOrDoubleIdentifierIsRefusedWithWhatToSend() {
        assertRefused(null, null, null, null, null, "Identify the person by one of");
        assertRefused(null, null, null, "Aaltje Jansen", null, "name: a name alone does not identify");
        assertRefused(null, null, "CMP-2026-000042", null, null, "name: a reference alone");
        assertRefused(null, null, null, null, "Dorpsstraat 12, 1234 AB Ergens", "name: a postal address alone");
        assertRefused("jan@example.net", "+31 20 123 4567", null, null, null, "Give one identifier per request");
        assertRefused(null, "+31 20 123 4567", "CMP-2026-000042", "Jan", null, "Give one identifier per request");
        assertRefused("nonsense", null, null, null, null, "email: give");
        assertRefused(null, "12345", null, null, null, "phone: '12345' is not a phone number");
        assertRefused(null, "call me maybe", null, null, null, "phone:");
        assertRefused(null, null, "42", "Aaltje Jansen", null, "references: '42' is not a complaint reference");
        assertRefused(null, null, null, "Aaltje Jansen", "12", "postalAddress: give the whole postal address");
        assertRefused(null, null, "CMP-2026-000042", "J", null, "name: give the person's name");
        List<String> distinct = new java.util.ArrayList<>();
        for (int i = 0; i < 21; i++) {
            distinct.add("CMP-2026-" + (100000 + i));
        }
        assertThatThrownBy(() -> SubjectIdentifier.of(null, null, distinct, "Aaltje Jansen", null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at most 20 references");
    }

    @Test
    void valuesAreComparedAsPeopleWriteThemDifferently() {
        assertThat(SubjectIdentifier.digits("+31 (0)20-123.45/67")).isEqualTo("+310201234567");
        assertThat(SubjectIdentifier.digits("020 123 4567")).isEqualTo("0201234567");
        SubjectIdentifier person =
                SubjectIdentifier.of(null, null, (String) null, "aaltje  JANSEN", "Dorpsstraat 12, 1234 AB  Ergens");
        assertThat(person.sameName("Aaltje Jansen")).isTrue();
        assertThat(person.sameName("Aaltje Janssen")).isFalse();
        assertThat(person.sameAddress("Dorpsstraat 12\n1234 AB Ergens")).isTrue();
        assertThat(person.sameAddress("Dorpsstraat 14\n1234 AB Ergens")).isFalse();
        assertThat(person.sameAddress(null)).isFalse();
        // the database's pattern lets through what the exact comparison decides, accents and spacing included
        assertThat(SubjectAccess.likeName("İlker  Öztürk")).isEqualTo("%lker%zt%rk");
        assertThat(SubjectAccess.likeName("Jan de Vries")).isEqualTo("jan%de%vr_es");
        assertThat(SubjectAccess.likeName("100%_x")).isEqualTo("100%x");
        assertThat(SubjectAccess.likeAddress("Kerkweg 3a, İzmir")).isEqualTo("%k%e%r%k%w%e%g%3%a%z%m%_%r%");
    }

    @Test
    void theSqlOfAPhoneColumnRemovesWhatTheJavaComparisonRemoves() {
        String sql = SubjectIdentifier.digitsSql("complainant_phone");
        for (String c : List.of(" ", "-", "(", ")", "/", ".")) {
            assertThat(sql).contains("'" + c + "', ''");
        }
        assertThat(sql).startsWith("replace(").contains("complainant_phone");
    }

    private static void assertRefused(
            String email, String phone, String references, String name, String postalAddress, String message) {
        assertThatThrownBy(() -> SubjectIdentifier.of(email, phone, references, name, postalAddress))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(message);
    }
}
