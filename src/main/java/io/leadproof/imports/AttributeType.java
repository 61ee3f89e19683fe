package io.leadproof.imports;

/**
 * Type of a custom attribute column. Values are stored as text in a canonical form so that filters and breakdowns
 * compare them alike: NUMBER as a plain decimal ({@code 1234.5}), BOOLEAN as {@code true}/{@code false}, DATE as
 * ISO-8601 ({@code 2024-03-31}).
 */
public enum AttributeType {
    TEXT,
    NUMBER,
    BOOLEAN,
    DATE
}
