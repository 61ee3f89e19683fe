package io.leadproof.handoff;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.leadproof.common.ApiException;
import io.leadproof.common.Cursors;
import io.leadproof.common.PageInfo;
import io.leadproof.common.RequestReads;
import io.leadproof.handoff.HandoffTypes.Assignment;
import io.leadproof.handoff.HandoffTypes.EventView;
import io.leadproof.handoff.HandoffTypes.HandoffConnection;
import io.leadproof.handoff.HandoffTypes.HandoffEdge;
import io.leadproof.handoff.HandoffTypes.HandoffView;
import io.leadproof.lead.LeadService;
import io.leadproof.lead.LeadView;
import io.leadproof.security.CurrentWorkspace;
import io.leadproof.security.Roles;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.graphql.api.Nullable;

/** Reads of handoffs: the rep's queue, a lead's handoffs, the audit log; and the assignment push. */
@GraphQLApi
public class HandoffQueries {

    private static final String QUEUE_ORDER = "DUE_ASC";
    private static final int EVENTS_CAP = 200;

    @Inject
    Clock clock;
    @Inject
    CurrentWorkspace workspace;
    @Inject
    LeadService leads;
    @Inject
    AssignmentPushes pushes;
    @Inject
    HandoffSla sla;
    @Inject
    RequestReads reads;

    @Query("myHandoffs")
    @RolesAllowed({ Roles.SALES, Roles.ADMIN })
    @Description("The signed-in rep's handoffs, most urgent first.")
    public @NonNull HandoffConnection myHandoffs(
            @Description("Conditions the handoffs must meet.") HandoffFilter filter,
            @io.smallrye.graphql.api.Deprecated(reason = "Use filter: {states: ...}. Removed in the next release.")
            @Description("Only these states (default: open ones — PENDING, ACCEPTED, OPPORTUNITY).") @Nullable List<@NonNull HandoffState> status,
            @io.smallrye.graphql.api.Deprecated(reason = "Use filter: {overdue: ...}. Removed in the next release.")
            @Description("Only handoffs still waiting for a first response past their due time (true), or not (false).") Boolean overdue,
            @Description("Page size, 1.." + Cursors.MAX_PAGE + " (default " + Cursors.DEFAULT_PAGE + ").") Integer first,
            @Description("Cursor of the last edge of the previous page.") String after) {
        var asking = HandoffFilter.of(filter, status, overdue);
        return queue(asking.states(), asking.overdue(), first, after);
    }

    private HandoffConnection queue(List<HandoffState> status, Boolean overdue, Integer first, String after) {
        int size = Cursors.pageSize(first);
        // deduplicated: however long the list sent, the IN list is at most the enum's size
        var asked = status == null ? List.<HandoffState> of() : status.stream().filter(java.util.Objects::nonNull).distinct().toList();
        var states = asked.isEmpty() ? List.of(HandoffState.PENDING, HandoffState.ACCEPTED, HandoffState.OPPORTUNITY) : asked;
        Instant now = clock.instant();
        var where = new StringBuilder("owner = :owner and state in :states and imported = false");
        Map<String, Object> params = new HashMap<>(Map.of("owner", workspace.actor(), "states", states));
        if (overdue != null) {
            where.append(overdue ? " and " + HandoffSla.WAITING_PAST_DUE : " and not " + HandoffSla.WAITING_PAST_DUE);
            params.put("now", now);
        }
        String matching = where.toString();
        Map<String, Object> matchingParams = Map.copyOf(params);
        var position = Cursors.decode(QUEUE_ORDER, after);
        if (position != null) {
            where.append(" and (dueAt > :k or (dueAt = :k and id > :kid))");
            params.put("k", parse(position.key()));
            params.put("kid", position.id());
        }
        List<Handoff> rows = Handoff.<Handoff>find(where + " order by dueAt, id", params).page(0, size + 1).list();
        var shown = rows.stream().limit(size).toList();
        var breached = sla.breached(shown, now);
        var edges = new ArrayList<HandoffEdge>();
        for (int i = 0; i < shown.size(); i++) {
            var h = shown.get(i);
            edges.add(new HandoffEdge(Cursors.encode(QUEUE_ORDER, h.dueAt().toString(), h.id()), HandoffView.of(h, breached.get(i))));
        }
        return new HandoffConnection(edges, PageInfo.of(edges.stream().map(e -> e.cursor()).toList(), rows.size() > size, after != null),
                () -> Math.toIntExact(Handoff.count(matching, matchingParams)));
    }

    @Name("totalCount")
    @Description("Handoffs matching the filters, on all pages; counted only when asked.")
    public int totalCount(@Source HandoffConnection connection) {
        return connection.counter().getAsInt();
    }

    @Name("handoffs")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP })
    @Description("Every handoff of the lead, oldest first: what it looked like when handed off and why sales rejected it.")
    public List<@NonNull List<@NonNull HandoffView>> leadHandoffs(@Source List<LeadView> leadViews) {
        var ids = leadViews.stream().map(LeadView::uuid).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        String ws = workspace.id();
        Map<UUID, List<HandoffView>> byLead = reads.read(c -> HandoffRows.byLead(c, ws, ids, now));
        return ids.stream().map(id -> byLead.getOrDefault(id, List.of())).toList();
    }

    @Name("events")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP })
    @Description("The handoff's audit log in order (at most " + EVENTS_CAP + " entries).")
    @io.smallrye.graphql.api.Deprecated(reason = "Stops at " + EVENTS_CAP + " entries: use eventsConnection. Removed in the next release.")
    public List<@NonNull List<@NonNull EventView>> events(@Source List<HandoffView> handoffs) {
        var ids = handoffs.stream().map(HandoffView::uuid).toList();
        Map<UUID, List<EventView>> byHandoff = new HashMap<>();
        if (!ids.isEmpty()) {
            HandoffEvent.<HandoffEvent>list("handoffId in ?1 order by id", Set.copyOf(ids))
                    .forEach(e -> byHandoff.computeIfAbsent(e.handoffId(), k -> new ArrayList<>()).add(EventView.of(e)));
        }
        return ids.stream().map(id -> byHandoff.getOrDefault(id, List.of()).stream().limit(EVENTS_CAP).toList()).toList();
    }

    @Name("lead")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP })
    @Description("The lead as it is now (see evidence for how it was at handoff).")
    public List<LeadView> lead(@Source List<HandoffView> handoffs) {
        var found = leads.findAll(handoffs.stream().map(HandoffView::leadUuid).toList());
        return handoffs.stream().map(h -> found.get(h.leadUuid())).map(l -> l == null ? null : LeadView.of(l)).toList();
    }

    @Subscription("handoffAssigned")
    @RolesAllowed(Roles.SALES)
    @Description("Pushes each handoff newly assigned to the signed-in rep (graphql-transport-ws).")
    public @NonNull Multi<Assignment> handoffAssigned() {
        return pushes.of(workspace.id(), workspace.actor());
    }

    private static Instant parse(String key) {
        try {
            return Instant.parse(key);
        } catch (RuntimeException e) {
            throw ApiException.invalid("INVALID_CURSOR", "after is not a cursor of this list and ordering");
        }
    }
}
