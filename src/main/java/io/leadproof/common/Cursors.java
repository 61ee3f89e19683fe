package io.leadproof.common;

import java.util.UUID;

import io.leadproof.security.CurrentWorkspace;
import io.quarkus.arc.Arc;

/**
 * Opaque keyset cursors: the sort key and id of the last row seen, tagged with the ordering they belong to (so a
 * cursor from one ordering is refused by another instead of skipping rows), sealed for the current workspace
 * ({@link CursorSeal}): a client cannot read them, change them, or use them in another workspace.
 */
public final class Cursors {

    public static final int DEFAULT_PAGE = 20;
    public static final int MAX_PAGE = 100;
    static final String REFUSED = "after is not a cursor of this list, ordering and workspace";

    public record Position(String key, UUID id) {
    }

    private Cursors() {
    }

    public static String encode(String ordering, String key, UUID id) {
        return seal(ordering + "|" + key + "|" + id);
    }

    public static Position decode(String ordering, String cursor) {
        if (cursor == null) {
            return null;
        }
        String raw = open(cursor);
        String[] parts = raw == null ? new String[0] : raw.split("\\|", -1);
        if (parts.length == 3 && parts[0].equals(ordering)) {
            try {
                return new Position(parts[1], UUID.fromString(parts[2]));
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        throw ApiException.invalid("INVALID_CURSOR", REFUSED);
    }

    /** Seals any position for the current workspace (the metrics breakdown's cursors are not keysets). */
    public static String seal(String position) {
        return keys().seal().seal(workspace(), position);
    }

    /** The position sealed into the cursor, or null when it was changed or sealed for another workspace. */
    public static String open(String cursor) {
        return keys().seal().open(workspace(), cursor);
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

    private static CursorKeys keys() {
        return Arc.container().instance(CursorKeys.class).get();
    }

    private static String workspace() {
        return Arc.container().instance(CurrentWorkspace.class).get().id();
    }
}
