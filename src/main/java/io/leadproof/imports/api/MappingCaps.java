package io.leadproof.imports.api;

import io.leadproof.common.UserErrorCode;

import java.util.ArrayList;
import java.util.List;

import io.leadproof.common.UserError;
import io.leadproof.imports.CsvOptions;

/** The bounds of a column mapping's lists (docs/limits.md): checked before anything else is looked at. */
final class MappingCaps {

    /** Most value aliases one column may declare. */
    static final int MAX_VALUES_PER_COLUMN = 500;
    /** Most placeholder values a mapping may declare. */
    static final int MAX_PLACEHOLDERS = 100;

    private MappingCaps() {
    }

    static List<UserError> check(ImportTypes.MappingInput in) {
        var errors = new ArrayList<UserError>();
        if (in.columns() != null && in.columns().size() > CsvOptions.DEFAULT_MAX_COLUMNS) {
            errors.add(UserError.of(UserErrorCode.TOO_MANY, "a mapping has at most " + CsvOptions.DEFAULT_MAX_COLUMNS + " columns", "columns"));
        }
        if (in.placeholders() != null && in.placeholders().size() > MAX_PLACEHOLDERS) {
            errors.add(UserError.of(UserErrorCode.TOO_MANY, "a mapping has at most " + MAX_PLACEHOLDERS + " placeholders", "placeholders"));
        }
        if (in.columns() != null) {
            for (int i = 0; i < in.columns().size(); i++) {
                var column = in.columns().get(i);
                if (column != null && column.values() != null && column.values().size() > MAX_VALUES_PER_COLUMN) {
                    errors.add(UserError.of(UserErrorCode.TOO_MANY, "a column declares at most " + MAX_VALUES_PER_COLUMN + " value aliases",
                            "columns", String.valueOf(i), "values"));
                }
            }
        }
        return errors;
    }
}
