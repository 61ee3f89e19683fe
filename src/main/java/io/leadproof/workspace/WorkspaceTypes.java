package io.leadproof.workspace;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.leadproof.common.Node;
import io.leadproof.security.Role;
import io.leadproof.common.NodeId;
import io.leadproof.common.UserError;

/** GraphQL types of workspace settings and the signed-in user. */
public final class WorkspaceTypes {

    private WorkspaceTypes() {
    }

    @Type("Workspace")
    @Description("A tenant: one Keycloak organization. Every piece of data belongs to exactly one workspace.")
    public record WorkspaceView(
            @Id @NonNull @Description("Global id, gid://leadproof/Workspace/<alias>; the X-LeadProof-Workspace header accepts it or the alias.") String id,
            @NonNull @Description("The Keycloak organization alias that names the workspace in tokens and the X-LeadProof-Workspace header.") String alias,
            @NonNull @Description("Display name.") String name,
            @NonNull @Description("ISO 4217 currency all money is reported in.") String reportingCurrency,
            @NonNull @Description("Hours sales has to respond to a handoff.") int responseSlaHours,
            @NonNull @Description("How MQLs reach sales.") HandoffMode handoffMode,
            @NonNull @Description("When the workspace was first used.") OffsetDateTime createdAt) implements Node {

        static WorkspaceView of(Workspace w) {
            return new WorkspaceView(NodeId.workspace(w.id()), w.id(), w.name(), w.reportingCurrency(), w.slaHours(), w.handoffMode(),
                    w.createdAt().atOffset(ZoneOffset.UTC));
        }
    }

    @Type("Viewer")
    @Description("The signed-in user as the API sees them.")
    public record Viewer(
            @NonNull @Description("User name from the token.") String userName,
            @io.smallrye.graphql.api.Deprecated(reason = "Use grantedRoles (an enum). Removed in the next release.")
            @NonNull @Description("LeadProof roles the token grants, as realm role names.") List<@NonNull String> roles,
            @NonNull @Description("LeadProof roles the token grants.") List<@NonNull Role> grantedRoles,
            @NonNull @Description("The workspace this request acts for.") WorkspaceView workspace,
            @NonNull @Description("All workspaces the token grants; pick one with the X-LeadProof-Workspace header.") List<@NonNull String> workspaces) {
    }

    @Input("WorkspaceUpdateInput")
    @Description("Workspace settings to change; omitted fields stay.")
    public record UpdateInput(
            @Description("Display name.") String name,
            @Description("ISO 4217 reporting currency; cannot change once costs exist.") String reportingCurrency,
            @Description("Sales response SLA in hours, 1..720.") Integer responseSlaHours,
            @Description("AUTOMATIC or MANUAL handoffs.") HandoffMode handoffMode) {
    }

    @Type("WorkspaceUpdatePayload")
    @Description("Result of workspaceUpdate.")
    public record UpdatePayload(
            @Description("The workspace after the change.") WorkspaceView workspace,
            @NonNull @Description("Problems with the input.") List<@NonNull UserError> userErrors) {
    }
}
