package io.leadproof.workspace;

import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.leadproof.security.CurrentWorkspace;
import io.leadproof.security.OrganizationClaimAugmentor;
import io.leadproof.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;

@GraphQLApi
public class WorkspaceGraphQL {

    private static final Set<String> KNOWN_ROLES = Set.of(Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP);

    @Inject
    WorkspaceService workspaces;
    @Inject
    CurrentWorkspace current;
    @Inject
    SecurityIdentity identity;

    @Query("workspace")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP })
    @Description("The workspace this request acts for.")
    public @NonNull WorkspaceTypes.WorkspaceView workspace() {
        return WorkspaceTypes.WorkspaceView.of(workspaces.current());
    }

    @Query("viewer")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP })
    @Description("The signed-in user, their roles and workspaces.")
    public @NonNull WorkspaceTypes.Viewer viewer() {
        var view = WorkspaceTypes.WorkspaceView.of(workspaces.current());
        List<String> roles = identity.getRoles().stream().filter(KNOWN_ROLES::contains).sorted().toList();
        Object granted = identity.getAttribute(OrganizationClaimAugmentor.WORKSPACES);
        List<String> all = granted instanceof java.util.Collection<?> c ? c.stream().map(String::valueOf).sorted().toList()
                : List.of(current.id());
        var grantedRoles = roles.stream().flatMap(r -> io.leadproof.security.Role.ofRealmRole(r).stream()).sorted().toList();
        return new WorkspaceTypes.Viewer(current.actor(), roles, grantedRoles, view, all);
    }

    @Mutation("workspaceUpdate")
    @RolesAllowed(Roles.ADMIN)
    @Description("Changes workspace settings.")
    public @NonNull WorkspaceTypes.UpdatePayload workspaceUpdate(@NonNull @Description("The changes.") WorkspaceTypes.UpdateInput input) {
        var errors = workspaces.update(input);
        return new WorkspaceTypes.UpdatePayload(WorkspaceTypes.WorkspaceView.of(workspaces.current()), errors);
    }
}
