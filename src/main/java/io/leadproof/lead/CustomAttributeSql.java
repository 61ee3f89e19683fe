package io.leadproof.lead;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import io.leadproof.common.ApiException;
import io.leadproof.lead.CustomAttributeCondition.Operator;
import io.leadproof.lead.CustomAttributeCondition.ValueType;

/**
 * Pure: a custom-attribute condition as a SQL condition on {@code l.custom_attributes} (jsonb of text values) with its
 * parameters. Bad conditions are refused as INVALID_ARGUMENT before any SQL runs.
 */
final class CustomAttributeSql {

    static final int MAX_CONDITIONS = 20;
    static final int MAX_VALUES = 100;

    /** A condition and the values of its placeholders, in order. */
    record Condition(String sql, List<Object> params) {
    }

    private CustomAttributeSql() {
    }

    static List<Condition> of(List<CustomAttributeCondition> conditions) {
        if (conditions.size() > MAX_CONDITIONS) {
            throw invalid("TOO_MANY", "filter.customAttributes takes at most " + MAX_CONDITIONS + " conditions");
        }
        var out = new ArrayList<Condition>();
        for (var c : conditions) {
            out.add(of(c));
        }
        return out;
    }

    static Condition of(CustomAttributeCondition c) {
        CustomAttributeValues.requireKey(c.key(), "filter.customAttributes.key");
        ValueType type = c.type() == null ? ValueType.TEXT : c.type();
        String attr = "(l.custom_attributes ->> ?)";
        return switch (c.op()) {
            case EXISTS -> new Condition("(l.custom_attributes -> ?) is not null", List.of(c.key()));
            case EQ -> compare(c.key(), attr, "=", type, one(c));
            case GT, LT -> {
                if (type == ValueType.BOOLEAN) {
                    throw invalid("INVALID_OPERATOR", "filter.customAttributes: BOOLEAN attributes take EQ, IN or EXISTS");
                }
                yield compare(c.key(), attr, c.op() == Operator.GT ? ">" : "<", type, one(c));
            }
            case IN -> {
                if (c.values() == null || c.values().isEmpty() || c.values().size() > MAX_VALUES) {
                    throw invalid("INVALID_VALUES", "filter.customAttributes.values must hold 1.." + MAX_VALUES + " values for IN");
                }
                var parts = new ArrayList<String>();
                var params = new ArrayList<Object>();
                for (String v : c.values().stream().distinct().toList()) {
                    var one = compare(c.key(), attr, "=", type, v);
                    parts.add(one.sql());
                    params.addAll(one.params());
                }
                yield new Condition("(" + String.join(" or ", parts) + ")", params);
            }
        };
    }

    private static Condition compare(String key, String attr, String op, ValueType type, String raw) {
        Object value = switch (type) {
            case TEXT -> raw;
            case NUMBER -> number(raw);
            case DATE -> date(raw);
            case BOOLEAN -> bool(raw);
        };
        String typed = CustomAttributeValues.typed(attr, type) + (type == ValueType.TEXT ? " collate \"C\"" : "");
        var params = new ArrayList<Object>(Collections.nCopies((int) typed.chars().filter(ch -> ch == '?').count(), key));
        params.add(value);
        return new Condition(typed + " " + op + " ?", params);
    }

    private static String one(CustomAttributeCondition c) {
        if (c.value() == null) {
            throw invalid("INVALID_VALUES", "filter.customAttributes.value is required for " + c.op());
        }
        if (c.value().length() > 1000) {
            throw invalid("TOO_LONG", "filter.customAttributes.value must be at most 1000 characters");
        }
        return c.value();
    }

    private static BigDecimal number(String raw) {
        try {
            return new BigDecimal(raw.strip());
        } catch (NumberFormatException e) {
            throw invalid("INVALID_VALUES", "filter.customAttributes: '" + shorten(raw) + "' is not a decimal number");
        }
    }

    private static String date(String raw) {
        try {
            return LocalDate.parse(raw.strip()).toString();
        } catch (RuntimeException e) {
            throw invalid("INVALID_VALUES", "filter.customAttributes: '" + shorten(raw) + "' is not an ISO date (yyyy-MM-dd)");
        }
    }

    private static String bool(String raw) {
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> "true";
            case "false" -> "false";
            default -> throw invalid("INVALID_VALUES", "filter.customAttributes: a BOOLEAN value is true or false");
        };
    }

    private static String shorten(String s) {
        return s.length() <= 50 ? s : s.substring(0, 50) + "…";
    }

    private static ApiException invalid(String reason, String message) {
        return ApiException.invalid(reason, message);
    }
}
