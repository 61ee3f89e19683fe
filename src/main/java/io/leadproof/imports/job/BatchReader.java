package io.leadproof.imports.job;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.leadproof.imports.CsvImport;
import io.leadproof.imports.RowOutcome;

/**
 * The reading half of an import (issue 17 §1, speed): a thread of its own reads, decodes, maps and batches the rows
 * while the job's thread writes the previous batch through the API path, so parsing and mapping overlap the write on
 * the second core. Batches come out in file order, at most {@link #AHEAD} ahead of the writer; the last item is an
 * {@link End}, carrying the problem that stopped the read, if any. Order, counts and the resume point are unchanged:
 * the writer still commits one batch after the other.
 */
final class BatchReader implements Runnable {

    /** Batches read ahead of the writer: memory stays a few batches whatever the file size. */
    static final int AHEAD = 2;

    /** What the reader hands the writer. */
    sealed interface Item permits Rows, End {
    }

    record Rows(RowBatch batch) implements Item {
    }

    /** The read ended: {@code error} null at the end of the file; {@code lastRow} the last row read. */
    record End(Throwable error, long lastRow) implements Item {
    }

    interface BatchFactory {
        RowBatch next();
    }

    private final CsvImport<?> file;
    private final BatchFactory batches;
    private final int cap;
    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(AHEAD);
    private volatile boolean stopped;

    BatchReader(CsvImport<?> file, BatchFactory batches, int cap) {
        this.file = file;
        this.batches = batches;
        this.cap = cap;
    }

    @Override
    public void run() {
        var batch = batches.next();
        try {
            RowOutcome<?> row;
            while (!stopped && (row = file.next()) != null) {
                batch.add(row);
                if (batch.values.size() >= cap || batch.read >= 4L * cap) {
                    put(new Rows(batch));
                    batch = batches.next();
                }
            }
            put(new Rows(batch));
            put(new End(null, batch.lastRow));
        } catch (Throwable e) {
            put(new Rows(batch)); // the rows before the problem land
            put(new End(e, batch.lastRow));
        }
    }

    /** The next batch or the end, waiting for the reader. */
    Item next() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing", e);
        }
    }

    /** Throws what stopped the read, as it was thrown. */
    static RuntimeException rethrow(Throwable error) throws java.io.IOException {
        if (error instanceof java.io.IOException io) {
            throw io;
        }
        if (error instanceof RuntimeException r) {
            throw r;
        }
        if (error instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(error);
    }

    /** Waits until the reader has stopped (the file is closed only then). */
    static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The writer gives up (lease lost, error): the reader stops at its next row or hand-over. */
    void stop() {
        stopped = true;
        queue.clear();
    }

    private void put(Item item) {
        try {
            while (!stopped && !queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                // the writer is busy with the batches before: wait
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }
}
