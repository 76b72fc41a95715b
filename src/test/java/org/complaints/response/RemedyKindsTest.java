package org.complaints.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** When a remedy offers money (ISO 10002 7.7): its kind, its explicit amount, and amounts hidden in the text. */
class RemedyKindsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "We refund EUR 649.",
                "A gesture of 649 € for the trouble",
                "€649,00 back on your card",
                "We send you 25 euro",
                "50 euros as compensation",
                "İade: 100 TL",
                "a voucher of £20",
                "$15 credit"
            })
    void anAmountOfMoneyInTheTextIsFound(String text) {
        assertThat(RemedyKinds.mentionsAmount(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "We replace order 649 within 5 working days.",
                "A new parcel by 2026-12-01",
                "An apology from the branch manager",
                "Europe-wide delivery within 3 days"
            })
    void numbersThatAreNotMoneyAreNot(String text) {
        assertThat(RemedyKinds.mentionsAmount(text)).isFalse();
    }

    @Test
    void moneyNeedsItsAmountAndAnAmountNeedsAMoneyKind() {
        assertThat(RemedyKinds.problems("refund", null, "Refund", true, "k", "a", "r"))
                .singleElement()
                .asString()
                .startsWith("a: a refund needs its amount");
        assertThat(RemedyKinds.problems("goodwill", BigDecimal.ZERO, "Gesture", true, "k", "a", "r"))
                .singleElement()
                .asString()
                .startsWith("a: a goodwill gesture needs its amount");
        assertThat(RemedyKinds.problems("replacement-repair", BigDecimal.TEN, "New one", true, "k", "a", "r"))
                .singleElement()
                .asString()
                .startsWith("k: an amount of money is offered");
        assertThat(RemedyKinds.problems(null, BigDecimal.TEN, "Money back", true, "k", "a", "r"))
                .singleElement()
                .asString()
                .startsWith("k: ");
        assertThat(RemedyKinds.problems("apology-other", null, "We pay EUR 50", true, "k", "a", "r"))
                .singleElement()
                .asString()
                .startsWith("r: the remedy text names an amount of money");
        assertThat(RemedyKinds.problems("cash", null, "x", true, "k", "a", "r"))
                .singleElement()
                .asString()
                .startsWith("k: choose one of none, refund");
    }

    @Test
    void explicitMoneyAndRemediesWithoutMoneyPass() {
        assertThat(RemedyKinds.problems("compensation", new BigDecimal("649.00"), "EUR 649", true, "k", "a", "r"))
                .isEmpty();
        assertThat(RemedyKinds.problems("replacement-repair", null, "A new phone", true, "k", "a", "r"))
                .isEmpty();
        assertThat(RemedyKinds.problems(null, null, "An apology", true, "k", "a", "r"))
                .isEmpty();
        // a not-upheld decision offers nothing, whatever the form still holds
        assertThat(RemedyKinds.problems("refund", null, "EUR 5", false, "k", "a", "r"))
                .isEmpty();
    }
}
