package io.leadproof.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalQueries;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Conversions of cell text to numbers, dates and booleans under a mapping's declarations. Each returns null when the
 * text is not a value of its kind; the caller turns that into a row error naming the column.
 */
final class Values {


    private final char decimal;
    private final Pattern grouped;
    private final DateTimeFormatter pattern;
    private final ZoneId zone;
    private final String declaredPattern;

    Values(ColumnMapping mapping) {
        this.decimal = mapping.decimalChar();
        String d = Pattern.quote(String.valueOf(decimal));
        String g = "[" + (decimal == '.' ? "," : ".") + " \u00A0\u202F']";
        // grouping only in groups of three, so "1,5" is never read as 15 when the decimal separator is "."
        this.grouped = Pattern.compile("[+-]?(?:\\d{1,3}(?:" + g + "\\d{3})+|\\d{1,30})(?:" + d + "\\d{1,30})?|[+-]?" + d + "\\d{1,30}");
        this.pattern = mapping.datePattern() == null ? null : pattern(mapping.datePattern());
        this.zone = mapping.zone();
        this.declaredPattern = mapping.datePattern();
    }

    char decimalChar() {
        return decimal;
    }

    /** " or dd/MM/yyyy" when the mapping declares a pattern: for error messages. */
    String patternHint() {
        return declaredPattern == null ? " (e.g. 2024-03-31 or 2024-03-31T14:05:00Z)" : " or " + declaredPattern;
    }

    /** A date pattern as declared, but strict (no 31 February) and with {@code yyyy} meaning the year. */
    static DateTimeFormatter pattern(String declared) {
        return DateTimeFormatter.ofPattern(declared.replace('y', 'u'), Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
    }

    BigDecimal decimal(String text) {
        if (isPlainInteger(text)) {
            return new BigDecimal(text);
        }
        if (!grouped.matcher(text).matches()) {
            return null;
        }
        var digits = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == decimal) {
                digits.append('.');
            } else if (Character.isDigit(c) || c == '-' || c == '+') {
                digits.append(c);
            }
        }
        return new BigDecimal(digits.toString());
    }

    private static boolean isPlainInteger(String text) {
        int start = text.startsWith("-") || text.startsWith("+") ? 1 : 0;
        if (text.length() == start || text.length() - start > 30) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    Integer integer(String text) {
        BigDecimal value = decimal(text);
        if (value == null) {
            return null;
        }
        try {
            return value.stripTrailingZeros().intValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** ISO-8601 (offset date-time, local date-time with T or a space, date), else the declared pattern. */
    OffsetDateTime timestamp(String text) {
        try {
            if (text.length() == 10 && text.charAt(4) == '-') {
                return LocalDate.parse(text).atStartOfDay(zone).toOffsetDateTime();
            }
            if (text.length() > 10 && text.charAt(4) == '-' && (text.charAt(10) == 'T' || text.charAt(10) == ' ')) {
                String iso = text.replace(' ', 'T');
                char last = iso.charAt(iso.length() - 1);
                boolean offset = last == 'Z' || iso.lastIndexOf('+') > 10 || iso.lastIndexOf('-') > 10;
                return offset ? OffsetDateTime.parse(iso) : LocalDateTime.parse(iso).atZone(zone).toOffsetDateTime();
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return pattern == null ? null : declared(text);
    }

    LocalDate date(String text) {
        OffsetDateTime at = timestamp(text);
        return at == null ? null : at.atZoneSameInstant(zone).toLocalDate();
    }

    /** One parse, then the richest type the pattern gave (no exception on the good path: 1 M rows go through here). */
    private OffsetDateTime declared(String text) {
        try {
            TemporalAccessor parsed = pattern.parse(text);
            if (parsed.query(TemporalQueries.zone()) != null) {
                return ZonedDateTime.from(parsed).toOffsetDateTime();
            }
            LocalDate date = LocalDate.from(parsed);
            LocalTime time = parsed.query(TemporalQueries.localTime());
            return (time == null ? date.atStartOfDay(zone) : date.atTime(time).atZone(zone)).toOffsetDateTime();
        } catch (DateTimeException e) {
            return null;
        }
    }

    static Boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "t", "x" -> Boolean.TRUE;
            case "false", "no", "n", "0", "f" -> Boolean.FALSE;
            default -> null;
        };
    }
}
