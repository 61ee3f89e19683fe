package io.leadproof.imports;

/**
 * Counts of one column over the rows read, for the import report.
 *
 * @param header         the column's header
 * @param target         what it fills ({@link ColumnRule#target()}), or null for an unmapped column
 * @param values         cells with a usable value
 * @param empty          blank cells
 * @param placeholders   cells holding one of the mapping's placeholder values (treated as unknown)
 * @param invalid        cells whose value could not be converted (each also an error of its row)
 * @param unmappedValues non-blank cells of an unmapped column: data the import leaves behind
 */
public record ColumnReport(String header, String target, long values, long empty, long placeholders, long invalid,
        long unmappedValues) {

    /** Sums two reports of the same column, e.g. the counts stored before a resume and those after. */
    public ColumnReport plus(ColumnReport other) {
        return new ColumnReport(header, target, values + other.values, empty + other.empty,
                placeholders + other.placeholders, invalid + other.invalid, unmappedValues + other.unmappedValues);
    }
}
