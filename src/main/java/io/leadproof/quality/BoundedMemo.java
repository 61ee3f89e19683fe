package io.leadproof.quality;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers a pure function's results for the first {@code limit} distinct inputs (null results included). An import
 * repeats a few thousand company names and first names a million times; past the limit (a file of all-distinct values)
 * it computes as before, so memory stays bounded whatever the input.
 */
final class BoundedMemo<T> {

    private static final Object NONE = new Object();

    private final ConcurrentHashMap<String, Object> seen = new ConcurrentHashMap<>();
    private final int limit;
    private final Function<String, T> function;

    BoundedMemo(int limit, Function<String, T> function) {
        this.limit = limit;
        this.function = function;
    }

    @SuppressWarnings("unchecked")
    T apply(String input) {
        if (input == null) {
            return function.apply(null);
        }
        Object known = seen.get(input);
        if (known != null) {
            return known == NONE ? null : (T) known;
        }
        T result = function.apply(input);
        if (seen.size() < limit) {
            seen.put(input, result == null ? NONE : result);
        }
        return result;
    }
}
