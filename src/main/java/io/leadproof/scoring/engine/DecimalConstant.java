package io.leadproof.scoring.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * A predicate's number, prepared so that comparing it with a whole attribute value (employee
 * count) needs no BigDecimal allocation: an integer x compares with t through floor(t) alone.
 */
final class DecimalConstant {
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    final BigDecimal value;
    private final long floor;
    private final boolean integral;
    /** -1 when below Long.MIN_VALUE, +1 when above Long.MAX_VALUE, else 0. */
    private final int beyondLong;

    DecimalConstant(BigDecimal value) {
        this.value = value;
        if (value.compareTo(LONG_MIN) < 0) {
            beyondLong = -1;
        } else if (value.compareTo(LONG_MAX) > 0) {
            beyondLong = 1;
        } else {
            beyondLong = 0;
        }
        BigDecimal floored = value.setScale(0, RoundingMode.FLOOR);
        this.floor = beyondLong == 0 ? floored.longValueExact() : 0;
        this.integral = floored.compareTo(value) == 0;
    }

    /** Sign of (x − this). x must be finite; see {@link #isComparable(Number)}. */
    int compareFrom(Number x) {
        return switch (x) {
            case Integer i -> compareFromLong(i);
            case Long l -> compareFromLong(l);
            case Short s -> compareFromLong(s);
            case Byte b -> compareFromLong(b);
            case BigDecimal d -> d.compareTo(value);
            case BigInteger bi -> new BigDecimal(bi).compareTo(value);
            case Double d -> BigDecimal.valueOf(d).compareTo(value);
            case Float f -> BigDecimal.valueOf(f.doubleValue()).compareTo(value);
            default -> new BigDecimal(x.toString()).compareTo(value);
        };
    }

    private int compareFromLong(long x) {
        if (beyondLong != 0) {
            return -beyondLong;
        }
        if (x != floor) {
            return x < floor ? -1 : 1;
        }
        return integral ? 0 : -1;
    }

    static boolean isComparable(Number x) {
        return !(x instanceof Double d && (d.isNaN() || d.isInfinite()))
                && !(x instanceof Float f && (f.isNaN() || f.isInfinite()));
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
