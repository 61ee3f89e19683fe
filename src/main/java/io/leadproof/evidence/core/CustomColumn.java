package io.leadproof.evidence.core;

import io.leadproof.scoring.engine.LeadField;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One custom attribute across the cohort, typed on the fly: NUMBER when every value is a number
 * (or a numeric string), BOOLEAN when every value is true/false, TEXT otherwise (and for lists).
 * Text values are trimmed and lower-cased, as rules compare them.
 */
final class CustomColumn {
    private final String key;
    private final ValueCounter text = new ValueCounter();
    /** Null once a value that is not a number was seen. */
    private NumberColumn numbers = new NumberColumn();
    private boolean allBoolean = true;

    CustomColumn(String key) {
        this.key = key;
    }

    void add(Object value, boolean inA) {
        if (value instanceof List<?> list) {
            numbers = null;
            Set<String> distinct = new LinkedHashSet<>();
            for (Object element : list) {
                String normalised = normalise(element);
                if (normalised != null) {
                    distinct.add(normalised);
                }
            }
            text.addEach(distinct, inA);
            return;
        }
        String normalised = normalise(value);
        if (normalised == null) {
            return;
        }
        Double number = switch (value) {
            case Boolean ignored -> null;
            case Number n -> n.doubleValue();
            default -> parse(normalised);
        };
        boolean isBoolean = value instanceof Boolean || normalised.equals("true") || normalised.equals("false");
        allBoolean &= isBoolean;
        if (number == null || isBoolean || number.isNaN() || number.isInfinite()) {
            numbers = null;
        } else if (numbers != null) {
            numbers.add(number, inA);
        }
        text.add(normalised, inA);
    }

    void emit(SignalOptions options, int nA, int nB, List<SignalCount> out) {
        if (numbers != null && numbers.known(true) + numbers.known(false) > 0) {
            numbers.emit(options.quantileBins(),
                    (min, max, lowest, highest) -> new SignalDefinition.NumberRange(LeadField.CUSTOM, key, min, max, lowest, highest),
                    nA, nB, out);
            ValueCounter.add(out, new SignalDefinition.TraitValue(LeadField.CUSTOM, key, null),
                    nA - numbers.known(true), nB - numbers.known(false), nA, nB);
            return;
        }
        boolean bool = allBoolean && !text.multiValued;
        text.emit(v -> new SignalDefinition.TraitValue(LeadField.CUSTOM, key, v),
                bool ? null : new SignalDefinition.OtherValue(LeadField.CUSTOM, key),
                new SignalDefinition.TraitValue(LeadField.CUSTOM, key, null),
                bool ? Integer.MAX_VALUE : options.maxValuesPerTrait(), bool ? 1 : options.minValueSupport(), nA, nB, out);
    }

    private static String normalise(Object value) {
        if (value == null) {
            return null;
        }
        String raw = value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(value);
        String trimmed = raw.strip();
        return trimmed.isEmpty() ? null : trimmed.toLowerCase(Locale.ROOT);
    }

    private static Double parse(String text) {
        char first = text.charAt(0);
        if (!(first >= '0' && first <= '9') && first != '-' && first != '+' && first != '.') {
            return null;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
