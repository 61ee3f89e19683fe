package io.leadproof.evidence.settings;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.eclipse.microprofile.graphql.Type;

import io.leadproof.common.Node;
import io.leadproof.common.NodeId;
import io.leadproof.common.UserError;
import io.leadproof.workspace.WorkspaceTypes.WorkspaceView;
import io.leadproof.security.CurrentWorkspace;
import io.leadproof.security.Roles;

@GraphQLApi
public class EvidenceSettingsGraphQL {

    @Type("EvidenceSettings")
    @Description("How the workspace's evidence (outcomes, first-call signals) is judged; see docs/evidence.md. One per workspace, reached from Workspace.evidenceSettings.")
    public record View(
            @Id @NonNull @Description("Global id, gid://leadproof/EvidenceSettings/<workspace alias>.") String id,
            @NonNull @Description("An accepted handoff or opportunity with no progress and no logged touch for this many days is STALLED (default 30).") int stalledAfterDays,
            @NonNull @Description("First-call signals count when logged within this many days after the handoff (default 14).") int firstCallWindowDays)
            implements Node {

        static View of(String alias, WorkspaceEvidenceSettings s) {
            return s == null ? null : new View(NodeId.ofWorkspace("EvidenceSettings", alias), s.stalledAfterDays(), s.firstCallWindowDays());
        }
    }

    @Input("EvidenceSettingsUpdateInput")
    @Description("New evidence settings; a field left out keeps its value.")
    public record UpdateInput(
            @Description("Days without progress or touch after which an accepted handoff is STALLED, 1..3650.") Integer stalledAfterDays,
            @Description("Days after the handoff within which first-call signals count, 1..365.") Integer firstCallWindowDays) {
    }

    @Type("EvidenceSettingsUpdatePayload")
    @Description("Result of evidenceSettingsUpdate.")
    public record Payload(
            @Description("The settings now in force; null when the input had errors.") View evidenceSettings,
            @NonNull @Description("Problems with the input.") List<@NonNull UserError> userErrors) {
    }

    @Inject
    EvidenceSettings settings;
    @Inject
    CurrentWorkspace workspace;

    @Query("evidenceSettings")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.LEADERSHIP, Roles.SALES })
    @Description("The workspace's evidence settings.")
    public @NonNull View evidenceSettings() {
        return View.of(workspace.id(), settings.of(workspace.id()));
    }

    @Name("evidenceSettings")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.LEADERSHIP, Roles.SALES })
    @Description("How the workspace's evidence is judged (as the evidenceSettings query).")
    public @NonNull View workspaceEvidenceSettings(@Source WorkspaceView w) {
        return evidenceSettings();
    }

    @Mutation("evidenceSettingsUpdate")
    @RolesAllowed(Roles.ADMIN)
    @Description("Changes the workspace's evidence settings.")
    public @NonNull Payload evidenceSettingsUpdate(@NonNull @Description("The change.") UpdateInput input) {
        var r = settings.update(workspace.id(), input.stalledAfterDays(), input.firstCallWindowDays(), workspace.actor());
        return new Payload(View.of(workspace.id(), r.settings()), r.userErrors());
    }
}
