package io.leadproof.lead;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.leadproof.common.Attribute;
import io.leadproof.common.AttributeInput;
import io.leadproof.common.Attributes;
import io.leadproof.common.Node;
import io.leadproof.common.NodeId;
import io.leadproof.common.PageInfo;
import io.leadproof.common.UserError;
import io.smallrye.graphql.api.Nullable;

/** GraphQL types of activities. */
public final class ActivityTypes {

    private ActivityTypes() {
    }

    @Type("Activity")
    @Description("A behaviour of a lead; ENGAGEMENT rules score these.")
    public record ActivityView(
            @Id @NonNull @Description("Global id.") String id,
            @NonNull @Description("The client's event id that made recording idempotent.") String clientEventId,
            @NonNull @Description("Kind of behaviour.") ActivityType type,
            @Description("Funnel stage of the content or offer.") FunnelStage funnelStage,
            @Description("Content tag, e.g. the asset name.") String contentTag,
            @NonNull @Description("When it happened.") OffsetDateTime occurredAt,
            @NonNull @Description("When LeadProof recorded it.") OffsetDateTime recordedAt,
            @NonNull @Description("Extra properties, sorted by key.") List<@NonNull Attribute> properties) implements Node {

        public static ActivityView of(Activity a) {
            return new ActivityView(NodeId.of("Activity", a.id()), a.clientEventId(), a.type(), a.funnelStage(),
                    a.contentTag(), a.occurredAt().atOffset(ZoneOffset.UTC), a.recordedAt().atOffset(ZoneOffset.UTC),
                    Attributes.render(a.properties()));
        }
    }

    @Type("ActivityConnection")
    @Description("A page of a lead's activities, newest first.")
    public record ActivityConnection(
            @NonNull @Description("Activities with cursors.") List<@NonNull ActivityEdge> edges,
            @NonNull @Description("Pagination information.") PageInfo pageInfo,
            @org.eclipse.microprofile.graphql.Ignore java.util.UUID leadUuid) {
    }

    @Type("ActivityEdge")
    @Description("An activity and its cursor.")
    public record ActivityEdge(
            @NonNull @Description("Cursor to pass as `after`.") String cursor,
            @NonNull @Description("The activity.") ActivityView node) {
    }

    @Input("ActivityInput")
    @Description("One behaviour to record. Name the lead by exactly one of leadId, leadExternalId or leadEmail.")
    public record ActivityInput(
            @NonNull @Description("Client-chosen unique event id; recording the same id again is a no-op. At most 200 characters.") String clientEventId,
            @Id @Description("Lead id.") String leadId,
            @Description("The lead's external id.") String leadExternalId,
            @Description("The lead's email.") String leadEmail,
            @NonNull @Description("Kind of behaviour.") ActivityType type,
            @Description("Funnel stage of the content or offer.") FunnelStage funnelStage,
            @Description("Content tag, at most 100 characters.") String contentTag,
            @NonNull @Description("When it happened; not in the future.") OffsetDateTime occurredAt,
            @Description("Extra properties.") @Nullable List<@NonNull AttributeInput> properties) {
    }

    @Input("ActivitiesRecordInput")
    @Description("A batch of behaviours.")
    public record RecordInput(
            @NonNull @Description("At most " + ActivityService.BATCH_CAP + " activities.") List<@NonNull ActivityInput> activities) {
    }

    @Type("ActivitiesRecordPayload")
    @Description("Result of activitiesRecord: valid rows land even when other rows fail.")
    public record RecordPayload(
            @NonNull @Description("Activities newly recorded.") int recordedCount,
            @NonNull @Description("Rows whose clientEventId was already recorded (idempotent retries).") int duplicateCount,
            @NonNull @Description("Per input row: the activity (the earlier one for a duplicate), or null where the row failed.") List<ActivityView> activities,
            @NonNull @Description("Problems per row; the path starts with [\"activities\", \"<row>\"].") List<@NonNull UserError> userErrors) {
    }
}
