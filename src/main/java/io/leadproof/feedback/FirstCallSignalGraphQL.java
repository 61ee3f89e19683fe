package io.leadproof.feedback;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Type;

import io.leadproof.common.UserError;
import io.leadproof.security.Roles;

@GraphQLApi
public class FirstCallSignalGraphQL {

    @Type("FirstCallSignalCode")
    @Description("A code of the workspace's first-call signal taxonomy: what a first call or meeting showed. Positive or negative evidence is the analysis' call, not the label's.")
    public record View(
            @Id @NonNull @Description("Global id.") String id,
            @NonNull @Description("Stable code, e.g. BUDGET_CONFIRMED.") String code,
            @NonNull @Description("Label shown to reps.") String label,
            @NonNull @Description("Inactive codes cannot be logged on new touches; past touches keep them.") boolean active)
            implements io.leadproof.common.Node {

        public static View of(FirstCallSignalCodes.Code c) {
            return c == null ? null : new View(io.leadproof.common.NodeId.of("FirstCallSignalCode", c.id()), c.code(), c.label(), c.active());
        }
    }

    @Input("FirstCallSignalCodeCreateInput")
    @Description("A new first-call signal code.")
    public record CreateInput(
            @NonNull @Description("Code: upper-case letters, digits, underscores; 2..40 characters.") String code,
            @NonNull @Description("Label, at most 120 characters.") String label) {
    }

    @Input("FirstCallSignalCodeUpdateInput")
    @Description("Rename or (de)activate a code; codes never change, so history keeps its meaning.")
    public record UpdateInput(
            @NonNull @Description("The code.") String code,
            @Description("New label.") String label,
            @Description("Active or not.") Boolean active) {
    }

    @Type("FirstCallSignalCodePayload")
    @Description("Result of a first-call signal code mutation.")
    public record Payload(
            @Description("The code; null when the input had errors.") View signal,
            @NonNull @Description("Problems with the input.") List<@NonNull UserError> userErrors) {
    }

    @Inject
    FirstCallSignalCodes codes;

    @Query("firstCallSignalCodes")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP })
    @Description("The first-call signal taxonomy (bounded: at most 200 codes).")
    public @NonNull List<@NonNull View> firstCallSignalCodes(@Description("Include deactivated codes (default false).") Boolean includeInactive) {
        return codes.all(Boolean.TRUE.equals(includeInactive)).stream().map(View::of).toList();
    }

    @Mutation("firstCallSignalCodeCreate")
    @RolesAllowed(Roles.ADMIN)
    @Description("Adds a first-call signal code.")
    public @NonNull Payload firstCallSignalCodeCreate(@NonNull @Description("The code.") CreateInput input) {
        var r = codes.create(input.code(), input.label());
        return new Payload(View.of(r.code()), r.userErrors());
    }

    @Mutation("firstCallSignalCodeUpdate")
    @RolesAllowed(Roles.ADMIN)
    @Description("Renames or (de)activates a first-call signal code.")
    public @NonNull Payload firstCallSignalCodeUpdate(@NonNull @Description("The change.") UpdateInput input) {
        var r = codes.update(input.code(), input.label(), input.active());
        return new Payload(View.of(r.code()), r.userErrors());
    }
}
