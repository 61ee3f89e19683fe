package io.leadproof.handoff;

import io.leadproof.common.UserErrorCode;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Type;

import io.leadproof.common.InputProblems;
import io.leadproof.common.UserError;
import io.leadproof.security.CurrentWorkspace;
import io.leadproof.security.Roles;
import io.smallrye.graphql.api.Deprecated;

/** The reps handoffs can be assigned to; reps can mark themselves unavailable (round robin skips them). */
@GraphQLApi
public class SalesRepGraphQL {

    @Type("SalesRep")
    @Description("A sales user who receives handoffs.")
    public record RepView(
            @org.eclipse.microprofile.graphql.Id @NonNull @Description("Global id.") String id,
            @NonNull @Description("User name (as in the token).") String userName,
            @NonNull @Description("Display name.") String displayName,
            @NonNull @Description("Whether round robin assigns to this rep.") boolean available) implements io.leadproof.common.Node {
        public static RepView of(SalesRep r) {
            return new RepView(io.leadproof.common.NodeId.of("SalesRep", r.id()), r.userName(), r.displayName(), r.available());
        }
    }

    @Input("SalesRepUpsertInput")
    @Description("Registers or updates a rep.")
    public record UpsertInput(
            @NonNull @Description("User name, 1..100 characters.") String userName,
            @Description("Display name; defaults to the user name.") String displayName,
            @Description("Available for round robin (default true).") Boolean available) {
    }

    @Input("SalesRepSetMyAvailabilityInput")
    @Description("The signed-in rep's availability.")
    public record AvailabilityInput(
            @NonNull @Description("Available for new handoffs (round robin skips an unavailable rep).") Boolean available) {
    }

    @Type("SalesRepPayload")
    @Description("Result of a sales rep mutation.")
    public record Payload(
            @Description("The rep.") RepView rep,
            @NonNull @Description("Problems with the input.") List<@NonNull UserError> userErrors) {
    }

    @Inject
    SalesReps reps;
    @Inject
    CurrentWorkspace workspace;

    @Query("salesReps")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP })
    @Description("Registered reps by user name, at most 500.")
    public @NonNull List<@NonNull RepView> salesReps() {
        return SalesRep.<SalesRep>find("order by userName").page(0, 500).list().stream().map(RepView::of).toList();
    }

    @Mutation("salesRepUpsert")
    @RolesAllowed(Roles.ADMIN)
    @Description("Registers a rep, or changes their name or availability. The user must have signed in to this workspace with "
            + "the sales role (NOT_A_MEMBER otherwise).")
    public @NonNull Payload salesRepUpsert(@NonNull @Description("The rep.") UpsertInput input) {
        var problems = new InputProblems();
        String user = problems.text(input.userName(), 100, "userName");
        String name = problems.text(input.displayName(), 200, "displayName");
        if (user == null && problems.isEmpty()) {
            problems.add(UserErrorCode.REQUIRED, "userName must not be blank", "userName");
        }
        if (!problems.isEmpty()) {
            return new Payload(null, problems.errors());
        }
        try {
            return new Payload(RepView.of(reps.upsert(user, name, input.available())), List.of());
        } catch (HandoffRuleException e) {
            return new Payload(null, List.of(UserError.of(e.code(), e.getMessage(), e.field())));
        }
    }

    @Mutation("salesRepSetMyAvailability")
    @RolesAllowed(Roles.SALES)
    @Description("A rep marks themselves available or unavailable (holiday, full pipeline).")
    @Transactional
    public @NonNull Payload salesRepSetMyAvailability(
            @Description("The availability.") AvailabilityInput input,
            @Deprecated(reason = "Use input: {available: ...}, like every other mutation. Removed in the next release.")
            @Description("Available for new handoffs (the first form of this mutation).") Boolean available) {
        Boolean wanted = input != null ? input.available() : available;
        String field = input != null ? "input" : "available";
        if (wanted == null) {
            return new Payload(null, List.of(UserError.of(UserErrorCode.REQUIRED, "say whether you are available: input: {available: true}", "input")));
        }
        return SalesRep.<SalesRep>find("userName", workspace.actor()).firstResultOptional().map(rep -> {
            rep.setAvailable(wanted);
            return new Payload(RepView.of(rep), List.of());
        }).orElseGet(() -> new Payload(null, List.of(UserError.of(UserErrorCode.NOT_FOUND, "you are not a registered sales rep", field))));
    }
}
