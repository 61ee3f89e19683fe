package io.leadproof.imports;

import java.util.Map;

/**
 * Where one column of the file goes: a standard field of the import kind, or a custom attribute with a type.
 * Exactly one of {@code field} and {@code attribute} is set.
 *
 * @param header    the column's header text, matched trimmed and case-insensitively
 * @param field     API name of a standard field ({@link ImportKind#field(String)}), e.g. {@code country}
 * @param attribute key of a custom attribute (lead) or property (activity): a letter, then letters, digits or _
 * @param type      type of the custom attribute; null means TEXT. Ignored for standard fields
 * @param values    value aliases applied before conversion, keys matched case-insensitively, e.g. {@code Google → PAID_SEARCH}
 *                  for a source column; may be null
 */
public record ColumnRule(String header, String field, String attribute, AttributeType type, Map<String, String> values) {

    public ColumnRule {
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    public static ColumnRule field(String header, String field) {
        return new ColumnRule(header, field, null, null, null);
    }

    public static ColumnRule field(String header, String field, Map<String, String> values) {
        return new ColumnRule(header, field, null, null, values);
    }

    public static ColumnRule attribute(String header, String key, AttributeType type) {
        return new ColumnRule(header, null, key, type, null);
    }

    public AttributeType typeOrText() {
        return type == null ? AttributeType.TEXT : type;
    }

    /** What the column fills, for reports: the field name, or {@code attribute:<key>}. */
    public String target() {
        return field != null ? field : "attribute:" + attribute;
    }
}
