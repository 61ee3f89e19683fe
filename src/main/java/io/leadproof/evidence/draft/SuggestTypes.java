package io.leadproof.evidence.draft;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.leadproof.common.UserError;
import io.leadproof.criteria.CriteriaTypes.VersionView;

/** The answer of {@code criteriaSuggest}. */
public final class SuggestTypes {

    private SuggestTypes() {
    }

    @Type("SuggestedChange")
    @Description("One change of a suggested draft with its rationale.")
    public record ChangeView(
            @NonNull @Description("The rule's key in the draft.") String ruleKey,
            @NonNull @Description("The change and its evidence.") RationaleView rationale) {
    }

    @Type("CriteriaSuggestPayload")
    @Description("Result of criteriaSuggest: a DRAFT version (nothing is published), its changes, and notes on strong "
            + "evidence no rule can express; or the problems with the input.")
    public record Payload(
            @Description("The draft, copied from the model's active version with the proposed rules.") VersionView version,
            @NonNull @Description("The proposed changes, each with its rationale.") List<@NonNull ChangeView> changes,
            @NonNull @Description("Evidence no rule can express, or that the active version already covers.") List<@NonNull String> notes,
            @NonNull @Description("Problems with the input.") List<@NonNull UserError> userErrors) {

        public static Payload failed(List<UserError> errors) {
            return new Payload(null, List.of(), List.of(), errors);
        }
    }
}
