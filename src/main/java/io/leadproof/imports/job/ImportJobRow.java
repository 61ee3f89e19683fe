package io.leadproof.imports.job;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.leadproof.imports.ImportKind;

/** One import job as stored. */
public record ImportJobRow(UUID id, ImportKind kind, String state, boolean dryRun, String mappingName, String mappingJson,
        String encoding, String separator, long fileBytes, long rowsRead, long rowsLanded, long rowsRejected,
        long rowsDuplicate, long rowsBlank, long resumeAfterRow, long errorLines, String failureCode, String failure,
        String createdBy, Instant createdAt, Instant startedAt, Instant finishedAt) {

    static final String COLUMNS = "id, kind, state, dry_run, mapping_name, cast(mapping as text), encoding, separator, file_bytes,"
            + " rows_read, rows_landed, rows_rejected, rows_duplicate, rows_blank, resume_after_row, error_lines,"
            + " failure_code, failure, created_by, created_at, started_at, finished_at";

    static ImportJobRow of(Object[] r) {
        return new ImportJobRow((UUID) r[0], ImportKind.valueOf((String) r[1]), (String) r[2], (Boolean) r[3], (String) r[4],
                (String) r[5], (String) r[6], (String) r[7], n(r[8]), n(r[9]), n(r[10]), n(r[11]), n(r[12]), n(r[13]),
                n(r[14]), n(r[15]), (String) r[16], (String) r[17], (String) r[18], t(r[19]), t(r[20]), t(r[21]));
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }

    private static Instant t(Object o) {
        return switch (o) {
            case null -> null;
            case Instant i -> i;
            case Timestamp ts -> ts.toInstant();
            case OffsetDateTime odt -> odt.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp type " + o.getClass());
        };
    }

    public boolean finished() {
        return "SUCCEEDED".equals(state) || "FAILED".equals(state);
    }
}
