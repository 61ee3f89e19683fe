package io.leadproof.feedback;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Type;

import io.leadproof.common.UserError;
import io.leadproof.security.Roles;

@GraphQLApi
public class FeedbackGraphQL {

    @Type("RejectionReason")
    @Description("A code of the workspace's rejection taxonomy.")
    public record ReasonView(
            @org.eclipse.microprofile.graphql.Id @NonNull @Description("Global id.") String id,
            @NonNull @Description("Stable code, e.g. NO_BUDGET.") String code,
            @NonNull @Description("Label shown to reps.") String label,
            @NonNull @Description("Category the code maps to.") RejectionCategory category,
            @NonNull @Description("Inactive codes cannot be chosen for new rejections; past ones keep them.") boolean active) implements io.leadproof.common.Node {

        public static ReasonView of(RejectionReason r) {
            return new ReasonView(io.leadproof.common.NodeId.of("RejectionReason", r.id()), r.code(), r.label(), r.category(), r.active());
        }
    }

    @Input("RejectionReasonCreateInput")
    @Description("A new rejection reason code.")
    public record CreateInput(
            @NonNull @Description("Code: upper-case letters, digits, underscores; 2..40 characters.") String code,
            @NonNull @Description("Label, at most 120 characters.") String label,
            @NonNull @Description("Category.") RejectionCategory category) {
    }

    @Input("RejectionReasonUpdateInput")
    @Description("Rename or (de)activate a code; codes and categories never change, so history keeps its meaning.")
    public record UpdateInput(
            @NonNull @Description("The code.") String code,
            @Description("New label.") String label,
            @Description("Active or not.") Boolean active) {
    }

    @Type("RejectionReasonPayload")
    @Description("Result of a rejection reason mutation.")
    public record Payload(
            @Description("The reason; null when the input had errors.") ReasonView reason,
            @NonNull @Description("Problems with the input.") List<@NonNull UserError> userErrors) {
    }

    @Inject
    RejectionReasons reasons;

    @Query("rejectionReasons")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP })
    @Description("The rejection taxonomy by category (bounded: a workspace has at most a few dozen codes).")
    public @NonNull List<@NonNull ReasonView> rejectionReasons(@Description("Include deactivated codes (default false).") Boolean includeInactive) {
        return reasons.all(Boolean.TRUE.equals(includeInactive)).stream().limit(200).map(ReasonView::of).toList();
    }

    @Mutation("rejectionReasonCreate")
    @RolesAllowed(Roles.ADMIN)
    @Description("Adds a rejection reason code.")
    public @NonNull Payload rejectionReasonCreate(@NonNull @Description("The code.") CreateInput input) {
        var r = reasons.create(input.code(), input.label(), input.category());
        return new Payload(r.reason() == null ? null : ReasonView.of(r.reason()), r.userErrors());
    }

    @Mutation("rejectionReasonUpdate")
    @RolesAllowed(Roles.ADMIN)
    @Description("Renames or (de)activates a rejection reason code.")
    public @NonNull Payload rejectionReasonUpdate(@NonNull @Description("The change.") UpdateInput input) {
        var r = reasons.update(input.code(), input.label(), input.active());
        return new Payload(r.reason() == null ? null : ReasonView.of(r.reason()), r.userErrors());
    }
}
