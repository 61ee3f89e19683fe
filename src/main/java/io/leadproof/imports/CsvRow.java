package io.leadproof.imports;

import java.util.List;

/**
 * One record of the file, as read.
 *
 * @param rowNumber the row as a spreadsheet shows it: the header is row 1, the first data row row 2; a quoted field
 *                  with line breaks stays one row, a blank line is a row of its own
 * @param line      the line of the file the row starts on (1-based), for text editors
 * @param fields    the raw field values, untrimmed
 */
public record CsvRow(long rowNumber, long line, List<String> fields) {

    public boolean isBlank() {
        for (String field : fields) {
            if (!field.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
