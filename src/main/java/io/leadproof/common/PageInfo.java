package io.leadproof.common;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("Relay pagination information for a connection.")
public record PageInfo(
        @Description("Whether more items follow the last edge.") boolean hasNextPage,
        @Description("Always false: connections page forward only.") boolean hasPreviousPage,
        @Description("Cursor of the first edge, if any.") String startCursor,
        @Description("Cursor of the last edge; pass it as `after` to get the next page.") String endCursor) {

    public static final PageInfo EMPTY = new PageInfo(false, false, null, null);

    /** Page info for a page whose edges have these cursors (in order); {@code afterGiven} says a cursor was passed. */
    public static PageInfo of(java.util.List<String> cursors, boolean hasNextPage, boolean afterGiven) {
        return cursors.isEmpty() ? new PageInfo(false, afterGiven, null, null)
                : new PageInfo(hasNextPage, afterGiven, cursors.getFirst(), cursors.getLast());
    }
}
