package io.leadproof.scoring.engine;

import java.util.Set;

/** The positive operators on already-normalised values; negation is applied by the caller. */
final class Matching {
    private Matching() {
    }

    /** @param text trimmed, lower-cased, non-empty attribute value */
    static boolean text(Operator positive, String[] values, Set<String> valueSet, String text) {
        return switch (positive) {
            case EQUALS -> text.equals(values[0]);
            case IN -> valueSet != null ? valueSet.contains(text) : indexOfEqual(values, text) >= 0;
            case CONTAINS, ENDS_WITH -> matchingValueIndex(positive, values, text) >= 0;
            default -> false;
        };
    }

    static int matchingValueIndex(Operator positive, String[] values, String text) {
        for (int i = 0; i < values.length; i++) {
            boolean hit = positive == Operator.CONTAINS ? text.contains(values[i])
                    : positive == Operator.ENDS_WITH ? text.endsWith(values[i])
                    : text.equals(values[i]);
            if (hit) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfEqual(String[] values, String text) {
        for (int i = 0; i < values.length; i++) {
            if (values[i].equals(text)) {
                return i;
            }
        }
        return -1;
    }

    /** @param number a finite attribute value */
    static boolean number(Operator positive, DecimalConstant[] values, Number number) {
        return switch (positive) {
            case EQUALS -> values[0].compareFrom(number) == 0;
            case IN -> {
                for (DecimalConstant value : values) {
                    if (value.compareFrom(number) == 0) {
                        yield true;
                    }
                }
                yield false;
            }
            case GREATER_OR_EQUAL -> values[0].compareFrom(number) >= 0;
            case LESS_OR_EQUAL -> values[0].compareFrom(number) <= 0;
            case BETWEEN -> values[0].compareFrom(number) >= 0 && values[1].compareFrom(number) <= 0;
            default -> false;
        };
    }
}
