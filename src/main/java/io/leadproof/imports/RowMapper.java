package io.leadproof.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.leadproof.common.AttributeInput;

/**
 * Maps the cells of one row to typed field values under a {@link ColumnMapping}, and counts per column what it saw.
 *
 * <p>Contract: built for one file's header ({@link #forHeader}), which fails with {@link ImportFileException} when the
 * mapping is invalid, names a column the file lacks, or a mapped header is in the file twice. {@link #map} takes a
 * row of the header's width and returns {@link RowOutcome.Mapped} with the value the kind's {@link RowShape} builds,
 * {@link RowOutcome.Rejected} with one error per bad cell, or {@link RowOutcome.Blank}. A blank or placeholder cell is
 * unknown (null), never an error unless the field is required. Not thread-safe (it counts); one per reading thread.
 */
public final class RowMapper<T> {

    /** Builds the kind's typed row from field values (indexed by field ordinal) and custom attributes. */
    public interface RowShape<T> {
        T build(Object[] fields, List<AttributeInput> attributes);
    }

    private final List<String> header;
    private final ColumnRule[] rules;
    private final ImportField[] fields;
    private final int[] columnOf;
    private final List<Map<String, String>> aliases = new ArrayList<>();
    private final boolean[] mapped;
    private final Set<String> placeholders = new HashSet<>();
    private final int longestPlaceholder;
    private final CellConverter converter;
    private final RowShape<T> shape;
    private final int fieldCount;
    private final long[] filled;
    private final long[] empty;
    private final long[] placeholderCells;
    private final long[] invalid;
    private final long[] unmappedValues;

    private RowMapper(ColumnMapping mapping, List<String> header, RowShape<T> shape) {
        this.header = List.copyOf(header);
        this.shape = shape;
        this.converter = new CellConverter(new Values(mapping));
        this.fieldCount = mapping.kind().fields().size();
        Map<String, Integer> positions = new HashMap<>();
        Set<String> duplicates = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String key = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (positions.putIfAbsent(key, i) != null) {
                duplicates.add(key);
            }
        }
        rules = mapping.columns().toArray(ColumnRule[]::new);
        fields = new ImportField[rules.length];
        columnOf = new int[rules.length];
        mapped = new boolean[header.size()];
        for (int r = 0; r < rules.length; r++) {
            String key = rules[r].header().strip().toLowerCase(Locale.ROOT);
            Integer at = positions.get(key);
            if (at == null) {
                throw new ImportFileException(ImportErrorCode.COLUMN_NOT_FOUND, 1, "the mapping '" + mapping.name()
                        + "' maps column '" + rules[r].header() + "' but the file has no such column; columns: " + header);
            }
            if (duplicates.contains(key)) {
                throw new ImportFileException(ImportErrorCode.DUPLICATE_COLUMN, 1, "column '" + rules[r].header()
                        + "' appears twice in the header; rename one");
            }
            columnOf[r] = at;
            mapped[at] = true;
            fields[r] = rules[r].field() == null ? null : mapping.kind().field(rules[r].field());
            aliases.add(LenientEnums.aliases(rules[r].values()));
        }
        int longest = 0;
        for (String p : mapping.placeholders()) {
            String key = p.strip().toLowerCase(Locale.ROOT);
            placeholders.add(key);
            longest = Math.max(longest, key.length());
        }
        longestPlaceholder = longest;
        filled = new long[header.size()];
        empty = new long[header.size()];
        placeholderCells = new long[header.size()];
        invalid = new long[header.size()];
        unmappedValues = new long[header.size()];
    }

    public static <T> RowMapper<T> forHeader(ColumnMapping mapping, List<String> header, RowShape<T> shape) {
        List<String> problems = mapping.problems();
        if (!problems.isEmpty()) {
            throw new ImportFileException(ImportErrorCode.INVALID_MAPPING, 0, "mapping '" + mapping.name() + "': "
                    + String.join("; ", problems));
        }
        return new RowMapper<>(mapping, header, shape);
    }

    /** Headers of the file's columns no rule maps (blank headers shown as "column N"). */
    public List<String> unmappedColumns() {
        var result = new ArrayList<String>();
        for (int i = 0; i < header.size(); i++) {
            if (!mapped[i]) {
                result.add(label(i));
            }
        }
        return result;
    }

    /** Counts per column of the rows mapped so far, in the file's column order. */
    public List<ColumnReport> columnReports() {
        var targets = new String[header.size()];
        for (int r = 0; r < rules.length; r++) {
            targets[columnOf[r]] = rules[r].target();
        }
        var result = new ArrayList<ColumnReport>();
        for (int i = 0; i < header.size(); i++) {
            result.add(new ColumnReport(label(i), targets[i], filled[i], empty[i], placeholderCells[i], invalid[i], unmappedValues[i]));
        }
        return result;
    }

    public RowOutcome<T> map(CsvRow row) {
        if (row.isBlank()) {
            return new RowOutcome.Blank<>(row.rowNumber());
        }
        List<String> cells = row.fields();
        Object[] converted = new Object[fieldCount];
        List<AttributeInput> attributes = new ArrayList<>();
        List<ImportError> errors = null;
        for (int r = 0; r < rules.length; r++) {
            int column = columnOf[r];
            String text = cells.get(column).strip();
            ImportField field = fields[r];
            if (text.isEmpty() || isPlaceholder(text)) {
                if (text.isEmpty()) {
                    empty[column]++;
                } else {
                    placeholderCells[column]++;
                }
                if (field != null && field.required()) {
                    errors = add(errors, ImportError.of(row.rowNumber(), label(column), ImportErrorCode.REQUIRED,
                            field.apiName() + " is required" + (text.isEmpty() ? "" : "; '" + text + "' is a placeholder")));
                }
                continue;
            }
            ImportError problem = field != null
                    ? converter.field(field, text, aliases.get(r), converted, row.rowNumber(), label(column))
                    : converter.attribute(rules[r], text, attributes, row.rowNumber(), label(column));
            if (problem == null) {
                filled[column]++;
            } else {
                invalid[column]++;
                errors = add(errors, problem);
            }
        }
        for (int i = 0; i < cells.size(); i++) {
            if (!mapped[i] && !cells.get(i).isBlank()) {
                unmappedValues[i]++;
            }
        }
        if (errors != null) {
            return new RowOutcome.Rejected<>(row.rowNumber(), List.copyOf(errors));
        }
        return new RowOutcome.Mapped<>(row.rowNumber(), shape.build(converted, attributes.isEmpty() ? null : attributes));
    }

    private boolean isPlaceholder(String text) {
        return text.length() <= longestPlaceholder && placeholders.contains(text.toLowerCase(Locale.ROOT));
    }

    private String label(int column) {
        String name = header.get(column);
        return name.isBlank() ? "column " + (column + 1) : name;
    }


    private static List<ImportError> add(List<ImportError> errors, ImportError error) {
        var list = errors == null ? new ArrayList<ImportError>(2) : errors;
        list.add(error);
        return list;
    }
}
