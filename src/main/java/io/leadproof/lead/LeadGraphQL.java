package io.leadproof.lead;

import java.util.List;
import java.util.stream.IntStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.leadproof.common.ApiException;
import io.leadproof.common.Cursors;
import io.leadproof.common.NodeId;
import io.leadproof.common.PageInfo;
import io.leadproof.security.Roles;

@GraphQLApi
public class LeadGraphQL {

    @Inject
    LeadService leads;

    @Query("lead")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP })
    @Description("A lead by id; null when no lead of this workspace has that id.")
    public LeadView lead(@NonNull @Id @Description("Lead id.") String id) {
        var uuid = NodeId.require("Lead", id, "id");
        return leads.view(uuid);
    }

    @Query("leads")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP })
    @Description("Leads of the workspace, newest first unless ordered otherwise.")
    public @NonNull LeadConnection leads(
            @Description("Page size, 1.." + Cursors.MAX_PAGE + " (default " + Cursors.DEFAULT_PAGE + ").") Integer first,
            @Description("Cursor of the last edge of the previous page.") String after,
            @Description("Conditions the leads must meet.") LeadFilter filter,
            @Description("Ordering; default CREATED_AT DESC.") LeadOrder orderBy) {
        var page = leads.list(filter, orderBy, Cursors.pageSize(first), after);
        var edges = page.leads().stream()
                .map(l -> new LeadConnection.LeadEdge(page.cursorOf(l), l)).toList();
        return new LeadConnection(edges, PageInfo.of(edges.stream().map(e -> e.cursor()).toList(), page.hasNext(), after != null),
                () -> leads.count(filter));
    }

    @Name("totalCount")
    @Description("Leads matching the filter, on all pages; counted only when asked.")
    public int totalCount(@Source LeadConnection connection) {
        return connection.counter().getAsInt();
    }

    @Mutation("leadUpsert")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING })
    @Description("Creates a lead, or updates the one with the same externalId (else the same email).")
    public @NonNull LeadPayloads.LeadUpsert leadUpsert(@NonNull @Description("The lead.") LeadInput input) {
        var outcome = leads.upsert(List.of(input));
        Lead lead = outcome.leads().getFirst();
        return new LeadPayloads.LeadUpsert(lead == null ? null : LeadView.of(lead),
                Boolean.TRUE.equals(outcome.created().getFirst()), outcome.userErrors());
    }

    @Mutation("leadsImport")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING })
    @Description("Upserts up to " + LeadService.IMPORT_CAP + " leads; valid rows land, invalid rows are reported per row.")
    public @NonNull LeadPayloads.LeadsImported leadsImport(@NonNull @Description("The batch.") LeadPayloads.LeadsImport input) {
        if ((input.leads() == null) == (input.rows() == null)) {
            throw ApiException.invalid("LEADS_OR_ROWS", "give either leads or rows, not both and not neither");
        }
        var outcome = input.rows() != null ? leads.upsertRows(input.rows()) : leads.upsert(input.leads(), "leads");
        var views = IntStream.range(0, outcome.leads().size())
                .mapToObj(i -> outcome.leads().get(i) == null ? null : LeadView.of(outcome.leads().get(i))).toList();
        return new LeadPayloads.LeadsImported(outcome.createdCount(), outcome.updatedCount(), views, outcome.userErrors());
    }
}
