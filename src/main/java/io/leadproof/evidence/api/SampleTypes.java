package io.leadproof.evidence.api;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.leadproof.common.PageInfo;
import io.leadproof.evidence.core.AsOf;
import io.leadproof.evidence.core.ReferenceLead;
import io.leadproof.lead.Authority;
import io.leadproof.lead.BudgetStatus;
import io.leadproof.lead.LeadSource;
import io.leadproof.lead.Need;
import io.leadproof.lead.Seniority;
import io.leadproof.lead.Timeline;
import io.leadproof.scoring.engine.LeadSnapshot;

/** The sampled deals of a signal analysis, one row of the practitioner's spreadsheet each. */
public final class SampleTypes {

    private SampleTypes() {
    }

    @Type("SampleDeal")
    @Description("One deal of a group with its early signals as they were at the reference moment, side by side.")
    public record SampleDeal(
            @NonNull @Description("The deal's outcome as of the analysis.") DealOutcome outcome,
            @Description("For a rejected deal: the rejection reason code.") String rejectionReason,
            @NonNull @Description("The moment the deal is judged at.") OffsetDateTime referenceMoment,
            @Description("When the lead was handed off.") OffsetDateTime handedOffAt,
            @Description("Seniority at the moment.") Seniority seniority,
            @Description("Job title at the moment.") String jobTitle,
            @Description("Industry at the moment.") String industry,
            @Description("Budget status at the moment.") BudgetStatus budgetStatus,
            @Description("Authority at the moment.") Authority authority,
            @Description("Need at the moment.") Need need,
            @Description("Timeline at the moment.") Timeline timeline,
            @Description("Source at the moment.") LeadSource source,
            @Description("The campaign the lead came from.") String campaign,
            @Description("That campaign's channel.") LeadSource channel,
            @NonNull @Description("Activities before the moment per type and stage, e.g. 'DEMO_REQUESTED/BOFU ×2'.")
            List<@NonNull String> behaviour,
            @NonNull @Description("First-call signal codes logged within the first-call window.") List<@NonNull String> firstCallSignals,
            @Ignore UUID leadUuid) {

        public static SampleDeal of(ReferenceLead lead, Duration firstCallWindow) {
            LeadSnapshot t = lead.traits();
            List<String> behaviour = AsOf.activities(lead).stream()
                    .map(a -> a.type() + (a.stage() == null ? "" : "/" + a.stage()) + " ×" + a.count()).sorted().toList();
            return new SampleDeal(DealOutcome.of(lead.outcome().kind()), lead.outcome().rejectionCode(),
                    utc(lead.referenceMoment()), utc(lead.handedOffAt()), t.seniority(), t.jobTitle(), t.industry(),
                    t.budgetStatus(), t.authority(), t.need(), t.timeline(), t.source(), lead.campaign(), lead.channel(),
                    behaviour, List.copyOf(AsOf.firstCallCodes(lead, firstCallWindow)), lead.leadId());
        }

        private static OffsetDateTime utc(java.time.Instant i) {
            return i == null ? null : i.atOffset(ZoneOffset.UTC);
        }
    }

    @Type("SampleDealEdge")
    @Description("A sampled deal and its cursor.")
    public record Edge(@NonNull @Description("Opaque cursor.") String cursor, @NonNull @Description("The deal.") SampleDeal node) {
    }

    @Type("SampleDealConnection")
    @Description("The deals of one group, most recent reference moment first.")
    public record Connection(
            @NonNull @Description("Deals in the group (the sample size when one was given).") int totalCount,
            @NonNull @Description("This page.") List<@NonNull Edge> edges,
            @NonNull @Description("Pagination.") PageInfo pageInfo) {
    }
}
