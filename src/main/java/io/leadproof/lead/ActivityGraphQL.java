package io.leadproof.lead;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import io.leadproof.common.Cursors;
import io.leadproof.common.PageInfo;
import io.leadproof.lead.ActivityTypes.ActivityConnection;
import io.leadproof.lead.ActivityTypes.ActivityEdge;
import io.leadproof.lead.ActivityTypes.ActivityView;
import io.leadproof.security.Roles;

@GraphQLApi
public class ActivityGraphQL {

    private static final String ORDERING = "OCCURRED_AT_DESC";

    @Inject
    ActivityService activities;

    @Mutation("activitiesRecord")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING })
    @Description("Records up to " + ActivityService.BATCH_CAP + " behaviours; idempotent by clientEventId; scores follow.")
    public @NonNull ActivityTypes.RecordPayload activitiesRecord(@NonNull @Description("The batch.") ActivityTypes.RecordInput input) {
        var outcome = activities.record(input.activities());
        var views = outcome.activities().stream().map(a -> a == null ? null : ActivityView.of(a)).toList();
        return new ActivityTypes.RecordPayload(outcome.recorded(), outcome.duplicates(), views, outcome.userErrors());
    }

    @Name("activities")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP })
    @Description("The lead's behaviours, newest first.")
    public List<@NonNull ActivityConnection> activities(@Source List<LeadView> leads,
            @Description("Page size, 1.." + Cursors.MAX_PAGE + " (default " + Cursors.DEFAULT_PAGE + ").") Integer first,
            @Description("Cursor of the last edge of the previous page.") String after) {
        int size = Cursors.pageSize(first);
        var position = Cursors.decode(ORDERING, after);
        var byLead = activities.newestPerLead(leads.stream().map(LeadView::uuid).toList(), size, position);
        var result = new ArrayList<ActivityConnection>(leads.size());
        for (LeadView lead : leads) {
            var rows = byLead.getOrDefault(lead.uuid(), List.of());
            boolean hasNext = rows.size() > size;
            var edges = rows.stream().limit(size)
                    .map(a -> new ActivityEdge(Cursors.encode(ORDERING, a.occurredAt().toString(), a.id()), ActivityView.of(a)))
                    .toList();
            result.add(new ActivityConnection(edges, PageInfo.of(edges.stream().map(e -> e.cursor()).toList(), hasNext, after != null),
                    lead.uuid()));
        }
        return result;
    }

    @Name("totalCount")
    @Description("The lead's activities on all pages; counted only when asked.")
    public List<@NonNull Integer> totalCount(@Source List<ActivityConnection> connections) {
        var leads = connections.stream().map(ActivityConnection::leadUuid).distinct().toList();
        Map<UUID, Long> counts = activities.counts(leads);
        return connections.stream().map(c -> Math.toIntExact(counts.getOrDefault(c.leadUuid(), 0L))).toList();
    }
}
