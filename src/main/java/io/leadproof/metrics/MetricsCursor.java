package io.leadproof.metrics;

import java.util.Comparator;

import io.leadproof.common.ApiException;
import io.leadproof.common.Cursors;

/** Opaque cursors of metrics groups (sealed like every cursor): the dimension and the group key; the group without a key sorts last. */
final class MetricsCursor {

    /** Orders keys as the pages do: by key, null last. */
    static final Comparator<String> ORDER = Comparator.nullsLast(Comparator.naturalOrder());

    private MetricsCursor() {
    }

    static String encode(MetricsDimension by, String key) {
        return Cursors.seal("metrics|" + by + "|" + (key == null ? "~" : "=" + key));
    }

    /** The key of the last group seen: an array of one element, itself null for the group without a key. */
    static String[] decode(MetricsDimension by, String cursor) {
        if (cursor == null) {
            return null;
        }
        String raw = Cursors.open(cursor);
        String prefix = "metrics|" + by + "|";
        if (raw != null && raw.startsWith(prefix)) {
            String rest = raw.substring(prefix.length());
            if (rest.equals("~")) {
                return new String[] { null };
            }
            if (rest.startsWith("=")) {
                return new String[] { rest.substring(1) };
            }
        }
        throw ApiException.invalid("INVALID_CURSOR", "after is not a cursor of this breakdown");
    }

    static boolean isAfter(String key, String[] position) {
        return position == null || ORDER.compare(key, position[0]) > 0;
    }
}
