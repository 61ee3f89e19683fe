package io.leadproof.common;

import java.math.BigDecimal;

import org.eclipse.microprofile.graphql.Description;

import io.smallrye.graphql.api.CustomScalar;
import io.smallrye.graphql.api.CustomStringScalar;

/** Exact decimal number carried as a string so no client ever parses money into a binary float. */
@CustomScalar("Decimal")
@Description("An exact decimal number serialised as a string, e.g. \"1234.50\". Never a binary float.")
public final class Decimal implements CustomStringScalar {

    private static final int MAX_LENGTH = 40;
    @org.eclipse.microprofile.graphql.Ignore
    private final BigDecimal value;

    @com.fasterxml.jackson.annotation.JsonCreator
    public Decimal(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
            throw new NumberFormatException("Decimal must be a number with at most " + MAX_LENGTH + " characters");
        }
        BigDecimal parsed = new BigDecimal(text.trim());
        // "1e999999999" is short but has a billion digits once written out: bound the digits, not just the text
        if (parsed.scale() > MAX_LENGTH || parsed.precision() - parsed.scale() > MAX_LENGTH) {
            throw new NumberFormatException("Decimal must have at most " + MAX_LENGTH + " digits before and after the point");
        }
        this.value = parsed;
    }

    private Decimal(BigDecimal value) {
        this.value = value;
    }

    public static Decimal of(BigDecimal value) {
        return value == null ? null : new Decimal(value);
    }

    public BigDecimal value() {
        return value;
    }

    @Override
    @com.fasterxml.jackson.annotation.JsonValue
    public String stringValueForSerialization() {
        return value.toPlainString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Decimal d && d.value.compareTo(value) == 0;
    }

    @Override
    public int hashCode() {
        return value.stripTrailingZeros().hashCode();
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
