package io.leadproof.metrics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.leadproof.campaign.CampaignService;
import io.leadproof.campaign.CampaignTypes.CampaignView;
import io.leadproof.common.Cursors;
import io.leadproof.common.NodeId;
import io.leadproof.common.PageInfo;
import io.leadproof.common.WorkMeter;
import io.leadproof.lead.LeadSource;
import io.leadproof.metrics.MetricsBreakdown.Connection;
import io.leadproof.metrics.MetricsBreakdown.Edge;
import io.leadproof.metrics.MetricsBreakdown.Group;
import io.leadproof.metrics.MetricsBreakdown.GroupKey;
import io.leadproof.security.Roles;

@GraphQLApi
public class MetricsGraphQL {

    @Inject
    MetricsService metrics;
    @Inject
    CampaignService campaigns;
    @Inject
    io.smallrye.graphql.api.Context context;

    @Query("metrics")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP })
    @Description("Revenue metrics of the leads created in the window (see docs/metrics.md). Sales get the metrics of their "
            + "own handoffs; marketing no per-owner metrics.")
    public @NonNull MetricsBundle metrics(
            @NonNull @Description("The cohort window.") MetricsInputs.WindowInput window,
            @Description("Narrows the cohort.") MetricsInputs.FilterInput filter,
            @Description("Width of the score bands of scoreBandOutcomes, 1..1000 (default " + MetricsService.DEFAULT_BAND_WIDTH
                    + ").") Integer scoreBandWidth) {
        var bundle = metrics.bundle(window, filter, scoreBandWidth);
        WorkMeter.rows(context, (long) bundle.leads() + bundle.handoffs()); // priced by the rows it aggregated
        return bundle;
    }

    @Query("metricsBreakdown")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP })
    @Description("The metrics bundle per period, campaign, source, criteria version, owner or custom attribute, a page at a time.")
    public @NonNull Connection metricsBreakdown(
            @NonNull @Description("The cohort window.") MetricsInputs.WindowInput window,
            @Description("Narrows the cohort.") MetricsInputs.FilterInput filter,
            @NonNull @Description("What to group by.") MetricsDimension by,
            @Description("Page size, 1.." + Cursors.MAX_PAGE + " (default " + Cursors.DEFAULT_PAGE + ").") Integer first,
            @Description("Cursor of the last edge of the previous page.") String after,
            @Description("Width of the score bands of scoreBandOutcomes, 1..1000 (default " + MetricsService.DEFAULT_BAND_WIDTH
                    + ").") Integer scoreBandWidth,
            @Description("The custom attribute, for by: CUSTOM_ATTRIBUTE (only then).") MetricsInputs.AttributeInput attribute) {
        var page = metrics.breakdown(window, filter, by, first, after, scoreBandWidth, attribute);
        WorkMeter.rows(context, page.groups().stream().mapToLong(g -> (long) g.bundle().leads() + g.bundle().handoffs()).sum());
        Map<UUID, CampaignView> found = new HashMap<>();
        if (by == MetricsDimension.CAMPAIGN) {
            var ids = page.groups().stream().map(g -> g.key() == null ? null : UUID.fromString(g.key())).filter(Objects::nonNull).toList();
            campaigns.findAll(ids).forEach((id, c) -> found.put(id, CampaignView.of(c)));
        }
        List<Edge> edges = page.groups().stream()
                .map(g -> new Edge(MetricsCursor.encode(by, g.key()), new Group(key(g, found), g.bundle()))).toList();
        var info = PageInfo.of(edges.stream().map(e -> e.cursor()).toList(), page.hasNext(), after != null);
        return new Connection(by, page.totalCount(), edges, info);
    }

    @Name("spend")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.LEADERSHIP })
    @Description("Spend and cost per stage; null when the filter or grouping makes spend unattributable (criteria version, "
            + "owner). Hidden from sales.")
    public MetricsParts.Spend spend(@Source MetricsBundle bundle) {
        return bundle.spendData();
    }

    @Name("quality")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP })
    @Description("Data quality of the cohort: shares of INVALID, SUSPECT and duplicate leads, and of bot-flagged activities "
            + "(docs/metrics.md, \"Data quality\").")
    public @org.eclipse.microprofile.graphql.NonNull List<@org.eclipse.microprofile.graphql.NonNull MetricsQuality> quality(
            @Source List<MetricsBundle> bundles) {
        return metrics.quality(bundles.stream().map(MetricsBundle::scope).toList());
    }

    private static GroupKey key(MetricsService.Grouped g, Map<UUID, CampaignView> campaigns) {
        String k = g.key();
        return switch (g.by()) {
            case DAY, WEEK, MONTH, QUARTER -> new GroupKey(g.period().from(), g.period().to(), null, null, null, null, null, null);
            case CAMPAIGN -> new GroupKey(null, null, k == null ? null : NodeId.of("Campaign", UUID.fromString(k)),
                    k == null ? null : campaigns.get(UUID.fromString(k)), null, null, null, null);
            case SOURCE -> new GroupKey(null, null, null, null, k == null ? null : LeadSource.valueOf(k), null, null, null);
            case CRITERIA_VERSION -> new GroupKey(null, null, null, null, null,
                    k == null ? null : NodeId.of("CriteriaVersion", UUID.fromString(k)), null, null);
            case OWNER -> new GroupKey(null, null, null, null, null, null, k, null);
            case CUSTOM_ATTRIBUTE -> new GroupKey(null, null, null, null, null, null, null,
                    MetricsBreakdown.AttributeGroup.of(k, g.attribute()));
        };
    }
}
