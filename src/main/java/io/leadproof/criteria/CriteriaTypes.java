package io.leadproof.criteria;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.leadproof.common.Node;
import io.leadproof.common.NodeId;
import io.leadproof.common.UserError;
import io.smallrye.graphql.api.Deprecated;

/** Output types of the criteria feature. */
public final class CriteriaTypes {

    private CriteriaTypes() {
    }

    @Type("CriteriaModel")
    @Description("A named qualification model; its versions hold the rules. One model per workspace drives handoffs.")
    public record ModelView(
            @Id @NonNull @Description("Global id.") String id,
            @NonNull @Description("Unique name, e.g. Inbound B2B.") String name,
            @NonNull @Description("Whether this model's active version makes leads MQL and creates handoffs.") boolean drivesHandoffs,
            @Deprecated(reason = "Use servedVersion { id }. Removed in the next release.") @Description("Id of the version whose scores lead.score shows (complete scores).") String servedVersionId,
            @NonNull @Description("When the model was created.") OffsetDateTime createdAt,
            @Ignore UUID uuid) implements Node {

        public static ModelView of(CriteriaModel m) {
            return new ModelView(NodeId.of("CriteriaModel", m.id()), m.name(), m.drivesHandoffs(),
                    m.servedVersionId() == null ? null : NodeId.of("CriteriaVersion", m.servedVersionId()),
                    m.createdAt().atOffset(ZoneOffset.UTC), m.id());
        }
    }

    @Type("CriteriaVersion")
    @Description("A numbered set of rules and thresholds: a DRAFT is editable; a published version is immutable.")
    public record VersionView(
            @Id @NonNull @Description("Global id.") String id,
            @Deprecated(reason = "Use model { id }. Removed in the next release.") @Id @NonNull @Description("Id of the model.") String modelId,
            @NonNull @Description("Version number within the model, from 1.") int number,
            @NonNull @Description("DRAFT, ACTIVE or RETIRED.") VersionStatus status,
            @NonNull @Description("Rules in evaluation order.") List<@NonNull RuleView> rules,
            @NonNull @Description("MQL threshold on the total score.") int mqlThreshold,
            @Description("Optional minimum fit score to qualify.") Integer minFit,
            @Description("Optional minimum engagement score to qualify.") Integer minEngagement,
            @Deprecated(reason = "Use basedOnVersion { id }. Removed in the next release.") @Description("Version this draft was copied from.") String basedOnVersionId,
            @NonNull @Description("When the version was created.") OffsetDateTime createdAt,
            @NonNull @Description("Who created it.") String createdBy,
            @Description("When it was published.") OffsetDateTime publishedAt,
            @Description("Who published it.") String publishedBy,
            @Description("When it was retired.") OffsetDateTime retiredAt,
            @Ignore UUID uuid) implements Node {

        public static VersionView of(CriteriaVersion v) {
            return new VersionView(NodeId.of("CriteriaVersion", v.id()), NodeId.of("CriteriaModel", v.modelId()), v.number(),
                    v.status(), v.rules().stream().map(d -> RuleView.of(v.id(), d)).toList(), v.thresholds().mql(), v.thresholds().minFit(),
                    v.thresholds().minEngagement(), v.basedOnId() == null ? null : NodeId.of("CriteriaVersion", v.basedOnId()),
                    utc(v.createdAt()), v.createdBy(), utc(v.publishedAt()), v.publishedBy(), utc(v.retiredAt()), v.id());
        }

        private static OffsetDateTime utc(java.time.Instant i) {
            return i == null ? null : i.atOffset(ZoneOffset.UTC);
        }
    }

    @Type("CriteriaModelPayload")
    @Description("Result of a criteria model mutation.")
    public record ModelPayload(
            @Description("The model; null when the input had errors.") ModelView model,
            @Description("For criteriaModelSetHandoff: the model that stopped driving handoffs; null when none did (or another mutation).")
            ModelView previousHandoffModel,
            @NonNull @Description("Problems with the input.") List<@NonNull UserError> userErrors) {

        public ModelPayload(ModelView model, List<UserError> userErrors) {
            this(model, null, userErrors);
        }
    }

    @Type("CriteriaVersionPayload")
    @Description("Result of a criteria version mutation.")
    public record VersionPayload(
            @Description("The version after the change; null when nothing changed.") VersionView version,
            @Description("For criteriaVersionPublish: the previously active version, now RETIRED; null when there was none (or another mutation).")
            VersionView retiredVersion,
            @NonNull @Description("Problems with the input or the version's state.") List<@NonNull UserError> userErrors) {

        public VersionPayload(VersionView version, List<UserError> userErrors) {
            this(version, null, userErrors);
        }

        static VersionPayload of(CriteriaService.Result<CriteriaVersion> r) {
            return new VersionPayload(r.value() == null ? null : VersionView.of(r.value()), r.userErrors());
        }
    }
}
