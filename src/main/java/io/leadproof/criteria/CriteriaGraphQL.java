package io.leadproof.criteria;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.leadproof.common.Cursors;
import io.leadproof.common.NodeId;
import io.leadproof.common.UserError;
import io.leadproof.criteria.CriteriaTypes.ModelPayload;
import io.leadproof.criteria.CriteriaTypes.ModelView;
import io.leadproof.criteria.CriteriaTypes.VersionPayload;
import io.leadproof.criteria.CriteriaTypes.VersionView;
import io.leadproof.security.Roles;

/** Criteria are readable by everyone (transparency ends the argument); marketing edits drafts; only RevOps publishes. */
@GraphQLApi
public class CriteriaGraphQL {

    @Inject
    CriteriaService criteria;

    @Query("criteriaModels")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP })
    @Description("The workspace's criteria models by name, at most " + Cursors.MAX_PAGE + ".")
    @io.smallrye.graphql.api.Deprecated(reason = "Models past the first page cannot be reached: use criteriaModelsConnection. Removed in the next release.")
    public @NonNull List<@NonNull ModelView> criteriaModels(
            @Description("How many, 1.." + Cursors.MAX_PAGE + " (default " + Cursors.DEFAULT_PAGE + ").") Integer first) {
        return criteria.models().stream().limit(Cursors.pageSize(first)).map(ModelView::of).toList();
    }

    @Query("criteriaModel")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP })
    @Description("A criteria model by id.")
    public ModelView criteriaModel(@NonNull @Id @Description("Model id.") String id) {
        return criteria.model(NodeId.require("CriteriaModel", id, "id")).map(ModelView::of).orElse(null);
    }

    @Query("criteriaVersion")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP })
    @Description("A criteria version by id.")
    public VersionView criteriaVersion(@NonNull @Id @Description("Version id.") String id) {
        return criteria.version(NodeId.require("CriteriaVersion", id, "id")).map(VersionView::of).orElse(null);
    }

    @Mutation("criteriaModelCreate")
    @RolesAllowed(Roles.ADMIN)
    @Description("Creates a criteria model without versions; add a draft next.")
    public @NonNull ModelPayload criteriaModelCreate(@NonNull @Description("The model.") CriteriaInputs.ModelCreate input) {
        var r = criteria.createModel(input.name(), Boolean.TRUE.equals(input.drivesHandoffs()));
        return new ModelPayload(r.value() == null ? null : ModelView.of(r.value()), r.userErrors());
    }

    @Mutation("criteriaModelSetHandoff")
    @RolesAllowed(Roles.ADMIN)
    @Description("Makes this model the one whose active version creates MQLs and handoffs.")
    public @NonNull ModelPayload criteriaModelSetHandoff(@NonNull @Description("The model.") CriteriaInputs.ModelSetHandoff input) {
        var r = criteria.setHandoffModel(NodeId.require("CriteriaModel", input.modelId(), "modelId"));
        var change = r.value();
        return change == null ? new ModelPayload(null, r.userErrors())
                : new ModelPayload(ModelView.of(change.model()), change.previous() == null ? null : ModelView.of(change.previous()), r.userErrors());
    }

    @Mutation("criteriaDraftCreate")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING })
    @Description("Creates a draft version, empty or copied from a version of the same model.")
    public @NonNull VersionPayload criteriaDraftCreate(@NonNull @Description("The draft.") CriteriaInputs.DraftCreate input) {
        UUID copy = input.copyFromVersionId() == null ? null : NodeId.require("CriteriaVersion", input.copyFromVersionId(), "copyFromVersionId");
        return VersionPayload.of(criteria.createDraft(NodeId.require("CriteriaModel", input.modelId(), "modelId"), copy));
    }

    @Mutation("criteriaRuleAdd")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING })
    @Description("Adds a rule to a draft.")
    public @NonNull VersionPayload criteriaRuleAdd(@NonNull @Description("The rule.") CriteriaInputs.RuleAdd input) {
        var definition = input.rule().definition();
        List<UserError> errors = RuleChecks.check(definition);
        return errors.isEmpty() ? VersionPayload.of(criteria.edit(versionId(input.versionId()), v -> v.addRule(definition)))
                : new VersionPayload(null, errors);
    }

    @Mutation("criteriaRuleUpdate")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING })
    @Description("Replaces a rule of a draft.")
    public @NonNull VersionPayload criteriaRuleUpdate(@NonNull @Description("The change.") CriteriaInputs.RuleUpdate input) {
        var definition = input.rule().definition();
        List<UserError> errors = RuleChecks.check(definition);
        return errors.isEmpty()
                ? VersionPayload.of(criteria.edit(versionId(input.versionId()), v -> v.replaceRule(input.ruleKey(), definition)))
                : new VersionPayload(null, errors);
    }

    @Mutation("criteriaRuleRemove")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING })
    @Description("Removes a rule from a draft.")
    public @NonNull VersionPayload criteriaRuleRemove(@NonNull @Description("The rule.") CriteriaInputs.RuleRemove input) {
        return VersionPayload.of(criteria.edit(versionId(input.versionId()), v -> v.removeRule(input.ruleKey())));
    }

    @Mutation("criteriaThresholdsSet")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING })
    @Description("Sets a draft's MQL threshold and optional minimum fit and engagement.")
    public @NonNull VersionPayload criteriaThresholdsSet(@NonNull @Description("The thresholds.") CriteriaInputs.ThresholdsSet input) {
        var problems = new io.leadproof.common.InputProblems();
        problems.range(input.mql(), -1_000_000, 1_000_000, "mql");
        problems.range(input.minFit(), -1_000_000, 1_000_000, "minFit");
        problems.range(input.minEngagement(), -1_000_000, 1_000_000, "minEngagement");
        if (!problems.isEmpty()) {
            return new VersionPayload(null, problems.errors());
        }
        return VersionPayload.of(criteria.edit(versionId(input.versionId()),
                v -> v.setThresholds(input.mql(), input.minFit(), input.minEngagement())));
    }

    @Mutation("criteriaVersionPublish")
    @RolesAllowed(Roles.ADMIN)
    @Description("Publishes a draft: it becomes ACTIVE and immutable, the previous active version is retired, "
            + "and all leads are rescored in the background (see scoringJob).")
    public @NonNull VersionPayload criteriaVersionPublish(@NonNull @Description("The draft.") CriteriaInputs.VersionRef input) {
        var r = criteria.publish(versionId(input.versionId()));
        var published = r.value();
        return published == null ? VersionPayload.of(r)
                : new VersionPayload(VersionView.of(published), criteria.retiredBy(published).map(VersionView::of).orElse(null), r.userErrors());
    }

    @Mutation("criteriaVersionRetire")
    @RolesAllowed(Roles.ADMIN)
    @Description("Discards a draft. The active version is retired only by publishing its successor.")
    public @NonNull VersionPayload criteriaVersionRetire(@NonNull @Description("The version.") CriteriaInputs.VersionRef input) {
        return VersionPayload.of(criteria.retire(versionId(input.versionId())));
    }

    private static UUID versionId(String id) {
        return NodeId.require("CriteriaVersion", id, "versionId");
    }
}
