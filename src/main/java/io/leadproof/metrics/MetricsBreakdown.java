package io.leadproof.metrics;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.leadproof.campaign.CampaignTypes.CampaignView;
import io.leadproof.common.PageInfo;
import io.leadproof.lead.LeadSource;
import io.smallrye.graphql.api.Deprecated;

/** GraphQL types of metricsBreakdown. */
public final class MetricsBreakdown {

    private MetricsBreakdown() {
    }

    @Type("MetricsBreakdownConnection")
    @Description("A page of metrics groups. Periods come in calendar order; other groups ordered by key, the group without a key last.")
    public record Connection(
            @NonNull @Description("What the groups are grouped by.") MetricsDimension by,
            @Description("Number of groups on all pages.") int totalCount,
            @NonNull @Description("Groups with cursors.") List<@NonNull Edge> edges,
            @NonNull @Description("Pagination information.") PageInfo pageInfo) {
    }

    @Type("MetricsBreakdownEdge")
    @Description("A metrics group and its cursor.")
    public record Edge(
            @NonNull @Description("Cursor to pass as `after`.") String cursor,
            @NonNull @Description("The group.") Group node) {
    }

    @Type("MetricsGroup")
    @Description("The metrics bundle of one group of the cohort.")
    public record Group(
            @NonNull @Description("What identifies the group; only the fields of the breakdown's dimension are set.") GroupKey key,
            @NonNull @Description("The group's metrics.") MetricsBundle metrics) {
    }

    @Type("MetricsGroupKey")
    @Description("Key of a metrics group. For a period only periodFrom/periodTo are set; otherwise the one field of the "
            + "dimension, null for the group of leads without a value (no campaign, no source, never MQL, unassigned).")
    public record GroupKey(
            @Description("First day of the period (inclusive), clipped to the window.") LocalDate periodFrom,
            @Description("Day after the period (exclusive), clipped to the window.") LocalDate periodTo,
            @Deprecated(reason = "Use campaign { id }. Removed in the next release.") @Id @Description("Campaign id, for CAMPAIGN.") String campaignId,
            @Description("The campaign, for CAMPAIGN; null when it is no campaign of this workspace.") CampaignView campaign,
            @Description("Lead source, for SOURCE.") LeadSource source,
            @Deprecated(reason = "Use criteriaVersion { id }. Removed in the next release.") @Id @Description("Criteria version id, for CRITERIA_VERSION.") String criteriaVersionId,
            @Description("User name of the sales rep, for OWNER.") String owner,
            @Description("The custom attribute's value or bin, for CUSTOM_ATTRIBUTE; null for the leads without the attribute.")
            AttributeGroup attribute) {
    }

    @Type("MetricsAttributeGroup")
    @Description("A group of a breakdown by a custom attribute: one value, a bin [value, upTo), or the values not of the type.")
    public record AttributeGroup(
            @Description("The value (NUMBER: without trailing zeros; DATE: yyyy-MM-dd), or a bin's lower bound; null for the "
                    + "group of values that are not of the type.") String value,
            @Description("The bin's exclusive upper bound (binWidth, dateBin other than DAY); null for single values.") String upTo,
            @Description("False for the one group of the stored values that are not of the breakdown's type.") boolean ofType) {

        static AttributeGroup of(String key, MetricsAttribute attribute) {
            if (key == null) {
                return null;
            }
            if (key.equals(MetricsAttribute.NOT_OF_TYPE)) {
                return new AttributeGroup(null, null, false);
            }
            String value = key.substring(1);
            return new AttributeGroup(value, attribute.upTo(value), true);
        }
    }
}
