package org.complaints.improvement;

import java.util.Locale;

/**
 * What a corrective action is about: a complaint category or one product or service. At most one action per
 * subject is open at a time; complaints of that subject link to it instead of opening another.
 */
public record ActionSubject(Dimension dimension, String value) {

    public enum Dimension {
        CATEGORY("category"),
        PRODUCT("product");

        private final String name;

        Dimension(String name) {
            this.name = name;
        }

        /** The name the decision table recurrence-threshold uses for this dimension. */
        public String dmnName() {
            return name;
        }
    }

    public ActionSubject {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A corrective action needs a " + dimension.dmnName());
        }
        value = value.strip();
    }

    public static ActionSubject category(String category) {
        return new ActionSubject(Dimension.CATEGORY, category);
    }

    public static ActionSubject product(String productOrService) {
        return new ActionSubject(Dimension.PRODUCT, productOrService);
    }

    /** The key of the subject in the register, e.g. {@code category:billing}, {@code product:smart meter x2}. */
    public String key() {
        return dimension.dmnName() + ":" + value.toLowerCase(Locale.ROOT);
    }

    public String describe() {
        return dimension == Dimension.CATEGORY ? "category " + value : "product or service '" + value + "'";
    }
}
