package io.leadproof.imports.job;

import java.util.ArrayList;
import java.util.List;

import io.leadproof.imports.ColumnMapping;
import io.leadproof.imports.ImportError;
import io.leadproof.imports.RowOutcome;

/** Rows of an import read since the last commit (filled by {@link BatchReader}, committed by {@link ImportRunner}). */
final class RowBatch {
    final ImportJobRow job;
    final ColumnMapping mapping;
    final List<Object> values = new ArrayList<>();
    final List<Long> rowNumbers = new ArrayList<>();
    final List<ImportError> errors = new ArrayList<>();
    long read;
    long rejected;
    long blank;
    long lastRow;
    /** The slice of the file this batch is (a part of): rows after {@code afterRow} up to {@code lastRow}. */
    long afterRow;
    int part;
    int parts = 1;
    /** The keys its rows claim ({@link ImportParts#keysOf}) and its turn on them. */
    final java.util.Set<String> keys = new java.util.LinkedHashSet<>();
    KeyGate.Ticket ticket;

    RowBatch(ImportJobRow job, ColumnMapping mapping) {
        this.job = job;
        this.mapping = mapping;
        this.lastRow = job == null ? 0 : job.resumeAfterRow();
    }

    void add(RowOutcome<?> row) {
        read++;
        lastRow = row.rowNumber();
        switch (row) {
            case RowOutcome.Mapped<?> m -> {
                values.add(m.value());
                rowNumbers.add(m.rowNumber());
            }
            case RowOutcome.Rejected<?> r -> {
                rejected++;
                errors.addAll(r.errors());
            }
            case RowOutcome.Blank<?> b -> blank++;
        }
    }
}
