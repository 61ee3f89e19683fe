package io.leadproof.scoring.engine;

import java.math.BigDecimal;
import java.util.Locale;

/** Parsing and normalising shared by the validator and the compiler, so that both agree. */
final class Values {
    private Values() {
    }

    /** Trimmed and lower-cased; null when blank. Returns the same instance when nothing changes. */
    static String normalizeText(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed.toLowerCase(Locale.ROOT);
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** A decimal, or null when the text is not a number. */
    static BigDecimal parseDecimal(String value) {
        if (isBlank(value)) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** The constant of an ENUM field named by the value (case-insensitive), or null; UNKNOWN is not a value. */
    static Enum<?> enumConstant(LeadField field, String value) {
        if (isBlank(value)) {
            return null;
        }
        String name = value.strip().toUpperCase(Locale.ROOT);
        if (name.equals(LeadField.UNKNOWN_CONSTANT)) {
            return null;
        }
        for (Enum<?> constant : field.enumType().getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        return null;
    }

    static boolean isCountryCode(String value) {
        String code = value.strip();
        return code.length() == 2 && isAsciiLetter(code.charAt(0)) && isAsciiLetter(code.charAt(1));
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** A domain or a part of one: no spaces, no '@' (it is the part after it), no '/'. */
    static boolean isDomainPart(String value) {
        String part = value.strip();
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '@' || c == '/' || Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    static boolean isDomainField(LeadField field) {
        return field == LeadField.EMAIL_DOMAIN || field == LeadField.COMPANY_DOMAIN;
    }
}
