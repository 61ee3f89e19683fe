package io.leadproof.evidence.draft;

import io.leadproof.common.UserErrorCode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

import io.leadproof.common.NodeId;
import io.leadproof.common.UserError;
import io.leadproof.evidence.api.AnalysisRequestCheck;
import io.leadproof.evidence.api.EvidenceErrorCode;
import io.leadproof.evidence.api.EvidenceInputs;
import io.leadproof.security.Roles;

/** From evidence to a draft criteria version, for the people who edit criteria. */
@GraphQLApi
public class CriteriaSuggestGraphQL {

    @Inject
    CriteriaSuggestService suggestions;

    @Mutation("criteriaSuggest")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING })
    @Description("Creates a DRAFT version of a model, copied from its active version, with rules proposed from the evidence: "
            + "knock-outs for values with no wins over sufficient support, FIT/ENGAGEMENT rules for STRONG signals (points "
            + "from the weight of evidence scaled to the threshold), fewer points or a condition for what rejections "
            + "over-represent. Each change carries its rationale (CriteriaRule.rationale). Nothing is published.")
    public @NonNull SuggestTypes.Payload criteriaSuggest(@NonNull @Description("The model and the evidence.") EvidenceInputs.CriteriaSuggestInput input) {
        List<UserError> errors = new ArrayList<>();
        UUID modelId = NodeId.parse("CriteriaModel", input.modelId());
        if (modelId == null) {
            errors.add(EvidenceErrorCode.NOT_FOUND.error("modelId is not a CriteriaModel id", "input", "modelId"));
        }
        var checked = input.analysis() == null ? null : AnalysisRequestCheck.check(input.analysis());
        if (checked == null) {
            errors.add(UserError.of(UserErrorCode.REQUIRED, "analysis is required", "input", "analysis"));
        } else {
            checked.errors().forEach(e -> errors.add(relocate(e)));
        }
        Integer support = input.knockoutMinSupport();
        if (support != null && (support < 1 || support > AnalysisRequestCheck.MAX_SAMPLE)) {
            errors.add(UserError.of(UserErrorCode.OUT_OF_RANGE, "knockoutMinSupport must be between 1 and " + AnalysisRequestCheck.MAX_SAMPLE,
                    "input", "knockoutMinSupport"));
        }
        if (!errors.isEmpty()) {
            return SuggestTypes.Payload.failed(errors);
        }
        return suggestions.suggest(modelId, checked.request(), !Boolean.FALSE.equals(input.includeRejections()),
                support == null ? io.leadproof.evidence.suggest.SuggestionRequest.DEFAULT_KNOCKOUT_MIN_SUPPORT : support);
    }

    /** ["input", "window"] of the analysis input becomes ["input", "analysis", "window"]. */
    private static UserError relocate(UserError e) {
        List<String> path = new ArrayList<>(e.field());
        if (!path.isEmpty() && path.getFirst().equals("input")) {
            path.add(1, "analysis");
        }
        return new UserError(List.copyOf(path), e.message(), e.code());
    }
}
