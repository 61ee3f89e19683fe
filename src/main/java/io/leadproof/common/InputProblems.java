package io.leadproof.common;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one input object (one row of a batch) as {@link UserError}s, with the
 * field path prefixed, and offers the checks every text and number input goes through.
 */
public final class InputProblems {

    private final List<String> prefix;
    private final List<UserError> errors = new ArrayList<>();

    public InputProblems(String... prefix) {
        this.prefix = List.of(prefix);
    }

    public void add(UserErrorCode code, String message, String field) {
        var path = new ArrayList<>(prefix);
        path.add(field);
        errors.add(new UserError(List.copyOf(path), message, code));
    }

    /** Trims; refuses text over {@code max} characters or with control characters (NUL included). */
    public String text(String value, int max, String field) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            add(UserErrorCode.TOO_LONG, field + " must be at most " + max + " characters", field);
            return null;
        }
        if (hasControlCharacter(trimmed)) {
            add(UserErrorCode.INVALID_CHARACTERS, field + " must not contain control characters", field);
            return null;
        }
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** Whether the text holds a control character other than newline and tab (what [\p{Cntrl}&&[^\n\t]] finds). */
    static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {   // every text field of every row: a loop, not a regex matcher
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
                return true;
            }
        }
        return false;
    }

    /**
     * Money and other amounts in {@code currency}, by the one amount policy ({@link Amounts}): not negative, no more
     * decimals than the currency has (at most 2), at most the currency's maximum.
     */
    public BigDecimal amount(Decimal value, String currency, String field) {
        if (value == null) {
            return null;
        }
        BigDecimal v = value.value();
        int decimals = Amounts.decimals(currency);
        BigDecimal maximum = Amounts.maximum(currency);
        if (v.signum() < 0) {
            add(UserErrorCode.OUT_OF_RANGE, field + " must not be negative", field);
        } else if (v.stripTrailingZeros().scale() > decimals) {
            add(UserErrorCode.TOO_PRECISE, field + " allows at most " + decimals + " decimal places in " + currency, field);
        } else if (v.compareTo(maximum) > 0) {
            add(UserErrorCode.OUT_OF_RANGE, field + " must be at most " + maximum.toPlainString() + " " + currency, field);
        } else {
            return v.setScale(2, java.math.RoundingMode.UNNECESSARY);
        }
        return null;
    }

    public Integer range(Integer value, int min, int max, String field) {
        if (value != null && (value < min || value > max)) {
            add(UserErrorCode.OUT_OF_RANGE, field + " must be between " + min + " and " + max, field);
            return null;
        }
        return value;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<UserError> errors() {
        return List.copyOf(errors);
    }
}
