package io.leadproof.evidence.backtesting;

import io.leadproof.common.UserErrorCode;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.eclipse.microprofile.graphql.Type;

import io.leadproof.common.Node;
import io.leadproof.common.NodeId;
import io.leadproof.common.UserError;
import io.leadproof.security.CurrentWorkspace;
import io.leadproof.workspace.WorkspaceTypes.WorkspaceView;
import io.leadproof.security.Roles;

/** The workspace's rule for publishing criteria: RevOps sets it; whoever works on criteria reads it. */
@GraphQLApi
public class PublishPolicyGraphQL {

    @Inject
    PublishPolicies policies;
    @Inject
    CurrentWorkspace workspace;

    @Type("CriteriaPublishPolicy")
    @Description("The workspace's rule for publishing criteria versions: one per workspace, reached from Workspace.publishPolicy.")
    public record View(
            @Id @NonNull @Description("Global id, gid://leadproof/CriteriaPublishPolicy/<workspace alias>.") String id,
            @NonNull @Description("Whether a version is published only after a successful backtest started after its last edit "
                    + "(default false).") boolean requireBacktest,
            @Description("When it was last changed; null when never.") OffsetDateTime updatedAt,
            @Description("Who last changed it.") String updatedBy) implements Node {

        /** The policy of the workspace {@code alias}; {@code p} null when it never changed (the defaults). */
        public static View of(String alias, PublishPolicy p) {
            String id = NodeId.ofWorkspace("CriteriaPublishPolicy", alias);
            return p == null ? new View(id, false, null, null)
                    : new View(id, p.requiresBacktest(), p.updatedAt().atOffset(ZoneOffset.UTC), p.updatedBy());
        }
    }

    @Type("CriteriaPublishPolicyPayload")
    @Description("Result of changing the publish policy.")
    public record Payload(@Description("The policy after the change.") View policy,
                          @NonNull @Description("Problems with the input.") List<@NonNull UserError> userErrors) {
    }

    @Query("criteriaPublishPolicy")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.LEADERSHIP })
    @Description("The workspace's rule for publishing criteria versions.")
    public @NonNull View criteriaPublishPolicy() {
        return current();
    }

    /** The current workspace's policy (NodeLookup refetches it by id). */
    public View current() {
        return View.of(workspace.id(), policies.current());
    }

    @Name("publishPolicy")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.LEADERSHIP })
    @Description("The workspace's rule for publishing criteria versions (as criteriaPublishPolicy).")
    public View publishPolicy(@Source WorkspaceView w) {
        return current();
    }

    @Mutation("criteriaPublishPolicySet")
    @RolesAllowed(Roles.ADMIN)
    @Description("Sets the workspace's rule for publishing criteria versions.")
    public @NonNull Payload criteriaPublishPolicySet(@NonNull @Description("The rule.") BacktestInputs.PolicySet input) {
        if (input.requireBacktest() == null) {
            return new Payload(null, List.of(UserError.of(UserErrorCode.REQUIRED, "requireBacktest is required", "requireBacktest")));
        }
        return new Payload(View.of(workspace.id(), policies.set(input.requireBacktest())), List.of());
    }
}
