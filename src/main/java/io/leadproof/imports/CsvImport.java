package io.leadproof.imports;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import io.leadproof.lead.LeadInput;

/**
 * One pass over an uploaded file: {@link CsvRowReader} + {@link RowMapper}, the whole pure part of an import.
 *
 * <p>Use: {@code try (var file = CsvImport.leads(in, options, mapping, resumeAfterRow)) { RowOutcome<LeadInput> r;
 * while ((r = file.next()) != null) { ... } }}. Each outcome carries its row number; the caller batches the
 * {@link RowOutcome.Mapped} values into the API's write path, writes {@link RowOutcome.Rejected} errors (and the
 * errors the write path returns for a row) to an {@link ErrorReportWriter}, and records the row number of the last
 * row of each committed batch to resume from. {@link ImportFileException} ends the file (header problems, mapping
 * that does not fit, bad encoding, an over-long row) and says at which row.
 */
public final class CsvImport<T> implements Closeable {

    private final CsvRowReader reader;
    private final RowMapper<T> mapper;

    private CsvImport(CsvRowReader reader, RowMapper<T> mapper) {
        this.reader = reader;
        this.mapper = mapper;
    }

    public static CsvImport<LeadInput> leads(InputStream in, CsvOptions options, ColumnMapping mapping, long resumeAfterRow) throws IOException {
        return open(in, options, mapping, ImportKind.LEADS, RowShapes.LEAD, resumeAfterRow);
    }

    public static CsvImport<ActivityRow> activities(InputStream in, CsvOptions options, ColumnMapping mapping, long resumeAfterRow) throws IOException {
        return open(in, options, mapping, ImportKind.ACTIVITIES, RowShapes.ACTIVITY, resumeAfterRow);
    }

    public static CsvImport<DealRow> deals(InputStream in, CsvOptions options, ColumnMapping mapping, long resumeAfterRow) throws IOException {
        return open(in, options, mapping, ImportKind.DEALS, RowShapes.DEAL, resumeAfterRow);
    }

    private static <T> CsvImport<T> open(InputStream in, CsvOptions options, ColumnMapping mapping, ImportKind kind,
            RowMapper.RowShape<T> shape, long resumeAfterRow) throws IOException {
        if (mapping.kind() != kind) {
            in.close();
            throw new ImportFileException(ImportErrorCode.INVALID_MAPPING, 0, "mapping '" + mapping.name() + "' is for "
                    + mapping.kind() + ", not " + kind);
        }
        CsvRowReader reader = CsvRowReader.open(in, options, resumeAfterRow);
        try {
            return new CsvImport<>(reader, RowMapper.forHeader(mapping, reader.header(), shape));
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** The next row's outcome, or null at the end of the file. */
    public RowOutcome<T> next() throws IOException {
        CsvRow row = reader.next();
        if (row == null) {
            return null;
        }
        List<ImportError> shapeProblems = reader.problemsOf(row);
        return shapeProblems.isEmpty() ? mapper.map(row) : new RowOutcome.Rejected<>(row.rowNumber(), shapeProblems);
    }

    public DetectedFormat format() {
        return reader.format();
    }

    public List<String> header() {
        return reader.header();
    }

    public List<String> unmappedColumns() {
        return mapper.unmappedColumns();
    }

    /** Per-column counts of the rows this pass read (after the resume point). */
    public List<ColumnReport> columnReports() {
        return mapper.columnReports();
    }

    public long lastRowNumber() {
        return reader.lastRowNumber();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
