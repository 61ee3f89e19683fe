package io.leadproof.guard;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;

/**
 * What the strict scalars accept ({@link StrictScalars}), from a variable and from a literal. A refusal carries a
 * reason and a short message that never repeats the value. Dates follow one policy (docs/limits.md): a {@code Date} or
 * {@code DateTime} input lies within {@value #YEARS} years of today (UTC), either way.
 */
final class ScalarRules {

    /** How far from today a date input may lie, either way. */
    static final int YEARS = 10;
    static final String INVALID_INT = "INVALID_INT";
    static final String INVALID_FLOAT = "INVALID_FLOAT";
    static final String INVALID_DATE = "INVALID_DATE";
    static final String DATE_OUT_OF_RANGE = "DATE_OUT_OF_RANGE";
    private static final Clock CLOCK = Clock.systemUTC();

    private ScalarRules() {
    }

    /** What a scalar accepts from a variable and from a literal; both return the value SmallRye converts further. */
    interface Rule {
        Object value(Object input);

        Object literal(Value<?> input);
    }

    static CoercingParseValueException refused(String reason, String message) {
        return CoercingParseValueException.newCoercingParseValueException().message(message).extensions(Map.of("reason", reason)).build();
    }

    static CoercingParseLiteralException refusedLiteral(String reason, String message) {
        return CoercingParseLiteralException.newCoercingParseLiteralException().message(message).extensions(Map.of("reason", reason)).build();
    }

    static final class IntRule implements Rule {
        static final String MESSAGE = "must be a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;

        @Override
        public Object value(Object input) {
            if (input instanceof Integer i) {
                return i;
            }
            if (input instanceof Long || input instanceof Short || input instanceof Byte || input instanceof java.math.BigInteger) {
                return exact(new BigDecimal(input.toString()));
            }
            if (input instanceof BigDecimal d) {
                return exact(d);
            }
            if (input instanceof Double || input instanceof Float) {
                double d = ((Number) input).doubleValue();
                if (Double.isFinite(d)) {
                    return exact(BigDecimal.valueOf(d));
                }
            }
            throw refused(INVALID_INT, MESSAGE);
        }

        /** Never expands the number: 1e999999999 would otherwise be written out in full. */
        private static int exact(BigDecimal d) {
            if (d.signum() == 0) {
                return 0;
            }
            if (d.precision() - d.scale() <= 10) {
                BigDecimal whole = d.stripTrailingZeros();
                if (whole.scale() <= 0) {
                    try {
                        return whole.intValueExact();
                    } catch (ArithmeticException e) {
                        // out of range: refused below
                    }
                }
            }
            throw refused(INVALID_INT, MESSAGE);
        }

        @Override
        public Object literal(Value<?> input) {
            if (input instanceof IntValue i && i.getValue().bitLength() < 32) {
                return i.getValue().intValue();
            }
            throw refusedLiteral(INVALID_INT, MESSAGE);
        }
    }

    static final class FloatRule implements Rule {
        static final String MESSAGE = "must be a finite number";

        @Override
        public Object value(Object input) {
            if (input instanceof Number n && !(input instanceof BigDecimal d && d.precision() - d.scale() > 308)) {
                double v = n.doubleValue();
                if (Double.isFinite(v)) {
                    return v;
                }
            }
            throw refused(INVALID_FLOAT, MESSAGE);
        }

        @Override
        public Object literal(Value<?> input) {
            BigDecimal d = input instanceof FloatValue f ? f.getValue()
                    : input instanceof IntValue i && i.getValue().bitLength() < 1024 ? new BigDecimal(i.getValue()) : null;
            if (d != null && d.precision() - d.scale() <= 308 && Double.isFinite(d.doubleValue())) {
                return d.doubleValue();
            }
            throw refusedLiteral(INVALID_FLOAT, MESSAGE);
        }
    }

    /** Shared by the two date scalars: a string in the scalar's one format, within the date policy. */
    abstract static class TextDateRule implements Rule {

        @Override
        public Object value(Object input) {
            if (input instanceof String text) {
                String problem = problem(text);
                if (problem == null) {
                    return text;
                }
                throw refused(problem.startsWith("must lie") ? DATE_OUT_OF_RANGE : INVALID_DATE, problem);
            }
            throw refused(INVALID_DATE, format());
        }

        @Override
        public Object literal(Value<?> input) {
            if (input instanceof StringValue s) {
                String problem = problem(s.getValue());
                if (problem == null) {
                    return s.getValue();
                }
                throw refusedLiteral(problem.startsWith("must lie") ? DATE_OUT_OF_RANGE : INVALID_DATE, problem);
            }
            throw refusedLiteral(INVALID_DATE, format());
        }

        private String problem(String text) {
            LocalDate day;
            try {
                day = day(text.length() > 64 ? "" : text);
            } catch (DateTimeParseException e) {
                return format();
            }
            LocalDate today = LocalDate.now(CLOCK);
            LocalDate first = today.minusYears(YEARS);
            LocalDate last = today.plusYears(YEARS);
            if (day.isBefore(first) || day.isAfter(last)) {
                return "must lie between " + first + " and " + last + " (within " + YEARS + " years of today)";
            }
            return null;
        }

        abstract LocalDate day(String text);

        abstract String format();
    }

    static final class DateRule extends TextDateRule {
        @Override
        LocalDate day(String text) {
            return DateTimeFormatter.ISO_LOCAL_DATE.parse(text, LocalDate::from);
        }

        @Override
        String format() {
            return "must be a date written YYYY-MM-DD, e.g. 2025-06-01";
        }
    }

    static final class DateTimeRule extends TextDateRule {
        @Override
        LocalDate day(String text) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, OffsetDateTime::from).withOffsetSameInstant(ZoneOffset.UTC)
                    .toLocalDate();
        }

        @Override
        String format() {
            return "must be a date and time with an offset, e.g. 2025-06-01T10:00:00Z";
        }
    }
}
