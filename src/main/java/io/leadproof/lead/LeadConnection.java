package io.leadproof.lead;

import java.util.List;

import java.util.function.IntSupplier;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.leadproof.common.PageInfo;

@Type("LeadConnection")
@Description("A page of leads (Relay connection).")
public record LeadConnection(
        @NonNull @Description("The leads of this page with their cursors.") List<@NonNull LeadEdge> edges,
        @NonNull @Description("Pagination information.") PageInfo pageInfo,
        @Ignore IntSupplier counter) {

    @Type("LeadEdge")
    @Description("A lead and its cursor.")
    public record LeadEdge(
            @NonNull @Description("Cursor to pass as `after`.") String cursor,
            @NonNull @Description("The lead.") LeadView node) {
    }
}
