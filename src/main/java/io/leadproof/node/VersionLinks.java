package io.leadproof.node;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import io.leadproof.common.NodeId;
import io.leadproof.criteria.CriteriaService;
import io.leadproof.criteria.CriteriaTypes.ModelView;
import io.leadproof.criteria.CriteriaTypes.VersionView;
import io.leadproof.handoff.HandoffTypes.Evidence;
import io.leadproof.metrics.MetricsBreakdown.GroupKey;
import io.leadproof.privacy.PrivacyTypes.ExportedHandoff;
import io.leadproof.scoring.ScoringTypes.CrossingView;
import io.leadproof.scoring.ScoringTypes.ScoreChangeView;
import io.leadproof.scoring.ScoringTypes.ScoreView;

/**
 * Criteria versions and models reached as objects wherever a score, a crossing, an evidence or a metrics group names one
 * (the bare ids beside them are deprecated), so a client cache keeps one record per version. Each link loads the
 * versions of a whole list in one query.
 */
@GraphQLApi
public class VersionLinks {

    @Inject
    CriteriaService criteria;

    @Name("version")
    @Description("The criteria version the score was computed under.")
    public List<@NonNull VersionView> scoreVersion(@Source List<ScoreView> scores) {
        return versions(scores.stream().map(ScoreView::versionId).toList());
    }

    @Name("version")
    @Description("The criteria version of this change.")
    public List<@NonNull VersionView> changeVersion(@Source List<ScoreChangeView> changes) {
        return versions(changes.stream().map(ScoreChangeView::versionId).toList());
    }

    @Name("version")
    @Description("The criteria version whose threshold the lead crossed.")
    public List<@NonNull VersionView> crossingVersion(@Source List<CrossingView> crossings) {
        return versions(crossings.stream().map(CrossingView::versionId).toList());
    }

    @Name("version")
    @Description("The criteria version the frozen score was computed under.")
    public List<@NonNull VersionView> evidenceVersion(@Source List<Evidence> evidence) {
        return versions(evidence.stream().map(Evidence::versionId).toList());
    }

    @Name("version")
    @Description("The criteria version of the frozen score.")
    public List<@NonNull VersionView> exportedVersion(@Source List<ExportedHandoff> handoffs) {
        return versions(handoffs.stream().map(ExportedHandoff::versionId).toList());
    }

    @Name("criteriaVersion")
    @Description("The criteria version, for CRITERIA_VERSION; null for the group of leads that never reached MQL.")
    public List<VersionView> groupVersion(@Source List<GroupKey> keys) {
        return versions(keys.stream().map(GroupKey::criteriaVersionId).toList());
    }

    @Name("basedOnVersion")
    @Description("The version this one was copied from; null for a first version.")
    public List<VersionView> basedOn(@Source List<VersionView> drafts) {
        return versions(drafts.stream().map(VersionView::basedOnVersionId).toList());
    }

    @Name("model")
    @Description("The model this version belongs to.")
    public @NonNull ModelView model(@Source VersionView version) {
        return criteria.model(NodeId.require("CriteriaModel", version.modelId(), "modelId")).map(ModelView::of).orElseThrow();
    }

    @Name("servedVersion")
    @Description("The version whose scores lead.score shows (complete scores); null while none has complete scores.")
    public List<VersionView> served(@Source List<ModelView> models) {
        return versions(models.stream().map(ModelView::servedVersionId).toList());
    }

    @Name("activeVersion")
    @Description("The published version that scores new activity; null before the first publish.")
    public List<VersionView> active(@Source List<ModelView> models) {
        Map<UUID, VersionView> byModel = criteria.activeVersionsOf(models.stream().map(ModelView::uuid).toList()).stream()
                .collect(Collectors.toMap(v -> v.modelId(), VersionView::of));
        return models.stream().map(m -> byModel.get(m.uuid())).toList();
    }

    /** The versions of the given ids in the same order; null where the id is null or names no version of this workspace. */
    private List<VersionView> versions(List<String> ids) {
        Collection<UUID> wanted = ids.stream().filter(Objects::nonNull).map(id -> NodeId.require("CriteriaVersion", id, "versionId"))
                .collect(Collectors.toSet());
        Map<UUID, VersionView> found = criteria.versions(wanted).stream().map(VersionView::of)
                .collect(Collectors.toMap(VersionView::uuid, Function.identity()));
        return ids.stream().map(id -> id == null ? null : found.get(NodeId.require("CriteriaVersion", id, "versionId"))).toList();
    }
}
