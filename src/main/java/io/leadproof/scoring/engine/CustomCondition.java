package io.leadproof.scoring.engine;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A comparison on a custom attribute, typed by use: when every predicate value is a number,
 * EQUALS / IN / ≥ / ≤ / BETWEEN compare numerically with a Number or a numeric String value
 * ("25" equals "25.0"); otherwise values compare as text. A List value matches when any element
 * does (NOT_EQUALS / NOT_IN: when none does).
 */
final class CustomCondition implements Condition {
    private final String key;
    private final Operator op;
    private final Operator positive;
    private final String[] texts;
    private final Set<String> textSet;
    /** Null when some predicate value is not a number, or the operator never compares numbers. */
    private final DecimalConstant[] numbers;
    private final String[] shownValues;
    private final String expectation;

    CustomCondition(String key, Operator op, List<String> values) {
        this.key = key;
        this.op = op;
        this.positive = op.positive();
        this.texts = values.stream().map(Values::normalizeText).toArray(String[]::new);
        this.textSet = texts.length >= 8 ? Set.of(Arrays.stream(texts).distinct().toArray(String[]::new)) : null;
        boolean allNumeric = values.stream().allMatch(v -> Values.parseDecimal(v) != null);
        boolean comparesNumbers = positive != Operator.CONTAINS && positive != Operator.ENDS_WITH;
        this.numbers = allNumeric && comparesNumbers
                ? values.stream().map(v -> new DecimalConstant(Values.parseDecimal(v))).toArray(DecimalConstant[]::new)
                : null;
        this.shownValues = values.stream()
                .map(v -> numbers != null ? Values.parseDecimal(v).toPlainString() : Evidence.quote(v.strip()))
                .toArray(String[]::new);
        this.expectation = Evidence.expectation(op, List.of(shownValues));
    }

    @Override
    public boolean matches(LeadSnapshot lead) {
        Object value = lead.customAttributes().get(key);
        if (!PresenceCondition.isSet(value)) {
            return false;
        }
        return op.isNegated() != (value instanceof List<?> list ? anyElementMatches(list) : scalarMatches(value));
    }

    private boolean anyElementMatches(List<?> list) {
        for (Object element : list) {
            if (PresenceCondition.isSet(element) && scalarMatches(element)) {
                return true;
            }
        }
        return false;
    }

    private boolean scalarMatches(Object value) {
        if (numbers != null) {
            Number number = switch (value) {
                case Number n when DecimalConstant.isComparable(n) -> n;
                case String s -> Values.parseDecimal(s);
                default -> null;
            };
            if (number != null) {
                return Matching.number(positive, numbers, number);
            }
        }
        if (op.isNumeric()) {
            return false;
        }
        String text = Values.normalizeText(value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value));
        return text != null && Matching.text(positive, texts, textSet, text);
    }

    @Override
    public String evidence(LeadSnapshot lead) {
        Object value = lead.customAttributes().get(key);
        String subject = LeadField.CUSTOM.label() + " " + Evidence.quote(key) + " " + Evidence.show(value);
        if (op == Operator.CONTAINS || op == Operator.ENDS_WITH) {
            return subject + " " + op.phrase() + " " + matchedShownValue(value);
        }
        return subject + " " + expectation;
    }

    private String matchedShownValue(Object value) {
        List<?> candidates = value instanceof List<?> list ? list : List.of(value);
        for (Object candidate : candidates) {
            String text = Values.normalizeText(String.valueOf(candidate));
            int hit = text == null ? -1 : Matching.matchingValueIndex(op, texts, text);
            if (hit >= 0) {
                return shownValues[hit];
            }
        }
        return shownValues[0];
    }
}
