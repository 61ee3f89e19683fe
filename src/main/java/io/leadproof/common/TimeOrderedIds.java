package io.leadproof.common;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUIDs of version 7 (RFC 9562 §5.7): the Unix time in milliseconds in the first 48 bits, then 74 random bits. Rows
 * keyed by such ids are inserted at the right edge of every index that leads with the id (a lead's id keys its score,
 * verdict, revisions, facts and duplicate keys), instead of on a random page of each: a bulk import of a million leads
 * keeps the pages it writes in the buffer cache (docs/benchmarks.md, "v7"). Row-level security, not the ids' secrecy,
 * guards a lead; an id reveals when its row was written, which {@code createdAt} tells anyway. Ids of one millisecond
 * are in no particular order.
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {
    }

    public static UUID next() {
        return at(System.currentTimeMillis());
    }

    /** An id of the given instant (ms since the epoch). */
    static UUID at(long epochMillis) {
        var random = new byte[10];
        RANDOM.nextBytes(random);
        long high = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);
        long low = 0x8000_0000_0000_0000L | (bits(random, 2) & 0x3FFF_FFFF_FFFF_FFFFL);
        return new UUID(high, low);
    }

    private static long bits(byte[] b, int from) {
        long v = 0;
        for (int i = from; i < from + 8; i++) {
            v = v << 8 | (b[i] & 0xFFL);
        }
        return v;
    }
}
