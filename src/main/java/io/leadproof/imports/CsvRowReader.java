package io.leadproof.imports;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.util.Iterator;
import java.util.List;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;

/**
 * Streams the rows of a CSV upload with FastCSV: never more than one row (at most {@link CsvOptions#maxRowChars()}
 * characters) plus the parser's buffer in memory, whatever the file size.
 *
 * <p>Contract: {@link #open} detects the format ({@link FormatSniffer}) and reads the header (row 1). Each
 * {@link #next()} returns the next data row with its spreadsheet row number, or null at the end of the file. A row
 * whose field count differs from the header's, that has a field over {@link CsvOptions#maxFieldChars()} or bytes
 * invalid in the file's encoding is still returned, with {@link #problemsOf(CsvRow)} naming the problem, so that one
 * bad row never stops the rest. Problems the reader cannot get past throw {@link ImportFileException} with the row
 * number: a row over {@link CsvOptions#maxRowChars()} (found after reading that many characters, not the whole row),
 * a quote never closed.
 *
 * <p>Resuming: {@code open(in, options, resumeAfterRow)} re-reads the file from its start and skips, without
 * returning them, the rows up to and including {@code resumeAfterRow}. An import job that records the last row of
 * each committed batch in the same transaction as the batch resumes after a restart with every row exactly once.
 * Skipping parses the rows (FastCSV has no byte offsets for records): see docs/benchmarks.md for its cost. Pass the
 * format of the first read ({@link #format()}) as declared options so that a resumed read decodes the same way.
 */
public final class CsvRowReader implements Closeable {

    private static final char REPLACEMENT = '\uFFFD';

    private final InputStream stream;
    private final CsvReader<CsvRecord> csv;
    private final Iterator<CsvRecord> records;
    private final DetectedFormat format;
    private final CsvOptions options;
    private final List<String> header;
    private long rowNumber;

    private CsvRowReader(InputStream stream, CsvOptions options) throws IOException {
        this.stream = stream;
        this.options = options;
        var buffered = new BufferedInputStream(stream, Math.max(8192, options.sniffBytes() + 1));
        this.format = FormatSniffer.sniff(buffered, options);
        // bytes invalid in the encoding become U+FFFD, which rejects their row (see problemsOf): the decoder reads
        // ahead, so only the row can tell exactly where they were
        var decoder = format.encoding().charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        var handler = CsvRecordHandler.builder()
                .maxFields(options.maxRowChars())
                .maxFieldSize(options.maxRowChars())
                .maxRecordSize(options.maxRowChars())
                .build();
        this.csv = CsvReader.builder()
                .fieldSeparator(format.separator().character())
                .quoteCharacter('"')
                .commentStrategy(CommentStrategy.NONE)
                .skipEmptyLines(false)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .allowUnclosedQuote(false)
                .detectBomHeader(false)
                .maxBufferSize(options.maxRowChars())
                .build(handler, new InputStreamReader(buffered, decoder));
        this.records = csv.iterator();
        CsvRecord first = fetch();
        if (first == null) {
            throw new ImportFileException(ImportErrorCode.EMPTY_FILE, 0, "the file is empty: it needs a header row and data rows");
        }
        if (first.getFieldCount() > options.maxColumns()) {
            throw new ImportFileException(ImportErrorCode.TOO_MANY_COLUMNS, 1, "the header has " + first.getFieldCount()
                    + " columns; at most " + options.maxColumns() + " are allowed");
        }
        this.header = first.getFields().stream().map(String::strip).toList();
        if (header.stream().allMatch(String::isEmpty)) {
            throw new ImportFileException(ImportErrorCode.EMPTY_FILE, 1, "row 1 must be the header with the column names, but it is blank");
        }
    }

    public static CsvRowReader open(InputStream in, CsvOptions options) throws IOException {
        return open(in, options, 1);
    }

    /** Opens the file and positions it after row {@code resumeAfterRow} (1 = right after the header). */
    public static CsvRowReader open(InputStream in, CsvOptions options, long resumeAfterRow) throws IOException {
        var reader = new CsvRowReader(in, options);
        while (reader.rowNumber < resumeAfterRow) {
            if (reader.fetch() == null) {
                reader.close();
                throw new ImportFileException(ImportErrorCode.RESUME_MISMATCH, reader.rowNumber,
                        "cannot resume after row " + resumeAfterRow + ": the file ends at row " + reader.rowNumber);
            }
        }
        return reader;
    }

    public DetectedFormat format() {
        return format;
    }

    /** Column names of row 1, trimmed. */
    public List<String> header() {
        return header;
    }

    /** Number of the last row read (1 after the header). */
    public long lastRowNumber() {
        return rowNumber;
    }

    /** The next data row, or null at the end of the file. */
    public CsvRow next() throws IOException {
        CsvRecord record = fetch();
        return record == null ? null : new CsvRow(rowNumber, record.getStartingLineNumber(), record.getFields());
    }

    /** Shape problems of a row: field count and field length; empty when the row can be mapped. */
    public List<ImportError> problemsOf(CsvRow row) {
        if (row.isBlank()) {
            return List.of();
        }
        if (row.fields().size() != header.size()) {
            return List.of(ImportError.of(row.rowNumber(), null, ImportErrorCode.COLUMN_COUNT, "row has "
                    + row.fields().size() + " fields but the header has " + header.size() + " columns"));
        }
        for (int i = 0; i < row.fields().size(); i++) {
            String field = row.fields().get(i);
            if (field.length() > options.maxFieldChars()) {
                return List.of(ImportError.of(row.rowNumber(), header.get(i), ImportErrorCode.FIELD_TOO_LONG,
                        "value has " + field.length() + " characters; at most " + options.maxFieldChars() + " are allowed"));
            }
            if (field.indexOf(REPLACEMENT) >= 0) {
                return List.of(ImportError.of(row.rowNumber(), header.get(i), ImportErrorCode.INVALID_ENCODING,
                        "value has bytes that are not valid " + format.encoding() + (format.encoding() == CsvEncoding.UTF_8
                                ? "; if the file is not UTF-8, import it again declaring WINDOWS_1252" : "")));
            }
        }
        return List.of();
    }

    private CsvRecord fetch() throws IOException {
        long attempted = rowNumber + 1;
        try {
            if (!records.hasNext()) {
                return null;
            }
            CsvRecord record = records.next();
            rowNumber = attempted;
            return record;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (CsvParseException e) {
            throw parseProblem(attempted, e);
        }
    }

    private ImportFileException parseProblem(long row, CsvParseException e) {
        String text = String.valueOf(e.getMessage()) + (e.getCause() == null ? "" : " " + e.getCause().getMessage());
        if (text.contains("buffer size") || text.contains("max record size") || text.contains("max field size")) {
            return new ImportFileException(ImportErrorCode.ROW_TOO_LONG, row, "row " + row + " is longer than "
                    + options.maxRowChars() + " characters (a quote left open makes the rest of the file one row); reading stopped there");
        }
        return new ImportFileException(ImportErrorCode.MALFORMED_CSV, row, "row " + row + " cannot be read as CSV: " + e.getMessage());
    }

    @Override
    public void close() throws IOException {
        csv.close();
        stream.close();
    }
}
