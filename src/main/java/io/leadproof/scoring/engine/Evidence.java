package io.leadproof.scoring.engine;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Formatting of the human-readable evidence attached to contributions. */
final class Evidence {
    private static final int MAX_LISTED_VALUES = 5;

    private Evidence() {
    }

    static String quote(String text) {
        return "'" + text + "'";
    }

    /** E.g. "is in [VP, DIRECTOR]", "≥ 50", "between 10 and 50", "equals 'saas'". */
    static String expectation(Operator op, List<String> shownValues) {
        return switch (op) {
            case IS_SET, IS_NOT_SET -> op.phrase();
            case BETWEEN -> "between " + shownValues.get(0) + " and " + shownValues.get(1);
            case IN, NOT_IN -> shownValues.size() > MAX_LISTED_VALUES
                    ? op.phrase() + " a list of " + shownValues.size() + " values"
                    : op.phrase() + " [" + String.join(", ", shownValues) + "]";
            default -> op.phrase() + " " + shownValues.getFirst();
        };
    }

    /** An attribute value as shown in evidence: text quoted, numbers plain, lists bracketed. */
    static String show(Object value) {
        return switch (value) {
            case null -> "none";
            case String text -> quote(text.strip());
            case BigDecimal decimal -> decimal.toPlainString();
            case Enum<?> constant -> constant.name();
            case List<?> list -> list.stream().map(Evidence::show).collect(Collectors.joining(", ", "[", "]"));
            default -> String.valueOf(value);
        };
    }

    /** "90 days", "1 day", "12 hours", "PT1.5S" — whole units where possible. */
    static String duration(Duration duration) {
        if (duration.getNano() == 0) {
            long seconds = duration.getSeconds();
            if (seconds % 86_400 == 0) {
                return plural(seconds / 86_400, "day");
            }
            if (seconds % 3_600 == 0) {
                return plural(seconds / 3_600, "hour");
            }
            if (seconds % 60 == 0) {
                return plural(seconds / 60, "minute");
            }
            return plural(seconds, "second");
        }
        return duration.toString();
    }

    static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
