package io.leadproof.imports;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

/**
 * Writes an import's error report as CSV, one line per error as they come: {@code row,column,code,message}
 * (UTF-8 without BOM is the caller's choice of Writer; CRLF line ends as RFC 4180 says).
 *
 * <p>Cells that a spreadsheet would run as a formula (starting with {@code = + - @}, a tab or a carriage return)
 * get a leading apostrophe: column names and messages echo the uploaded file, which must not be able to plant a
 * formula in the report a colleague opens.
 */
public final class ErrorReportWriter implements Closeable {

    public static final String[] HEADER = {"row", "column", "code", "message"};

    private final CsvWriter csv;
    private long lines;

    public ErrorReportWriter(Writer out) {
        this(out, true);
    }

    /** @param withHeader false for a continuation of a report written in pages */
    public ErrorReportWriter(Writer out, boolean withHeader) {
        this.csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out);
        if (withHeader) {
            csv.writeRecord(HEADER);
        }
    }

    public void write(ImportError error) {
        csv.writeRecord(String.valueOf(error.rowNumber()), defuse(error.column()), defuse(error.code()), defuse(error.message()));
        lines++;
    }

    public void writeAll(Iterable<ImportError> errors) {
        errors.forEach(this::write);
    }

    /** Errors written so far. */
    public long count() {
        return lines;
    }

    static String defuse(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + cell : cell;
    }

    public void flush() throws IOException {
        csv.flush();
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
