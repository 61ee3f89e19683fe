package io.leadproof.scoring.engine;

import java.util.List;

/**
 * A test on one lead attribute. Values are strings parsed per the field's type: numbers as
 * decimals, enum values by constant name, text trimmed and case-insensitive. {@code customKey}
 * names the attribute when {@code field} is CUSTOM and must be null otherwise.
 * Not checked on construction: {@link CriteriaValidator} reports what is wrong.
 */
public record Predicate(LeadField field, String customKey, Operator op, List<String> values) {

    public Predicate {
        values = Lists.immutableCopyAllowingNulls(values);
    }

    public static Predicate of(LeadField field, Operator op, String... values) {
        return new Predicate(field, null, op, List.of(values));
    }

    public static Predicate custom(String key, Operator op, String... values) {
        return new Predicate(LeadField.CUSTOM, key, op, List.of(values));
    }
}
