package io.leadproof.imports.job;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The writers of one import (issue 17 §1, speed): one thread per part, each committing the batches routed to it in
 * file order, so that the application's work and the database's of two batches overlap on two cores. A batch waits for
 * its turn on the {@link KeyGate} before its transaction begins. A batch that loses a deadlock or a unique-key race to
 * another transaction (the API writing the same leads) is rolled back and written again; any other failure stops
 * every writer and is rethrown by {@link #finish}.
 */
final class ParallelWriters {

    private static final Set<String> RETRIED = Set.of("40P01", "40001", "23505");
    static final int ATTEMPTS = 5;

    private final List<BlockingQueue<RowBatch>> queues = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final KeyGate gate;
    private final int groupRows;
    private final Consumer<List<RowBatch>> commit;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private volatile boolean stopped;
    private static final RowBatch END = new RowBatch(null, null);
    /** Batches a writer's queue holds: enough for a group of {@link io.leadproof.lead.LeadService#PART_CAP} rows. */
    static final int QUEUED = 4;

    /**
     * @param groupRows a writer commits the batches waiting in its queue together, in file order, while their rows stay
     *                  within this many and each one's turn has come ({@link #nextGroup}); 1: each batch alone
     */
    ParallelWriters(int writers, String name, KeyGate gate, int groupRows, Consumer<List<RowBatch>> commit) {
        this.gate = gate;
        this.groupRows = groupRows;
        this.commit = commit;
        for (int i = 0; i < writers; i++) {
            var queue = new ArrayBlockingQueue<RowBatch>(QUEUED);
            queues.add(queue);
            threads.add(Thread.ofPlatform().daemon().name(name + "-" + i).start(() -> work(queue)));
        }
    }

    /** Hands a batch to the writer of its part, waiting while that writer is {@link #QUEUED} batches behind. */
    void submit(RowBatch batch) {
        put(queues.get(batch.part), batch);
        rethrow();
    }

    /** Waits until every batch handed over is written; rethrows the failure that stopped a writer. */
    void finish() {
        queues.forEach(q -> put(q, END));
        threads.forEach(BatchReader::join);
        rethrow();
    }

    /** Gives up (lease lost, failure): the writers stop before their next batch. */
    void stop() {
        stopped = true;
        queues.forEach(BlockingQueue::clear);
        threads.forEach(BatchReader::join);
    }

    private void rethrow() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
    }

    private void put(BlockingQueue<RowBatch> queue, RowBatch batch) {
        try {
            while (!stopped && !queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                // the writer is busy with the batches before
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing", e);
        }
    }

    private void work(BlockingQueue<RowBatch> queue) {
        try {
            while (!stopped) {
                RowBatch batch = queue.poll(100, TimeUnit.MILLISECONDS);
                if (batch == END) {
                    return;
                }
                if (batch == null) {
                    continue;
                }
                List<RowBatch> group = List.of(batch);
                try {
                    if (batch.ticket != null && !batch.ticket.awaitTurn(() -> stopped)) {
                        return;
                    }
                    group = nextGroup(batch, queue);
                    write(group);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                    stopped = true; // before the gate lets later batches sharing its keys go
                    return;
                } finally {
                    group.stream().filter(b -> b.ticket != null).forEach(b -> gate.end(b.ticket));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
            stopped = true;
        }
    }

    /**
     * The batch and those queued after it that can go in the same transaction: in file order, while their rows fit in
     * {@link #groupRows} and each one's turn has come, or comes with the group's earlier batches (rows of one company
     * go to one writer, so consecutive batches of a writer often share a key). A batch waiting for another writer's
     * batch ends the group: a group never waits holding batches of its own, so no two writers can wait on each other.
     * Fewer, larger statements cost less per row (metrics deltas summed over more leads, one pass of each statement
     * and trigger instead of several; docs/benchmarks.md "v11").
     */
    private List<RowBatch> nextGroup(RowBatch first, BlockingQueue<RowBatch> queue) {
        var group = new ArrayList<RowBatch>(QUEUED);
        group.add(first);
        int rows = first.values.size();
        for (RowBatch next; (next = queue.peek()) != null && next != END && rows + next.values.size() <= groupRows
                && (next.ticket == null || next.ticket.readyAfter(tickets(group)));) {
            group.add(queue.remove());
            rows += next.values.size();
        }
        return group;
    }

    private static List<KeyGate.Ticket> tickets(List<RowBatch> group) {
        return group.stream().map(b -> b.ticket).filter(java.util.Objects::nonNull).toList();
    }

    private void write(List<RowBatch> group) throws InterruptedException {
        for (int attempt = 1;; attempt++) {
            try {
                commit.accept(group);
                return;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !retried(e)) {
                    throw e;
                }
                Thread.sleep(20L * attempt);
            }
        }
    }

    static boolean retried(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && RETRIED.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
