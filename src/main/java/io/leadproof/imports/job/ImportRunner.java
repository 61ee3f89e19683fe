package io.leadproof.imports.job;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.leadproof.lead.LeadService;
import io.leadproof.imports.ColumnMapping;
import io.leadproof.imports.CsvEncoding;
import io.leadproof.imports.CsvImport;
import io.leadproof.imports.CsvOptions;
import io.leadproof.imports.CsvSeparator;
import io.leadproof.imports.ImportError;
import io.leadproof.imports.ImportFileException;
import io.leadproof.imports.ImportKind;
import io.leadproof.imports.RowOutcome;
import io.leadproof.security.WorkspaceScope;
import io.quarkus.narayana.jta.QuarkusTransaction;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Works one claimed import job off from its resume point: reads the stored upload with the pure core, hands each
 * batch of mapped rows to the API's batch path and records the batch's counts, errors and last row in the same
 * transaction, so a restarted job lands every row exactly once. A dry run writes the batch in a transaction that is
 * rolled back (the full API validation runs, nothing stays) and records only the counts and errors.
 */
@ApplicationScoped
class ImportRunner {

    @Inject
    WorkspaceScope scope;
    @Inject
    ImportJobStore store;
    @Inject
    ImportBatchWriter writer;
    @Inject
    GrownTables grownTables;
    /** Parallel writers of an import (each slice of the file split into this many parts); 1 writes in file order. */
    @ConfigProperty(name = "leadproof.imports.writers", defaultValue = "2")
    int writers;

    private static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super("lease lost", null, false, false);
        }
    }

    private static final class RolledBack extends RuntimeException {
        final transient ImportBatchWriter.Written written;

        RolledBack(ImportBatchWriter.Written written) {
            super("dry run", null, false, false);
            this.written = written;
        }
    }

    /** @return false when the lease was lost (another pod works the job on) */
    boolean run(String ws, UUID jobId, String owner, long leaseMillis) throws IOException {
        ImportJobRow job = inJob(ws, () -> store.find(jobId)).orElse(null);
        if (job == null || job.finished()) {
            return true;
        }
        ColumnMapping mapping = MappingJson.read(job.mappingJson());
        CsvOptions options = CsvOptions.defaults();
        if (job.encoding() != null) {
            options = options.withEncoding(CsvEncoding.valueOf(job.encoding()));
        }
        if (job.separator() != null) {
            options = options.withSeparator(CsvSeparator.valueOf(job.separator()));
        }
        try (CsvImport<?> file = open(job.kind(), new ChunkInputStream(seq -> inJob(ws, () -> store.chunk(jobId, seq))),
                options, mapping, job.resumeAfterRow())) {
            var format = file.format();
            inJob(ws, () -> {
                store.settleFormat(jobId, format.encoding().name(), format.separator().name());
                return null;
            });
            // slices are split among the writers, each part about one API batch
            int parts = inJob(ws, () -> store.writers(jobId, Math.max(1, writers)));
            var reader = new BatchReader(file, () -> new RowBatch(job, mapping), ImportBatchWriter.cap(job.kind()) * parts);
            Thread thread = Thread.ofPlatform().daemon().name("import-read-" + jobId).start(reader);
            try {
                return write(ws, jobId, owner, leaseMillis, job, parts, reader);
            } finally {
                reader.stop();
                BatchReader.join(thread); // the file is closed only once its reader has stopped
            }
        }
    }

    /**
     * Splits each slice the reader hands over into parts, skips the parts a run before a restart committed, and hands
     * the rest to the parallel writers; false when the lease was lost.
     */
    private boolean write(String ws, UUID jobId, String owner, long leaseMillis, ImportJobRow job, int parts,
            BatchReader reader) throws IOException {
        Set<String> done = inJob(ws, () -> store.doneParts(jobId));
        var gate = new KeyGate();
        var pool = new ParallelWriters(parts, "import-write-" + jobId, gate, groupRows(job),
                group -> commit(ws, owner, leaseMillis, group));
        try {
            long afterRow = job.resumeAfterRow();
            while (true) {
                BatchReader.Item item = reader.next();
                if (item instanceof BatchReader.Rows rows) {
                    RowBatch slice = rows.batch();
                    if (slice.read == 0 && slice.errors.isEmpty()) {
                        continue;
                    }
                    for (RowBatch part : ImportParts.split(slice, afterRow, parts)) {
                        if (!done.contains(afterRow + "/" + part.part)) {
                            part.ticket = gate.register(part.keys);
                            pool.submit(part);
                        }
                    }
                    afterRow = slice.lastRow;
                    continue;
                }
                pool.finish();
                var end = (BatchReader.End) item;
                if (end.error() == null) {
                    inJob(ws, () -> {
                        store.finish(jobId, owner, null, null);
                        return null;
                    });
                } else if (end.error() instanceof ImportFileException e) {
                    inJob(ws, () -> {
                        store.fileFailure(jobId, e.toError());
                        store.finish(jobId, owner, e.code().name(), e.getMessage());
                        return null;
                    });
                } else {
                    throw BatchReader.rethrow(end.error());
                }
                return true;
            }
        } catch (LeaseLost lost) {
            return false;
        } finally {
            pool.stop();
        }
    }

    /** Ends the job as FAILED with {@code code}; rows of committed batches stay. */
    void fail(String ws, UUID jobId, String owner, String code, String message) {
        inJob(ws, () -> {
            store.finish(jobId, owner, code, message);
            return null;
        });
    }

    private static CsvImport<?> open(ImportKind kind, InputStream in, CsvOptions options, ColumnMapping mapping, long resume)
            throws IOException {
        return switch (kind) {
            case LEADS -> CsvImport.leads(in, options, mapping, resume);
            case ACTIVITIES -> CsvImport.activities(in, options, mapping, resume);
            case DEALS -> CsvImport.deals(in, options, mapping, resume);
        };
    }

    /** Rows a writer may commit in one transaction: leads up to one call of the batch path, others batch by batch. */
    private static int groupRows(ImportJobRow job) {
        return job.kind() == ImportKind.LEADS ? LeadService.PART_CAP : 1;
    }

    /**
     * Writes batches of one writer (in file order) in one call of the batch path and records each, all in one
     * transaction: their rows, counts and done markers are kept or lost together; an empty part is recorded too (its
     * slice's marker).
     */
    void commit(String ws, String owner, long leaseMillis, List<RowBatch> group) {
        var values = new ArrayList<Object>();
        group.forEach(b -> values.addAll(b.values));
        ImportBatchWriter.Written written;
        if (group.getFirst().job.dryRun()) {
            try {
                inJob(ws, () -> {
                    throw new RolledBack(writer.write(values));
                });
                throw new IllegalStateException("unreachable");
            } catch (RuntimeException e) {
                written = rolledBack(e);
            }
            var w = written;
            inJob(ws, () -> record(group, w, owner, leaseMillis));
        } else {
            inJob(ws, () -> {
                store.commitWithoutWaitingForDisk();
                return record(group, writer.write(values), owner, leaseMillis);
            });
            inJob(ws, grownTables::analyze); // after the commit: the analyze's lock and time stay out of the batch
        }
    }

    private static ImportBatchWriter.Written rolledBack(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RolledBack r) {
                return r.written;
            }
        }
        throw e;
    }

    /**
     * Records each batch of the group with the errors of its rows. The batch path counts new and matched records for
     * the whole call, not per row: the group's first batch carries them (the job adds every batch's counts in this same
     * transaction, so its totals are exact).
     */
    private Void record(List<RowBatch> group, ImportBatchWriter.Written written, String owner, long leaseMillis) {
        int offset = 0;
        for (RowBatch batch : group) {
            boolean first = batch == group.getFirst();   // not "from == 0": a group may begin with empty parts
            int from = offset;
            int to = offset + batch.values.size();
            var errors = new ArrayList<>(batch.errors);
            var failedRows = new HashSet<Long>();
            for (var error : written.errors()) {
                int index = Integer.parseInt(error.field().get(1));
                if (index < from || index >= to) {
                    continue;
                }
                long rowNumber = batch.rowNumbers.get(index - from);
                String column = error.field().size() > 2 ? batch.mapping.headerFor(error.field().get(2)) : null;
                errors.add(new ImportError(rowNumber, column, error.code().name(), error.message()));
                failedRows.add(rowNumber);
            }
            errors.sort(Comparator.comparingLong(ImportError::rowNumber));
            var counts = new BatchCounts(batch.read, first ? written.landed() : 0, batch.rejected + failedRows.size(),
                    first ? written.duplicates() : 0, batch.blank);
            if (!store.progress(batch.job.id(), owner, leaseMillis, counts, batch, errors)) {
                throw new LeaseLost();
            }
            offset = to;
        }
        return null;
    }

    private <T> T inJob(String ws, Supplier<T> work) {
        return scope.call(ws, () -> QuarkusTransaction.requiringNew().call(work::get));
    }
}
