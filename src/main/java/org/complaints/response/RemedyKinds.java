package org.complaints.response;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a remedy is (ISO 10002 7.7, 7.9), chosen on the resolution forms. Money is offered as a refund, a
 * compensation or a goodwill gesture, and then its amount must be explicit: the approval limit reads the amount,
 * so an amount typed only in the remedy text would escape it, and the complainant is told which of the three the
 * money is.
 */
public final class RemedyKinds {

    public static final String NONE = "none";
    public static final String REFUND = "refund";
    public static final String COMPENSATION = "compensation";
    public static final String GOODWILL = "goodwill";
    public static final String REPLACEMENT = "replacement-repair";
    public static final String APOLOGY = "apology-other";

    public static final List<String> ALL = List.of(NONE, REFUND, COMPENSATION, GOODWILL, REPLACEMENT, APOLOGY);
    public static final List<String> MONEY = List.of(REFUND, COMPENSATION, GOODWILL);

    /**
     * An amount of money written in words of a currency: "EUR 649", "649 €", "€649,00", "50 euro", "100 TL",
     * "£20", "$15". Plain numbers (order numbers, dates) are not money.
     */
    private static final Pattern CURRENCY_AMOUNT =
            Pattern.compile("(?iu)(?:(?:€|£|\\$|₺|\\b(?:eur|euro|euros|usd|gbp|try|tl)\\b)\\s?\\d)"
                    + "|(?:\\d(?:[\\d.,' ]*\\d)?\\s?(?:€|£|₺|\\$|\\b(?:eur|euro|euros|usd|gbp|try|tl|lira)\\b))");

    private RemedyKinds() {}

    public static boolean isMoney(String kind) {
        return kind != null && MONEY.contains(kind);
    }

    public static boolean mentionsAmount(String text) {
        return text != null && CURRENCY_AMOUNT.matcher(text).find();
    }

    /**
     * The refusals of a remedy kind and amount, each naming its form field: {@code kindField} and
     * {@code amountField} are the form's keys (remedyKind/monetaryRemedy, reviewRemedyKind/reviewMonetaryRemedy).
     */
    static List<String> problems(
            String kind,
            BigDecimal amount,
            String remedyText,
            boolean upheld,
            String kindField,
            String amountField,
            String remedyField) {
        List<String> problems = new ArrayList<>();
        if (!upheld) {
            return problems;
        }
        if (kind != null && !ALL.contains(kind)) {
            problems.add(kindField + ": choose one of " + String.join(", ", ALL));
            return problems;
        }
        boolean hasAmount = amount != null && amount.signum() > 0;
        if (isMoney(kind) && !hasAmount) {
            problems.add(amountField + ": a " + label(kind) + " needs its amount in EUR; the approval limit and "
                    + "the complainant's letter read it from this field");
        }
        if (hasAmount && !isMoney(kind)) {
            problems.add(kindField + ": an amount of money is offered; choose whether it is a refund, a "
                    + "compensation or a goodwill gesture");
        }
        if (!hasAmount && mentionsAmount(remedyText)) {
            problems.add(remedyField + ": the remedy text names an amount of money; choose refund, compensation "
                    + "or goodwill gesture and enter the amount in " + amountField
                    + ", so the approval limit applies to it");
        }
        return problems;
    }

    private static String label(String kind) {
        return GOODWILL.equals(kind) ? "goodwill gesture" : kind;
    }
}
