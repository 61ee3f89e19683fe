package io.leadproof.imports;

import java.util.List;

/** What became of one data row: a typed value ready for the API path, a rejection with its errors, or a blank row. */
public sealed interface RowOutcome<T> {

    long rowNumber();

    /** The row mapped; {@code value} is a LeadInput, {@link ActivityRow} or {@link DealRow}. */
    record Mapped<T>(long rowNumber, T value) implements RowOutcome<T> {
    }

    /** The row is rejected; the errors say every column that was wrong, not only the first. */
    record Rejected<T>(long rowNumber, List<ImportError> errors) implements RowOutcome<T> {
    }

    /** Every cell empty: skipped, counted, not an error. */
    record Blank<T>(long rowNumber) implements RowOutcome<T> {
    }
}
