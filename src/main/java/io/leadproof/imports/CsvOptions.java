package io.leadproof.imports;

/**
 * How to read a CSV upload, and the limits that protect the reader.
 *
 * @param encoding       declared encoding, or null to detect it (see {@link FormatSniffer})
 * @param separator      declared separator, or null to sniff it from the header row
 * @param maxColumns     most columns a header may have; more fails the file ({@code TOO_MANY_COLUMNS})
 * @param maxFieldChars  most characters in one field; a longer field rejects its row ({@code FIELD_TOO_LONG})
 * @param maxRowChars    most characters in one row (record); a longer row fails the file ({@code ROW_TOO_LONG})
 *                       after reading at most this many characters of it, so memory stays bounded whatever the input
 * @param sniffBytes     how many leading bytes detection looks at
 */
public record CsvOptions(CsvEncoding encoding, CsvSeparator separator, int maxColumns, int maxFieldChars,
        int maxRowChars, int sniffBytes) {

    public static final int DEFAULT_MAX_COLUMNS = 200;
    public static final int DEFAULT_MAX_FIELD_CHARS = 10_000;
    public static final int DEFAULT_MAX_ROW_CHARS = 1 << 20;
    public static final int DEFAULT_SNIFF_BYTES = 64 * 1024;

    public CsvOptions {
        if (maxColumns < 1 || maxFieldChars < 1 || maxRowChars < maxFieldChars || sniffBytes < 1024) {
            throw new IllegalArgumentException("limits must be positive, maxRowChars >= maxFieldChars, sniffBytes >= 1024");
        }
    }

    /** Detected encoding and separator, default limits. */
    public static CsvOptions defaults() {
        return new CsvOptions(null, null, DEFAULT_MAX_COLUMNS, DEFAULT_MAX_FIELD_CHARS, DEFAULT_MAX_ROW_CHARS, DEFAULT_SNIFF_BYTES);
    }

    public CsvOptions withEncoding(CsvEncoding declared) {
        return new CsvOptions(declared, separator, maxColumns, maxFieldChars, maxRowChars, sniffBytes);
    }

    public CsvOptions withSeparator(CsvSeparator declared) {
        return new CsvOptions(encoding, declared, maxColumns, maxFieldChars, maxRowChars, sniffBytes);
    }

    public CsvOptions withLimits(int columns, int fieldChars, int rowChars) {
        return new CsvOptions(encoding, separator, columns, fieldChars, rowChars, sniffBytes);
    }
}
