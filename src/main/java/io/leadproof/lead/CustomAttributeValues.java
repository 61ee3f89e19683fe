package io.leadproof.lead;

import java.util.regex.Pattern;

import io.leadproof.common.ApiException;
import io.leadproof.lead.CustomAttributeCondition.ValueType;

/**
 * Pure: what a stored custom attribute value (text in {@code lead.custom_attributes}) is as a type, the one definition
 * the lead filter ({@link CustomAttributeSql}) and the metrics breakdown by a custom attribute share: TEXT as is, NUMBER
 * a plain decimal, DATE an ISO date (yyyy-MM-dd, compared as text), BOOLEAN exactly true or false. A value of another
 * shape is no value of the type (the filter never matches it).
 */
public final class CustomAttributeValues {

    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    // {0,1} instead of a question mark: the text goes into JDBC statements, where that mark is a placeholder
    private static final String NUMBER = "^-{0,1}[0-9]+(\\.[0-9]+){0,1}$";
    private static final String DATE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

    private CustomAttributeValues() {
    }

    /** A well-formed attribute key, else INVALID_ARGUMENT / INVALID_KEY naming the argument. */
    public static String requireKey(String key, String argument) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw ApiException.invalid("INVALID_KEY", argument + " must be a letter, then letters, digits or underscores (at most 64)");
        }
        return key;
    }

    /**
     * SQL of the value of {@code attr} (an SQL text expression, repeated in the result) as the type: numeric for NUMBER,
     * text otherwise; null when there is no value or it is not of the type.
     */
    public static String typed(String attr, ValueType type) {
        return switch (type) {
            case TEXT -> attr;
            case NUMBER -> "(case when " + attr + " ~ '" + NUMBER + "' then (" + attr + ")::numeric end)";
            case DATE -> "(case when " + attr + " ~ '" + DATE + "' then " + attr + " end)";
            case BOOLEAN -> "(case when " + attr + " in ('true', 'false') then " + attr + " end)";
        };
    }
}
