package io.leadproof.scoring.engine;

import org.eclipse.microprofile.graphql.Description;

import java.util.EnumSet;
import java.util.Set;

import static io.leadproof.scoring.engine.ValueType.BOOLEAN;
import static io.leadproof.scoring.engine.ValueType.ENUM;
import static io.leadproof.scoring.engine.ValueType.NUMBER;
import static io.leadproof.scoring.engine.ValueType.TEXT;

/**
 * Comparison of a lead attribute with a predicate's values. Every operator except IS_NOT_SET is
 * false when the attribute is not set (null, blank, empty list or an UNKNOWN enum constant), so
 * "country NOT_IN [DE, FR]" never knocks out a lead whose country is unknown.
 */
@Description("How a predicate compares a lead attribute with its values.")
public enum Operator {
    @Description("Equal to the single value.") EQUALS("equals", 1, 1, EnumSet.of(TEXT, NUMBER, ENUM, BOOLEAN)),
    @Description("Set and not equal to the single value.") NOT_EQUALS("does not equal", 1, 1, EnumSet.of(TEXT, NUMBER, ENUM, BOOLEAN)),
    @Description("Equal to one of the values.") IN("is in", 1, Integer.MAX_VALUE, EnumSet.of(TEXT, NUMBER, ENUM)),
    @Description("Set and equal to none of the values.") NOT_IN("is not in", 1, Integer.MAX_VALUE, EnumSet.of(TEXT, NUMBER, ENUM)),
    @Description("At least the single value.") GREATER_OR_EQUAL("≥", 1, 1, EnumSet.of(NUMBER)),
    @Description("At most the single value.") LESS_OR_EQUAL("≤", 1, 1, EnumSet.of(NUMBER)),
    @Description("Between the two values, both included.") BETWEEN("between", 2, 2, EnumSet.of(NUMBER)),
    @Description("Contains one of the values, ignoring case.") CONTAINS("contains", 1, Integer.MAX_VALUE, EnumSet.of(TEXT)),
    @Description("Ends with one of the values, ignoring case (domains: '.edu').") ENDS_WITH("ends with", 1, Integer.MAX_VALUE, EnumSet.of(TEXT)),
    @Description("Has a value.") IS_SET("is set", 0, 0, EnumSet.of(TEXT, NUMBER, ENUM, BOOLEAN)),
    @Description("Has no value.") IS_NOT_SET("is not set", 0, 0, EnumSet.of(TEXT, NUMBER, ENUM, BOOLEAN));

    private final String phrase;
    private final int minValues;
    private final int maxValues;
    private final Set<ValueType> validTypes;

    Operator(String phrase, int minValues, int maxValues, Set<ValueType> validTypes) {
        this.phrase = phrase;
        this.minValues = minValues;
        this.maxValues = maxValues;
        this.validTypes = validTypes;
    }

    /** Custom attributes accept every operator; their values are typed by the operator. */
    public boolean isValidFor(ValueType type) {
        return type == ValueType.DYNAMIC || validTypes.contains(type);
    }

    public Set<ValueType> validTypes() {
        return Set.copyOf(validTypes);
    }

    public int minValues() {
        return minValues;
    }

    public int maxValues() {
        return maxValues;
    }

    /** Whether the predicate's values must be numbers whatever the field. */
    public boolean isNumeric() {
        return this == GREATER_OR_EQUAL || this == LESS_OR_EQUAL || this == BETWEEN;
    }

    /** NOT_EQUALS and NOT_IN: true for a set attribute on which the positive operator is false. */
    public boolean isNegated() {
        return this == NOT_EQUALS || this == NOT_IN;
    }

    /** The operator whose result a negated operator inverts; itself otherwise. */
    Operator positive() {
        return switch (this) {
            case NOT_EQUALS -> EQUALS;
            case NOT_IN -> IN;
            default -> this;
        };
    }

    /** Words used in evidence, e.g. "is in". */
    public String phrase() {
        return phrase;
    }
}
