package io.leadproof.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What a verified bearer token proved, kept until the token's own {@code exp} and never longer. Keyed by the SHA-256 of
 * the whole token string: a token differing by one byte (a forged claim, a broken signature) finds nothing and is
 * verified anew. At most {@code maxSize} entries; when full, expired entries go first, then arbitrary ones, so the cap
 * holds under a flood of distinct tokens. Failed verifications are never kept. Pure: the clock is given.
 */
public final class VerifiedTokens<V> {

    private record Entry<V>(V value, long expiresAtMillis) {
    }

    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final int maxSize;
    private final LongSupplier clockMillis;

    public VerifiedTokens(int maxSize, LongSupplier clockMillis) {
        this.maxSize = maxSize;
        this.clockMillis = clockMillis;
    }

    public boolean enabled() {
        return maxSize > 0;
    }

    /** The value kept for exactly this token while it has not expired; null otherwise (an expired entry is dropped). */
    public V get(String token) {
        if (!enabled()) {
            return null;
        }
        String key = key(token);
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (clockMillis.getAsLong() >= entry.expiresAtMillis()) {
            entries.remove(key, entry);
            return null;
        }
        return entry.value();
    }

    /** Keeps what the token proved until {@code expiresAtMillis} (its {@code exp}); a token already expired is not kept. */
    public void put(String token, V value, long expiresAtMillis) {
        if (!enabled() || clockMillis.getAsLong() >= expiresAtMillis) {
            return;
        }
        if (entries.size() >= maxSize) {
            makeRoom();
        }
        entries.put(key(token), new Entry<>(value, expiresAtMillis));
    }

    public int size() {
        return entries.size();
    }

    private void makeRoom() {
        long now = clockMillis.getAsLong();
        entries.values().removeIf(e -> now >= e.expiresAtMillis());
        Iterator<String> keys = entries.keySet().iterator();
        while (entries.size() >= maxSize && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }

    static String key(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
