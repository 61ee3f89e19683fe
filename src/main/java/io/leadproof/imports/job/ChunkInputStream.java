package io.leadproof.imports.job;

import java.io.InputStream;
import java.util.function.IntFunction;

/** The stored upload read back chunk after chunk (one chunk in memory at a time); {@code load} gives null past the end. */
final class ChunkInputStream extends InputStream {

    private final IntFunction<byte[]> load;
    private byte[] current = new byte[0];
    private int position;
    private int nextSeq;
    private boolean ended;

    ChunkInputStream(IntFunction<byte[]> load) {
        this.load = load;
    }

    private boolean fill() {
        while (!ended && position >= current.length) {
            byte[] next = load.apply(nextSeq++);
            if (next == null) {
                ended = true;
            } else {
                current = next;
                position = 0;
            }
        }
        return position < current.length;
    }

    @Override
    public int read() {
        return fill() ? current[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, n);
        position += n;
        return n;
    }
}
