package io.leadproof.imports;

/** How a column's text becomes a typed value. */
public enum ValueKind {
    /** Trimmed text, as is. */
    TEXT,
    /** Whole number, with the mapping's decimal separator rules for grouping. */
    INTEGER,
    /** Decimal number with the mapping's decimal separator. */
    DECIMAL,
    /** ISO 3166 alpha-2, alpha-3 or a country name / alias in one of several languages → alpha-2. */
    COUNTRY,
    /** One value of a closed set, matched leniently (case, spaces, dashes) after the column's value aliases. */
    ENUM,
    /** ISO-8601 date-time, date-time without offset, or date, or the mapping's date pattern. */
    TIMESTAMP
}
