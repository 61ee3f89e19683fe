package io.leadproof.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;

import io.leadproof.common.ApiException;
import io.leadproof.lead.CustomAttributeCondition.ValueType;
import io.leadproof.lead.CustomAttributeValues;

/**
 * A breakdown by a custom attribute (docs/metrics.md, "Breakdown by a custom attribute"): the key, the type its values
 * are read as ({@link CustomAttributeValues}, the lead filter's definition) and the bins. A group key is
 * {@code "=" + value} (the value, or a bin's lower bound), {@code "!"} for values not of the type, null without a value.
 */
record MetricsAttribute(String key, ValueType type, BigDecimal binWidth, MetricsInputs.DateBin dateBin) {

    /** Most groups one breakdown may have (docs/limits.md). */
    static final int MAX_GROUPS = 200;
    static final String NOT_OF_TYPE = "!";

    static MetricsAttribute of(MetricsInputs.AttributeInput in) {
        if (in == null) {
            throw ApiException.invalid("ATTRIBUTE_REQUIRED", "by: CUSTOM_ATTRIBUTE needs attribute: {key, type}");
        }
        String key = CustomAttributeValues.requireKey(in.key(), "attribute.key");
        ValueType type = in.type() == null ? ValueType.TEXT : in.type();
        BigDecimal width = in.binWidth() == null ? null : in.binWidth().value();
        if (width != null && (type != ValueType.NUMBER || width.signum() <= 0)) {
            throw ApiException.invalid("INVALID_BIN", "attribute.binWidth is a positive number, for type NUMBER only");
        }
        if (in.dateBin() != null && type != ValueType.DATE) {
            throw ApiException.invalid("INVALID_BIN", "attribute.dateBin is for type DATE only");
        }
        return new MetricsAttribute(key, type, width, in.dateBin());
    }

    /** Joins the attribute's stored text as {@code av.v} to rows of alias (with workspace_id and lead_id); the key is its parameter. */
    String join(String alias) {
        return " join lateral (select l.custom_attributes ->> ? as v from lead l where l.workspace_id = " + alias
                + ".workspace_id and l.id = " + alias + ".lead_id) av on true";
    }

    /** SQL of the group key over {@code av.v}. */
    String group() {
        String typed = CustomAttributeValues.typed("av.v", type);
        String value = switch (type) {
            case NUMBER -> "trim_scale(" + (binWidth == null ? typed : "floor(" + typed + " / " + binWidth.toPlainString() + ") * "
                    + binWidth.toPlainString()) + ")::text";
            case DATE -> switch (dateBin == null ? MetricsInputs.DateBin.DAY : dateBin) {
                case DAY -> typed;
                case MONTH -> "substr(" + typed + ", 1, 8) || '01'";
                case QUARTER -> "substr(" + typed + ", 1, 5) || lpad(((substr(" + typed + ", 6, 2)::int - 1) / 3 * 3 + 1)::text, 2, '0') || '-01'";
                case YEAR -> "substr(" + typed + ", 1, 5) || '01-01'";
            };
            default -> typed;
        };
        return "(case when av.v is null then null when " + typed + " is null then '" + NOT_OF_TYPE + "' else '=' || " + value + " end)";
    }

    /** Page order: values (NUMBER numerically, else by text), then the values not of the type, then no value. */
    Comparator<String> order() {
        Comparator<String> values = type == ValueType.NUMBER
                ? Comparator.comparing(MetricsAttribute::number, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Comparator.naturalOrder())
                : Comparator.naturalOrder();
        return Comparator.nullsLast(Comparator.<String, Boolean>comparing(k -> k.equals(NOT_OF_TYPE))
                .thenComparing((x, y) -> x.equals(NOT_OF_TYPE) ? 0 : values.compare(x, y)));
    }

    private static BigDecimal number(String key) {
        try {
            return new BigDecimal(key.substring(1));
        } catch (NumberFormatException e) {
            return null;  // a cursor of another breakdown: ordered after the numbers, never an error
        }
    }

    /** The exclusive upper bound of the bin a group key starts, or null for single values (and dates that are no day). */
    String upTo(String value) {
        if (binWidth != null) {
            return new BigDecimal(value).add(binWidth).stripTrailingZeros().toPlainString();
        }
        if (type != ValueType.DATE || dateBin == null || dateBin == MetricsInputs.DateBin.DAY) {
            return null;
        }
        try {
            var from = LocalDate.parse(value);
            return (switch (dateBin) {
                case MONTH -> from.plusMonths(1);
                case QUARTER -> from.plusMonths(3);
                default -> from.plusYears(1);
            }).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
