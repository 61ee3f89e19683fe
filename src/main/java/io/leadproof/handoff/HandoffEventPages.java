package io.leadproof.handoff;

import java.util.List;
import java.util.function.IntSupplier;

import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.eclipse.microprofile.graphql.Type;

import io.leadproof.common.ApiException;
import io.leadproof.common.Cursors;
import io.leadproof.common.PageInfo;
import io.leadproof.handoff.HandoffTypes.EventView;
import io.leadproof.handoff.HandoffTypes.HandoffView;
import io.leadproof.security.Roles;

/** A handoff's audit log as a Relay connection, oldest first; the cursor is the event's sequence number. */
@GraphQLApi
public class HandoffEventPages {

    @Type("HandoffEventConnection")
    @Description("A page of a handoff's audit log, oldest first.")
    public record EventConnection(
            @NonNull @Description("Events with cursors.") List<@NonNull EventEdge> edges,
            @NonNull @Description("Pagination information.") PageInfo pageInfo,
            @Ignore IntSupplier counter) {
    }

    @Type("HandoffEventEdge")
    @Description("An audit log entry and its cursor.")
    public record EventEdge(
            @NonNull @Description("Cursor to pass as `after`.") String cursor,
            @NonNull @Description("The event.") EventView node) {
    }

    @Name("eventsConnection")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP })
    @Description("The handoff's whole audit log in order, page by page.")
    public @NonNull EventConnection eventsConnection(@Source HandoffView handoff,
            @Description("Page size, 1.." + Cursors.MAX_PAGE + " (default " + Cursors.DEFAULT_PAGE + ").") Integer first,
            @Description("Cursor of the last edge of the previous page.") String after) {
        int size = Cursors.pageSize(first);
        var position = Cursors.decode("EVENT_SEQ", after);
        if (position != null && !position.id().equals(handoff.uuid())) {
            throw ApiException.invalid("INVALID_CURSOR", "after is a cursor of another handoff's events");
        }
        List<HandoffEvent> rows = position == null
                ? HandoffEvent.<HandoffEvent>find("handoffId = ?1 order by id", handoff.uuid()).page(0, size + 1).list()
                : HandoffEvent.<HandoffEvent>find("handoffId = ?1 and id > ?2 order by id", handoff.uuid(), Long.parseLong(position.key()))
                        .page(0, size + 1).list();
        var edges = rows.stream().limit(size)
                .map(e -> new EventEdge(Cursors.encode("EVENT_SEQ", String.valueOf(e.id()), handoff.uuid()), EventView.of(e))).toList();
        return new EventConnection(edges, PageInfo.of(edges.stream().map(EventEdge::cursor).toList(), rows.size() > size, after != null),
                () -> Math.toIntExact(HandoffEvent.count("handoffId", handoff.uuid())));
    }

    @Name("totalCount")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP })
    @Description("Events of the handoff, on all pages; counted only when asked.")
    public int totalCount(@Source EventConnection connection) {
        return connection.counter().getAsInt();
    }
}
