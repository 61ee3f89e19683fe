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
    private final Consumer<RowBatch> commit;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private volatile boolean stopped;
    private static final RowBatch END = new RowBatch(null, null);

    ParallelWriters(int writers, String name, KeyGate gate, Consumer<RowBatch> commit) {
        this.gate = gate;
        this.commit = commit;
        for (int i = 0; i < writers; i++) {
            var queue = new ArrayBlockingQueue<RowBatch>(BatchReader.AHEAD);
            queues.add(queue);
            threads.add(Thread.ofPlatform().daemon().name(name + "-" + i).start(() -> work(queue)));
        }
    }

    /** Hands a batch to the writer of its part, waiting while that writer is {@link BatchReader#AHEAD} batches behind. */
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
                try {
                    if (batch.ticket != null && !batch.ticket.awaitTurn(() -> stopped)) {
                        return;
                    }
                    write(batch);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                    stopped = true; // before the gate lets later batches sharing its keys go
                    return;
                } finally {
                    if (batch.ticket != null) {
                        gate.end(batch.ticket);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
            stopped = true;
        }
    }

    private void write(RowBatch batch) throws InterruptedException {
        for (int attempt = 1;; attempt++) {
            try {
                commit.accept(batch);
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
