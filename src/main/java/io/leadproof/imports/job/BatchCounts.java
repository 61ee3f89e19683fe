package io.leadproof.imports.job;

/** What one batch of rows did (landed: new records; duplicates: rows matching a record already there),
 * added to the job's counts in the batch's transaction. */
public record BatchCounts(long read, long landed, long rejected, long duplicates, long blank) {
}
