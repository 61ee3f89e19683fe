package io.leadproof.metrics;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;

import io.leadproof.common.ApiException;

/** Opaque cursors of metrics groups: the dimension and the group key; the group without a key sorts last. */
final class MetricsCursor {

    /** Orders keys as the pages do: by key, null last. */
    static final Comparator<String> ORDER = Comparator.nullsLast(Comparator.naturalOrder());

    private MetricsCursor() {
    }

    static String encode(MetricsDimension by, String key) {
        String raw = "metrics|" + by + "|" + (key == null ? "~" : "=" + key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The key of the last group seen: an array of one element, itself null for the group without a key. */
    static String[] decode(MetricsDimension by, String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String prefix = "metrics|" + by + "|";
            if (raw.startsWith(prefix)) {
                String rest = raw.substring(prefix.length());
                if (rest.equals("~")) {
                    return new String[] { null };
                }
                if (rest.startsWith("=")) {
                    return new String[] { rest.substring(1) };
                }
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ApiException.invalid("INVALID_CURSOR", "after is not a cursor of this breakdown");
    }

    static boolean isAfter(String key, String[] position) {
        return position == null || ORDER.compare(key, position[0]) > 0;
    }
}
