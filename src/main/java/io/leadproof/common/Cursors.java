package io.leadproof.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * Opaque keyset cursors: the sort key and id of the last row seen, tagged with the ordering they
 * belong to, so a cursor from one ordering is refused by another instead of skipping rows.
 */
public final class Cursors {

    public static final int DEFAULT_PAGE = 20;
    public static final int MAX_PAGE = 100;

    public record Position(String key, UUID id) {
    }

    private Cursors() {
    }

    public static String encode(String ordering, String key, UUID id) {
        String raw = ordering + "|" + key + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static Position decode(String ordering, String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", -1);
            if (parts.length == 3 && parts[0].equals(ordering)) {
                return new Position(parts[1], UUID.fromString(parts[2]));
            }
        } catch (IllegalArgumentException e) {
            // malformed: reported below
        }
        throw ApiException.invalid("INVALID_CURSOR", "after is not a cursor of this list and ordering");
    }

    /** Page size: 1..{@value #MAX_PAGE}, default {@value #DEFAULT_PAGE}. */
    public static int pageSize(Integer first) {
        if (first == null) {
            return DEFAULT_PAGE;
        }
        if (first < 1 || first > MAX_PAGE) {
            throw ApiException.limit("INVALID_PAGE_SIZE", "first must be between 1 and " + MAX_PAGE);
        }
        return first;
    }
}
