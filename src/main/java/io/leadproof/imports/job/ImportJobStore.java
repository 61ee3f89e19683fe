package io.leadproof.imports.job;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.leadproof.imports.ImportError;
import io.leadproof.imports.ImportKind;
import io.leadproof.security.CurrentWorkspace;

/** The import job rows, their stored upload chunks and error lines; each call runs in the caller's transaction and workspace. */
@ApplicationScoped
public class ImportJobStore {

    @Inject
    EntityManager em;
    @Inject
    CurrentWorkspace workspace;

    public UUID create(ImportKind kind, boolean dryRun, String mappingName, String mappingJson, String encoding,
            String separator, String actor, Instant now) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into import_job (workspace_id, id, kind, state, dry_run, mapping_name, mapping, encoding,"
                + " separator, created_by, created_at) values (?1, ?2, ?3, 'RECEIVING', ?4, ?5, cast(?6 as jsonb), ?7, ?8, ?9, ?10)")
                .setParameter(1, workspace.id()).setParameter(2, id).setParameter(3, kind.name()).setParameter(4, dryRun)
                .setParameter(5, mappingName).setParameter(6, mappingJson).setParameter(7, encoding).setParameter(8, separator)
                .setParameter(9, actor).setParameter(10, now).executeUpdate();
        return id;
    }

    /**
     * The current transaction's commit need not wait for its WAL to reach disk. For a chunk of an upload but the last:
     * the last one's transaction (with {@link #queue}) commits synchronously before the answer, and its flush covers
     * every WAL record before it. For a batch of an import: its rows and the job's progress commit together, so a crash
     * loses both and the resumed import writes the batch again; nobody waits for the answer.
     */
    public void commitWithoutWaitingForDisk() {
        em.unwrap(org.hibernate.Session.class).doWork(io.leadproof.common.AsynchronousCommit::forThisTransaction);
    }

    public void appendChunk(UUID job, int seq, byte[] data) {
        em.createNativeQuery("insert into import_chunk (workspace_id, job_id, seq, data) values (?1, ?2, ?3, ?4)")
                .setParameter(1, workspace.id()).setParameter(2, job).setParameter(3, seq).setParameter(4, data).executeUpdate();
        em.createNativeQuery("update import_job set chunks = chunks + 1, file_bytes = file_bytes + ?3 where workspace_id = ?1 and id = ?2")
                .setParameter(1, workspace.id()).setParameter(2, job).setParameter(3, (long) data.length).executeUpdate();
    }

    /** The encoding and separator the first read settled on, declared to every resumed read. */
    public void settleFormat(UUID job, String encoding, String separator) {
        em.createNativeQuery("update import_job set encoding = ?3, separator = ?4 where workspace_id = ?1 and id = ?2")
                .setParameter(1, workspace.id()).setParameter(2, job).setParameter(3, encoding).setParameter(4, separator)
                .executeUpdate();
    }

    /** The upload is complete: the job may be claimed. */
    public void queue(UUID job) {
        em.createNativeQuery("update import_job set state = 'QUEUED' where workspace_id = ?1 and id = ?2 and state = 'RECEIVING'")
                .setParameter(1, workspace.id()).setParameter(2, job).executeUpdate();
    }

    public void delete(UUID job) {
        em.createNativeQuery("delete from import_job where workspace_id = ?1 and id = ?2")
                .setParameter(1, workspace.id()).setParameter(2, job).executeUpdate();
    }

    /** The chunk's bytes, or null past the last chunk. */
    public byte[] chunk(UUID job, int seq) {
        List<?> rows = em.createNativeQuery("select data from import_chunk where workspace_id = ?1 and job_id = ?2 and seq = ?3")
                .setParameter(1, workspace.id()).setParameter(2, job).setParameter(3, seq).getResultList();
        return rows.isEmpty() ? null : (byte[]) rows.getFirst();
    }

    public Optional<ImportJobRow> find(UUID id) {
        List<?> rows = em.createNativeQuery("select " + ImportJobRow.COLUMNS + " from import_job where workspace_id = ?1 and id = ?2")
                .setParameter(1, workspace.id()).setParameter(2, id).getResultList();
        return rows.stream().findFirst().map(r -> ImportJobRow.of((Object[]) r));
    }

    /**
     * Records one committed batch (a part of a slice of the file): counts added, errors appended, its done marker, the
     * resume point moved over every slice whose parts are all done, lease extended. False when the job is no longer
     * RUNNING under {@code owner} (the caller must then roll its batch back). Parts of different slices may commit in
     * any order; the job row's lock (taken by the counts) orders the resume-point updates.
     */
    public boolean progress(UUID job, String owner, long leaseMillis, BatchCounts counts, RowBatch batch, List<ImportError> errors) {
        int updated = em.createNativeQuery("update import_job set rows_read = rows_read + ?4, rows_landed = rows_landed + ?5,"
                + " rows_rejected = rows_rejected + ?6, rows_duplicate = rows_duplicate + ?7, rows_blank = rows_blank + ?8,"
                + " error_lines = error_lines + ?9, lease_expires_at = now() + make_interval(secs => ?10)"
                + " where workspace_id = ?1 and id = ?2 and lease_owner = ?3 and state = 'RUNNING'")
                .setParameter(1, workspace.id()).setParameter(2, job).setParameter(3, owner).setParameter(4, counts.read())
                .setParameter(5, counts.landed()).setParameter(6, counts.rejected()).setParameter(7, counts.duplicates())
                .setParameter(8, counts.blank()).setParameter(9, (long) errors.size())
                .setParameter(10, leaseMillis / 1000.0).executeUpdate();
        if (updated != 1) {
            return false;
        }
        em.createNativeQuery("insert into import_batch_done (workspace_id, job_id, after_row, part, last_row) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, workspace.id()).setParameter(2, job).setParameter(3, batch.afterRow).setParameter(4, batch.part)
                .setParameter(5, batch.lastRow).executeUpdate();
        advanceResumePoint(job, batch.parts);
        appendErrors(job, errors);
        return true;
    }

    /** Moves the resume point over the slices all of whose parts are done, and forgets their markers. */
    private void advanceResumePoint(UUID job, int parts) {
        long resume = ((Number) em.createNativeQuery("select resume_after_row from import_job where workspace_id = ?1 and id = ?2")
                .setParameter(1, workspace.id()).setParameter(2, job).getSingleResult()).longValue();
        List<?> rows = em.createNativeQuery("select after_row, max(last_row), count(*) from import_batch_done"
                + " where workspace_id = ?1 and job_id = ?2 and after_row >= ?3 group by after_row")
                .setParameter(1, workspace.id()).setParameter(2, job).setParameter(3, resume).getResultList();
        var slices = new java.util.HashMap<Long, long[]>();
        rows.forEach(r -> {
            var a = (Object[]) r;
            slices.put(((Number) a[0]).longValue(), new long[] { ((Number) a[1]).longValue(), ((Number) a[2]).longValue() });
        });
        long next = resume;
        for (long[] slice; (slice = slices.get(next)) != null && slice[1] >= parts;) {
            next = slice[0];
        }
        if (next != resume) {
            em.createNativeQuery("update import_job set resume_after_row = ?3 where workspace_id = ?1 and id = ?2")
                    .setParameter(1, workspace.id()).setParameter(2, job).setParameter(3, next).executeUpdate();
            em.createNativeQuery("delete from import_batch_done where workspace_id = ?1 and job_id = ?2 and after_row < ?3")
                    .setParameter(1, workspace.id()).setParameter(2, job).setParameter(3, next).executeUpdate();
        }
    }

    /**
     * Error lines are numbered by their row ({@code row << 10 | n}), not in commit order, so the report reads in file
     * order whichever part committed first. A row's errors all come from the batch that holds the row.
     */
    private void appendErrors(UUID job, List<ImportError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        var sql = new StringBuilder("insert into import_error (workspace_id, job_id, line, row_number, column_name, code, message) values ");
        for (int i = 0; i < errors.size(); i++) {
            sql.append(i == 0 ? "" : ",").append("(?1, ?2, ?").append(3 + i * 5).append(", ?").append(4 + i * 5).append(", ?")
                    .append(5 + i * 5).append(", ?").append(6 + i * 5).append(", ?").append(7 + i * 5).append(')');
        }
        var q = em.createNativeQuery(sql.toString()).setParameter(1, workspace.id()).setParameter(2, job);
        long previousRow = -1;
        int n = 0;
        for (int i = 0; i < errors.size(); i++) {
            ImportError e = errors.get(i);
            n = e.rowNumber() == previousRow ? n + 1 : 0;
            previousRow = e.rowNumber();
            q.setParameter(3 + i * 5, (e.rowNumber() << 10) | Math.min(n, 1022)).setParameter(4 + i * 5, e.rowNumber())
                    .setParameter(5 + i * 5, e.column()).setParameter(6 + i * 5, e.code()).setParameter(7 + i * 5, e.message());
        }
        q.executeUpdate();
    }

    /** The error of a file-level failure, recorded with the counts of the rows before it, as the job ends. */
    public void fileFailure(UUID job, ImportError error) {
        em.createNativeQuery("update import_job set error_lines = error_lines + 1 where workspace_id = ?1 and id = ?2")
                .setParameter(1, workspace.id()).setParameter(2, job).executeUpdate();
        em.createNativeQuery("insert into import_error (workspace_id, job_id, line, row_number, column_name, code, message)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict do nothing")
                .setParameter(1, workspace.id()).setParameter(2, job).setParameter(3, (error.rowNumber() << 10) | 1023)
                .setParameter(4, error.rowNumber()).setParameter(5, error.column()).setParameter(6, error.code())
                .setParameter(7, error.message()).executeUpdate();
    }

    /** The number of parts of each slice of the job: fixed at its first run. */
    public int writers(UUID job, int configured) {
        em.createNativeQuery("update import_job set writers = coalesce(writers, ?3) where workspace_id = ?1 and id = ?2")
                .setParameter(1, workspace.id()).setParameter(2, job).setParameter(3, configured).executeUpdate();
        return ((Number) em.createNativeQuery("select writers from import_job where workspace_id = ?1 and id = ?2")
                .setParameter(1, workspace.id()).setParameter(2, job).getSingleResult()).intValue();
    }

    /** The parts past the resume point that committed before a restart, as "afterRow/part". */
    public java.util.Set<String> doneParts(UUID job) {
        List<?> rows = em.createNativeQuery("select d.after_row, d.part from import_batch_done d join import_job j"
                + " on j.workspace_id = d.workspace_id and j.id = d.job_id where d.workspace_id = ?1 and d.job_id = ?2"
                + " and d.after_row >= j.resume_after_row").setParameter(1, workspace.id()).setParameter(2, job).getResultList();
        var done = new java.util.HashSet<String>();
        rows.forEach(r -> done.add(((Number) ((Object[]) r)[0]).longValue() + "/" + ((Number) ((Object[]) r)[1]).intValue()));
        return done;
    }

    /** Ends the job (SUCCEEDED, or FAILED with a file-level problem) and drops its stored upload. */
    public void finish(UUID job, String owner, String failureCode, String failure) {
        em.createNativeQuery("update import_job set state = ?4, failure_code = ?5, failure = ?6, finished_at = now(),"
                + " lease_owner = null, lease_expires_at = null where workspace_id = ?1 and id = ?2 and lease_owner = ?3 and state = 'RUNNING'")
                .setParameter(1, workspace.id()).setParameter(2, job).setParameter(3, owner)
                .setParameter(4, failureCode == null ? "SUCCEEDED" : "FAILED").setParameter(5, failureCode).setParameter(6, failure)
                .executeUpdate();
        em.createNativeQuery("delete from import_chunk where workspace_id = ?1 and job_id = ?2")
                .setParameter(1, workspace.id()).setParameter(2, job).executeUpdate();
    }

    /** Error lines after {@code afterLine}, at most {@code limit}, in report order. */
    public List<ImportError> errors(UUID job, long afterLine, int limit) {
        List<?> rows = em.createNativeQuery("select row_number, column_name, code, message from import_error"
                + " where workspace_id = ?1 and job_id = ?2 and line > ?3 order by line limit ?4")
                .setParameter(1, workspace.id()).setParameter(2, job).setParameter(3, afterLine).setParameter(4, limit).getResultList();
        return rows.stream().map(r -> (Object[]) r)
                .map(r -> new ImportError(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3])).toList();
    }
}
