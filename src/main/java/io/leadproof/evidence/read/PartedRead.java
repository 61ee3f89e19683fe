package io.leadproof.evidence.read;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import io.leadproof.common.ReplicaReads;
import io.leadproof.evidence.read.CohortSql.Part;

/**
 * Reads the parts of a cohort at once: part 0 on the caller's connection ({@link ReplicaReads#read}), the others each
 * on a connection of its own ({@link ReplicaReads#readApart}), on virtual threads. Each part is one statement, so each
 * lead is read whole in one snapshot; the parts are separate snapshots, which an analysis of past handoffs does not
 * notice. The rows come back in the statement's order: handoff time, lead, handoff.
 */
final class PartedRead {

    /** A row with its position in the cohort's order. */
    record Keyed<T>(Instant at, UUID leadId, UUID handoffId, T value) implements Comparable<Keyed<T>> {
        private static final Comparator<Keyed<?>> ORDER = Comparator.<Keyed<?>, Instant>comparing(Keyed::at)
                .thenComparing(Keyed::leadId).thenComparing(Keyed::handoffId);

        @Override
        public int compareTo(Keyed<T> other) {
            return ORDER.compare(this, other);
        }
    }

    /** The rows one part collects, and the work that reads them on a connection. */
    record Reading<T>(List<T> rows, ReplicaReads.Work<Void> work) {
    }

    private final ReplicaReads reads;
    private final int parts;

    PartedRead(ReplicaReads reads, int parts) {
        this.reads = reads;
        this.parts = parts;
    }

    <T> List<T> read(Function<Part, Reading<T>> reading) {
        if (parts == 1) {
            Reading<T> all = reading.apply(Part.ALL);
            reads.read(all.work());
            return all.rows();
        }
        List<Reading<T>> readings = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            readings.add(reading.apply(new Part(i, parts)));
        }
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Void>> others = new ArrayList<>();
            for (Reading<T> r : readings.subList(1, parts)) {
                others.add(threads.submit(() -> reads.readApart(r.work())));
            }
            reads.read(readings.getFirst().work());
            for (Future<Void> other : others) {
                other.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading a cohort", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        List<T> all = new ArrayList<>();
        readings.forEach(r -> all.addAll(r.rows()));
        return all;
    }
}
