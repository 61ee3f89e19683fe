package io.leadproof.lead.read;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import graphql.language.Field;

import io.leadproof.common.Cursors;
import io.leadproof.common.NodeId;

/**
 * {@code Lead.activities(first, after)} compiled: the lead's activities newest first, one more than asked, after the
 * cursor's position — the rows and the keyset condition of {@code ActivityService.newestPerLead}, correlated to the
 * lead {@code l}, read from the index {@code activity_by_lead}. Table alias {@code a}.
 */
final class ActivitiesSql {

    static final String ORDERING = "OCCURRED_AT_DESC"; // ActivityGraphQL's

    static final Map<String, String> ACTIVITY = Map.of(
            "id", NodeId.sql("Activity", "a.id"),
            "clientEventId", "a.client_event_id",
            "type", "a.type",
            "funnelStage", "a.funnel_stage",
            "contentTag", "a.content_tag",
            "occurredAt", "api_datetime(a.occurred_at)",
            "recordedAt", "api_datetime(a.recorded_at)");

    private ActivitiesSql() {
    }

    static String plan(ReadPlanner planner, Field f) {
        planner.resolver("Lead.activities");
        Map<String, Object> args = LeadArguments.of(f, planner.variables(), Set.of("first", "after"));
        int first = Cursors.pageSize((Integer) args.get("first"));
        String after = (String) args.get("after");
        var position = Cursors.decode(ORDERING, after); // refused: the general path answers the error
        Instant key = position == null ? null : Instant.parse(position.key());
        return Connections.plan(planner, f, "ActivityConnection", "ActivityEdge", first, after != null,
                node -> planner.object(Selections.of(node.getSelectionSet(), "Activity", planner.fragments()), "Activity",
                        g -> {
                            if (!g.getArguments().isEmpty()) {
                                throw new AstValues.Unsupported("Activity." + g.getName() + " with arguments");
                            }
                            return planner.column(g, "Activity", ACTIVITY);
                        }),
                (node, positions) -> {
                    String keyset = "";
                    if (position != null) {
                        keyset = " and (a.occurred_at, a.id) < (?, ?)";
                        planner.param(key.atOffset(ZoneOffset.UTC));
                        planner.param(position.id());
                    }
                    return "select " + Connections.columns("a.occurred_at desc, a.id desc", first, node,
                            CursorSealing.position(ORDERING, "a.occurred_at", "a.id"), positions)
                            + " from activity a where a.workspace_id = l.workspace_id and a.lead_id = l.id" + keyset
                            + " order by a.occurred_at desc, a.id desc limit " + (first + 1);
                });
    }
}
