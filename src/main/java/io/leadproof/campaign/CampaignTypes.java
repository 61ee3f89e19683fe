package io.leadproof.campaign;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.leadproof.common.Decimal;
import io.leadproof.common.Money;
import io.leadproof.common.Node;
import io.leadproof.common.NodeId;
import io.leadproof.common.PageInfo;
import io.leadproof.common.UserError;
import io.leadproof.lead.LeadSource;

/** GraphQL types of the campaign feature. */
public final class CampaignTypes {

    private CampaignTypes() {
    }

    @Type("Campaign")
    @Description("A marketing campaign; leads point to the campaign that brought them.")
    public record CampaignView(
            @Id @NonNull @Description("Global id.") String id,
            @NonNull @Description("Unique name within the workspace.") String name,
            @NonNull @Description("Channel the campaign runs in.") LeadSource channel,
            @Description("First day, if planned.") LocalDate startsOn,
            @Description("Last day, if planned.") LocalDate endsOn,
            @NonNull @Description("When the campaign was created.") OffsetDateTime createdAt,
            @Ignore UUID uuid) implements Node {

        public static CampaignView of(Campaign c) {
            return new CampaignView(NodeId.of("Campaign", c.id()), c.name(), c.channel(), c.startsOn(), c.endsOn(),
                    c.createdAt().atOffset(ZoneOffset.UTC), c.id());
        }
    }

    @Type("CampaignCost")
    @Description("An amount spent on a campaign on a given day.")
    public record CostView(
            @Id @NonNull @Description("Global id.") String id,
            @NonNull @Description("Day the cost was incurred; metrics count it in the window containing this day.") LocalDate incurredOn,
            @NonNull @Description("The amount.") Money amount,
            @Description("Free-text note, e.g. invoice number.") String note,
            @NonNull @Description("When it was recorded.") OffsetDateTime recordedAt,
            @NonNull @Description("User name of who recorded it.") String recordedBy) implements io.leadproof.common.Node {

        public static CostView of(CampaignCost c) {
            return new CostView(NodeId.of("CampaignCost", c.id()), c.incurredOn(), Money.of(c.amount(), c.currency()),
                    c.note(), c.recordedAt().atOffset(ZoneOffset.UTC), c.recordedBy());
        }
    }

    @Type("CampaignConnection")
    @Description("A page of campaigns, by name.")
    public record CampaignConnection(
            @NonNull @Description("Campaigns with cursors.") List<@NonNull CampaignEdge> edges,
            @NonNull @Description("Pagination information.") PageInfo pageInfo,
            @Ignore java.util.function.IntSupplier counter) {
    }

    @Type("CampaignCostConnection")
    @Description("A page of a campaign's cost entries, newest day first.")
    public record CostConnection(
            @NonNull @Description("Cost entries with cursors.") List<@NonNull CostEdge> edges,
            @NonNull @Description("Pagination information.") PageInfo pageInfo,
            @Ignore java.util.function.IntSupplier counter) {
    }

    @Type("CampaignCostEdge")
    @Description("A cost entry and its cursor.")
    public record CostEdge(
            @NonNull @Description("Cursor to pass as `after`.") String cursor,
            @NonNull @Description("The cost entry.") CostView node) {
    }

    @Type("CampaignEdge")
    @Description("A campaign and its cursor.")
    public record CampaignEdge(
            @NonNull @Description("Cursor to pass as `after`.") String cursor,
            @NonNull @Description("The campaign.") CampaignView node) {
    }

    @Input("CampaignCreateInput")
    @Description("A new campaign.")
    public record CreateInput(
            @NonNull @Description("Unique name, 1..200 characters.") String name,
            @NonNull @Description("Channel.") LeadSource channel,
            @Description("First day.") LocalDate startsOn,
            @Description("Last day; not before startsOn.") LocalDate endsOn) {
    }

    @Type("CampaignCreatePayload")
    @Description("Result of campaignCreate.")
    public record CreatePayload(
            @Description("The campaign; null when the input had errors.") CampaignView campaign,
            @NonNull @Description("Problems with the input.") List<@NonNull UserError> userErrors) {
    }

    @Input("CampaignCostRecordInput")
    @Description("A cost entry for a campaign.")
    public record CostInput(
            @Id @NonNull @Description("Campaign id.") String campaignId,
            @NonNull @Description("Day the cost was incurred.") LocalDate incurredOn,
            @NonNull @Description("Amount, not negative, at most 2 decimals.") io.leadproof.common.MoneyInput amount,
            @Description("Free-text note, at most 500 characters.") String note) {
    }

    @Type("CampaignCostRecordPayload")
    @Description("Result of campaignCostRecord.")
    public record CostPayload(
            @Description("The recorded cost; null when the input had errors.") CostView cost,
            @Description("The campaign with its new totalCost; null when the input had errors.") CampaignView campaign,
            @NonNull @Description("Problems with the input.") List<@NonNull UserError> userErrors) {
    }
}
