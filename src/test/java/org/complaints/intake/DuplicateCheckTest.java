package org.complaints.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which product or service names count as similar for the duplicate warning (the database part: WebappsBrowserIT). */
class DuplicateCheckTest {

    @Test
    void theSameThingTypedDifferentlyIsSimilar() {
        assertThat(DuplicateCheck.similar("Central heating service", "central heating"))
                .isTrue();
        assertThat(DuplicateCheck.similar("Broadband", "BROADBAND ")).isTrue();
        assertThat(DuplicateCheck.similar("Energy contract", "contract for energy"))
                .isTrue();
        assertThat(DuplicateCheck.similar("Water meter", "meter reading")).isTrue();
    }

    @Test
    void differentThingsAreNot() {
        assertThat(DuplicateCheck.similar("Broadband", "Energy contract")).isFalse();
        // a common filler word or a short word does not make two products alike
        assertThat(DuplicateCheck.similar("Cleaning service", "Delivery service"))
                .isFalse();
        assertThat(DuplicateCheck.similar("TV box", "TV licence")).isFalse();
        assertThat(DuplicateCheck.similar(null, "Broadband")).isFalse();
        assertThat(DuplicateCheck.similar("  ", "Broadband")).isFalse();
    }
}
