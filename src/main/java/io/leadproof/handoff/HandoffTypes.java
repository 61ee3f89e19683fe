package io.leadproof.handoff;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import com.fasterxml.jackson.core.type.TypeReference;

import io.leadproof.common.Attribute;
import io.leadproof.common.Attributes;
import io.leadproof.common.Money;
import io.leadproof.common.Node;
import io.leadproof.common.NodeId;
import io.leadproof.common.PageInfo;
import io.leadproof.common.UserError;
import io.leadproof.scoring.ScoringTypes.ContributionView;
import io.smallrye.graphql.api.Deprecated;
import io.leadproof.feedback.RejectionCategory;

/** Output types of handoffs. */
public final class HandoffTypes {

    private HandoffTypes() {
    }

    @Type("Handoff")
    @Description("The marketing→sales contract for one lead: frozen evidence, owner, SLA and sales' response.")
    public record HandoffView(
            @Id @NonNull @Description("Global id.") String id,
            @Deprecated(reason = "Use lead { id } (readable by every role, reps included). Removed in the next release.")
            @Id @NonNull @Description("Id of the lead.") String leadId,
            @NonNull @Description("State.") HandoffState state,
            @Deprecated(reason = "Use assignee { userName }. Removed in the next release.") @Description("User name of the assigned rep; null while unassigned.") String owner,
            @NonNull @Description("What was known at handoff: score, contributions, version, lead attributes.") Evidence evidence,
            @NonNull @Description("When marketing handed the lead over.") OffsetDateTime createdAt,
            @NonNull @Description("Who handed it over ('leadproof' when automatic).") String createdBy,
            @Description("When the first response is due (workspace SLA); null for an imported handoff, which never breaches.") OffsetDateTime dueAt,
            @NonNull @Description("True when the first response came after dueAt, or has not come and dueAt has passed.") boolean overdue,
            @Description("First accept, reject or logged touch.") OffsetDateTime firstResponseAt,
            @Description("When sales accepted.") OffsetDateTime acceptedAt,
            @Description("Why sales rejected, if it did.") Rejection rejection,
            @Description("When an opportunity was opened.") OffsetDateTime opportunityAt,
            @Description("Opportunity name.") String opportunityName,
            @Description("When the deal closed.") OffsetDateTime closedAt,
            @Description("Won amount.") Money wonAmount,
            @Description("Why the deal was lost.") String lostReason,
            @NonNull @Description("True when the handoff came from a CRM's history (dealsImport): it counts in metrics and analysis, never in a queue, a notification or an SLA breach.") boolean imported,
            @Description("The CRM's deal id of an imported handoff.") String externalDealId,
            @Ignore UUID uuid,
            @Ignore UUID leadUuid) implements Node {

        /** overdue: {@link HandoffSla#breached}. */
        static HandoffView of(Handoff h, boolean overdue) {
            return new HandoffView(NodeId.of("Handoff", h.id()), NodeId.of("Lead", h.leadId()), h.state(), h.owner(),
                    Evidence.of(h), utc(h.createdAt()), h.createdBy(), utc(h.dueAt()), overdue,
                    utc(h.firstResponseAt()), utc(h.acceptedAt()), Rejection.of(h), utc(h.opportunityAt()), h.opportunityName(),
                    utc(h.closedAt()), Money.of(h.wonAmount(), h.wonCurrency()), h.lostReason(), h.imported(), h.externalDealId(),
                    h.id(), h.leadId());
        }
    }

    @Type("HandoffEvidence")
    @Description("The evidence frozen at handoff, to settle later arguments by what was known then.")
    public record Evidence(
            @Deprecated(reason = "Use version { id }. Removed in the next release.") @Id @NonNull @Description("Criteria version the score was computed under.") String versionId,
            @NonNull @Description("Total score.") int total,
            @NonNull @Description("Fit score.") int fit,
            @NonNull @Description("Engagement score.") int engagement,
            @NonNull @Description("Contributions that made the score.") List<@NonNull ContributionView> contributions,
            @NonNull @Description("The lead's attributes at handoff.") List<@NonNull Attribute> lead) {

        private static final TypeReference<List<ContributionView>> CONTRIBUTIONS = new TypeReference<>() {
        };
        private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() {
        };

        static Evidence of(Handoff h) {
            return of(h.versionId(), h.scoreTotal(), h.scoreFit(), h.scoreEngagement(), h.contributionsJson(), h.leadSnapshotJson());
        }

        static Evidence of(UUID versionId, int total, int fit, int engagement, String contributions, String leadSnapshot) {
            try {
                return new Evidence(NodeId.of("CriteriaVersion", versionId), total, fit, engagement,
                        io.leadproof.common.Json.MAPPER.readValue(contributions, CONTRIBUTIONS),
                        Attributes.render(io.leadproof.common.Json.MAPPER.readValue(leadSnapshot, ATTRIBUTES)));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("frozen evidence unreadable", e);
            }
        }
    }

    @Type("HandoffRejection")
    @Description("Sales' structured reason for rejecting a lead.")
    public record Rejection(
            @NonNull @Description("Reason code of the workspace taxonomy.") String code,
            @NonNull @Description("Category the code mapped to when rejected.") RejectionCategory category,
            @Description("Free-text notes.") String notes,
            @NonNull @Description("What happened to the lead.") Disposition disposition,
            @NonNull @Description("When.") OffsetDateTime rejectedAt) {

        static Rejection of(Handoff h) {
            return h.rejectionCode() == null ? null
                    : new Rejection(h.rejectionCode(), RejectionCategory.of(h.rejectionCategory()), h.rejectionNotes(), h.disposition(), utc(h.rejectedAt()));
        }
    }

    @Type("HandoffEvent")
    @Description("An entry of the handoff's append-only audit log.")
    public record EventView(
            @NonNull @Description("What happened.") HandoffEventType type,
            @NonNull @Description("User name from the token, or 'leadproof' for automatic steps.") String actor,
            @NonNull @Description("When.") OffsetDateTime occurredAt,
            @Description("State before.") HandoffState fromState,
            @Description("State after.") HandoffState toState,
            @NonNull @Description("Details such as reason code or new owner.") List<@NonNull Attribute> details) {

        static EventView of(HandoffEvent e) {
            return new EventView(e.type(), e.actor(), utc(e.occurredAt()), e.fromState(), e.toState(), Attributes.render(e.details()));
        }
    }

    @Type("HandoffConnection")
    @Description("A page of handoffs, most urgent (earliest due) first.")
    public record HandoffConnection(
            @NonNull @Description("Handoffs with cursors.") List<@NonNull HandoffEdge> edges,
            @NonNull @Description("Pagination information.") PageInfo pageInfo,
            @Ignore java.util.function.IntSupplier counter) {
    }

    @Type("HandoffEdge")
    @Description("A handoff and its cursor.")
    public record HandoffEdge(
            @NonNull @Description("Cursor to pass as `after`.") String cursor,
            @NonNull @Description("The handoff.") HandoffView node) {
    }

    @Type("HandoffPayload")
    @Description("Result of a handoff mutation. A retry with the same idempotencyKey returns the first result.")
    public record Payload(
            @Description("The handoff after the change; null when nothing changed.") HandoffView handoff,
            @NonNull @Description("Problems with the input or the handoff's state.") List<@NonNull UserError> userErrors) {
    }

    @Type("HandoffAssignment")
    @Description("Pushed to a rep when a handoff is assigned to them.")
    public record Assignment(
            @NonNull @Description("The handoff, read in the rep's workspace when the assignment reaches their pod, so a normalised "
                    + "cache adds it to the queue without a refetch. Every field can be selected, linked objects included "
                    + "(assignee, lead, eventsConnection, evidence.version), as in a query.") HandoffView handoff,
            @Deprecated(reason = "Use handoff { id }. Removed in the next release.") @Id @NonNull @Description("Handoff id.") String handoffId,
            @Deprecated(reason = "Use handoff { lead { id } } (a query) or handoff { evidence }. Removed in the next release.")
            @Id @NonNull @Description("Lead id.") String leadId,
            @NonNull @Description("The rep.") String owner,
            @NonNull @Description("Frozen score total.") int scoreTotal,
            @NonNull @Description("When the first response is due.") OffsetDateTime dueAt) {
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
