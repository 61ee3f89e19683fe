package io.leadproof.imports;

/**
 * A problem that stops reading the file (rows before it are unaffected): bad encoding, a row over the size limit,
 * a mapping that does not fit the header.
 */
public final class ImportFileException extends RuntimeException {

    private final ImportErrorCode code;
    private final long rowNumber;

    public ImportFileException(ImportErrorCode code, long rowNumber, String message) {
        super(message);
        this.code = code;
        this.rowNumber = rowNumber;
    }

    public ImportErrorCode code() {
        return code;
    }

    /** Row where reading stopped (header = 1), 0 before the header. */
    public long rowNumber() {
        return rowNumber;
    }

    /** The problem as an error-report line. */
    public ImportError toError() {
        return ImportError.of(rowNumber, null, code, getMessage());
    }
}
