package io.leadproof.imports;

/**
 * One problem of one row, as the error report lists it.
 *
 * @param rowNumber row as a spreadsheet shows it (header = 1); 0 for a problem of the whole file before any row
 * @param column    header of the column, or null when the problem is not one column's
 * @param code      an {@link ImportErrorCode} name, or a code of the lead/activity validation the row went through next
 *                  (e.g. {@code INVALID_EMAIL}), so one report carries both
 * @param message   what is wrong, for a person, naming the allowed values where there is a closed set
 */
public record ImportError(long rowNumber, String column, String code, String message) {

    public static ImportError of(long rowNumber, String column, ImportErrorCode code, String message) {
        return new ImportError(rowNumber, column, code.name(), message);
    }
}
