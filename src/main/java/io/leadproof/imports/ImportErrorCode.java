package io.leadproof.imports;

/**
 * Codes of import problems. Row codes reject one row and the import goes on; file codes stop the import
 * (nothing after the failing row is read).
 */
public enum ImportErrorCode {
    // rows
    /** The row has more or fewer fields than the header. */
    COLUMN_COUNT,
    /** A field is longer than {@link CsvOptions#maxFieldChars()}. */
    FIELD_TOO_LONG,
    /** A column that must have a value is empty or a placeholder. */
    REQUIRED,
    INVALID_NUMBER,
    INVALID_DATE,
    INVALID_BOOLEAN,
    /** No allowed value matches, even leniently; the message lists the allowed values. */
    INVALID_ENUM,
    /** Neither an ISO 3166 code nor a known country name. */
    INVALID_COUNTRY,
    /** Bytes that are not valid in the file's encoding (the row is rejected rather than landed garbled). */
    INVALID_ENCODING,

    // files
    EMPTY_FILE,
    /** The header has more columns than {@link CsvOptions#maxColumns()}. */
    TOO_MANY_COLUMNS,
    /** A row is longer than {@link CsvOptions#maxRowChars()}, often a quote left open. */
    ROW_TOO_LONG,
    /** UTF-16 or another encoding the import does not read. */
    UNSUPPORTED_ENCODING,
    /** The CSV syntax is broken beyond one row (e.g. a quote never closed). */
    MALFORMED_CSV,
    /** Two header cells have the same name (case-insensitively) and one of them is mapped. */
    DUPLICATE_COLUMN,
    /** The mapping names a column the file does not have. */
    COLUMN_NOT_FOUND,
    /** A column the import kind needs is not mapped. */
    REQUIRED_COLUMN_UNMAPPED,
    /** The mapping itself is wrong (unknown field, bad pattern…). */
    INVALID_MAPPING,
    /** The resume point does not fit the file (e.g. the file has fewer rows). */
    RESUME_MISMATCH
}
