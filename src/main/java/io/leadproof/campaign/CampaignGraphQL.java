package io.leadproof.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

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

import io.leadproof.campaign.CampaignTypes.CampaignConnection;
import io.leadproof.campaign.CampaignTypes.CampaignEdge;
import io.leadproof.campaign.CampaignTypes.CampaignView;
import io.leadproof.campaign.CampaignTypes.CostConnection;
import io.leadproof.campaign.CampaignTypes.CostEdge;
import io.leadproof.campaign.CampaignTypes.CostView;
import io.leadproof.common.Cursors;
import io.leadproof.common.Money;
import io.leadproof.common.NodeId;
import io.leadproof.common.PageInfo;
import io.leadproof.lead.LeadView;
import io.leadproof.security.Roles;
import io.leadproof.workspace.WorkspaceService;

@GraphQLApi
public class CampaignGraphQL {

    @Inject
    CampaignService campaigns;
    @Inject
    WorkspaceService workspaces;

    @Query("campaign")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP })
    @Description("A campaign by id; null when none of this workspace has it.")
    public CampaignView campaign(@NonNull @Id @Description("Campaign id.") String id) {
        return campaigns.find(NodeId.require("Campaign", id, "id")).map(CampaignView::of).orElse(null);
    }

    @Query("campaigns")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP })
    @Description("Campaigns of the workspace by name.")
    public @NonNull CampaignConnection campaigns(
            @Description("Page size, 1.." + Cursors.MAX_PAGE + " (default " + Cursors.DEFAULT_PAGE + ").") Integer first,
            @Description("Cursor of the last edge of the previous page.") String after) {
        int size = Cursors.pageSize(first);
        var position = Cursors.decode("NAME", after);
        var rows = campaigns.page(size, position == null ? null : position.key());
        boolean hasNext = rows.size() > size;
        var edges = rows.stream().limit(size)
                .map(c -> new CampaignEdge(Cursors.encode("NAME", c.name(), c.id()), CampaignView.of(c))).toList();
        return new CampaignConnection(edges, PageInfo.of(edges.stream().map(e -> e.cursor()).toList(), hasNext, after != null),
                () -> Math.toIntExact(campaigns.count()));
    }

    @Name("totalCount")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP })
    @Description("Campaigns of the workspace, on all pages; counted only when asked.")
    public int totalCount(@Source CampaignConnection connection) {
        return connection.counter().getAsInt();
    }

    @Mutation("campaignCreate")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING })
    @Description("Creates a campaign.")
    public @NonNull CampaignTypes.CreatePayload campaignCreate(@NonNull @Description("The campaign.") CampaignTypes.CreateInput input) {
        var result = campaigns.create(input);
        return new CampaignTypes.CreatePayload(result.value() == null ? null : CampaignView.of(result.value()), result.userErrors());
    }

    @Mutation("campaignCostRecord")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING })
    @Description("Records money spent on a campaign on a day, in the workspace's reporting currency.")
    public @NonNull CampaignTypes.CostPayload campaignCostRecord(@NonNull @Description("The cost.") CampaignTypes.CostInput input) {
        var result = campaigns.recordCost(input);
        var cost = result.value();
        return new CampaignTypes.CostPayload(cost == null ? null : CostView.of(cost),
                cost == null ? null : campaigns.find(cost.campaignId()).map(CampaignView::of).orElse(null), result.userErrors());
    }

    @Name("campaign")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP })
    @Description("The campaign that brought the lead.")
    public List<CampaignView> leadCampaign(@Source List<LeadView> leads) {
        var found = campaigns.views(leads.stream().map(LeadView::campaignUuid).filter(Objects::nonNull).toList());
        return leads.stream().map(l -> l.campaignUuid() == null ? null : found.get(l.campaignUuid())).toList();
    }

    @Name("totalCost")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.LEADERSHIP })
    @Description("All spend recorded for the campaign. Hidden from sales.")
    public List<Money> totalCost(@Source List<CampaignView> list) {
        var totals = campaigns.totalCosts(list.stream().map(CampaignView::uuid).toList());
        String currency = workspaces.current().reportingCurrency();
        return list.stream().map(c -> Money.of(totals.getOrDefault(c.uuid(), BigDecimal.ZERO.setScale(2)), currency)).toList();
    }

    @Name("costs")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.LEADERSHIP })
    @Description("The newest cost entries of the campaign, at most " + Cursors.MAX_PAGE + ". Hidden from sales.")
    @io.smallrye.graphql.api.Deprecated(reason = "Entries past the first page cannot be reached: use costsConnection. Removed in the next release.")
    public @NonNull List<@NonNull CostView> costs(@Source CampaignView campaign,
            @Description("How many, 1.." + Cursors.MAX_PAGE + " (default " + Cursors.DEFAULT_PAGE + ").") Integer first) {
        return campaigns.costs(campaign.uuid(), Cursors.pageSize(first)).stream().map(CostView::of).toList();
    }

    @Name("costsConnection")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.LEADERSHIP })
    @Description("The campaign's cost entries, newest day first, page by page. Hidden from sales.")
    public @NonNull CostConnection costsConnection(@Source CampaignView campaign,
            @Description("Page size, 1.." + Cursors.MAX_PAGE + " (default " + Cursors.DEFAULT_PAGE + ").") Integer first,
            @Description("Cursor of the last edge of the previous page.") String after) {
        int size = Cursors.pageSize(first);
        var position = Cursors.decode("COST_DAY", after);
        var rows = campaigns.costPage(campaign.uuid(), size, position == null ? null : LocalDate.parse(position.key()),
                position == null ? null : position.id());
        var edges = rows.stream().limit(size)
                .map(c -> new CostEdge(Cursors.encode("COST_DAY", c.incurredOn().toString(), c.id()), CostView.of(c))).toList();
        return new CostConnection(edges, PageInfo.of(edges.stream().map(CostEdge::cursor).toList(), rows.size() > size, after != null),
                () -> Math.toIntExact(campaigns.costCount(campaign.uuid())));
    }

    @Name("totalCount")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP })
    @Description("Cost entries of the campaign, on all pages; counted only when asked (the connection itself is hidden from sales).")
    public int costTotalCount(@Source CostConnection connection) {
        return connection.counter().getAsInt();
    }
}
