package io.leadproof.security;

import java.util.Collection;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.leadproof.common.ApiException;
import io.leadproof.workspace.WorkspaceDirectory;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * The workspace the current request or job acts for. It comes only from the token (or, for
 * background jobs, from an explicit {@link #bindForJob}); input never chooses it. When a user
 * belongs to several workspaces, the {@value #HEADER} header names one of them.
 */
@RequestScoped
public class CurrentWorkspace {

    public static final String HEADER = "X-LeadProof-Workspace";

    @Inject
    SecurityIdentity identity;
    @Inject
    CurrentVertxRequest request;
    @Inject
    WorkspaceDirectory directory;

    private String workspaceId;
    private boolean job;

    /** The current workspace id; fails closed when none can be established. */
    public String id() {
        if (workspaceId == null) {
            String resolved = resolveFromToken();
            workspaceId = resolved; // set before provisioning: provisioning must not re-enter resolution
            directory.ensureExists(resolved);
        }
        return workspaceId;
    }

    /** For background jobs only: the job names its workspace explicitly. */
    public void bindForJob(String workspace) {
        if (workspaceId != null && !workspaceId.equals(workspace)) {
            throw new IllegalStateException("request is already bound to another workspace");
        }
        workspaceId = WorkspaceIds.requireValid(workspace);
        job = true;
        directory.ensureExists(workspaceId);
    }

    /**
     * The workspace this request or job has already established, or null. Never resolves from the token and
     * never provisions: {@link WorkspaceConnectionSettings} reads it when a connection is checked out of the
     * pool, and a connection checked out before a workspace is established gets none (and sees no rows).
     */
    public String established() {
        return workspaceId;
    }

    /** Whether the workspace was named by a background job ({@link #bindForJob}) rather than by a token. */
    public boolean isJob() {
        return job;
    }

    public String actor() {
        return identity.isAnonymous() ? "system" : identity.getPrincipal().getName();
    }

    private String resolveFromToken() {
        if (identity.isAnonymous()) {
            throw ApiException.workspace("UNAUTHENTICATED", "Sign in: this operation needs a bearer token");
        }
        Set<String> granted = grantedWorkspaces();
        if (granted.isEmpty()) {
            throw ApiException.workspace("WORKSPACE_REQUIRED",
                    "The token names no workspace: its 'organization' claim is missing or empty");
        }
        String asked = requestedWorkspace();
        if (asked != null) {
            if (!granted.contains(asked)) {
                throw ApiException.workspace("WORKSPACE_FORBIDDEN", "The token does not grant workspace '" + asked + "'");
            }
            return WorkspaceIds.requireValid(asked);
        }
        if (granted.size() > 1) {
            throw ApiException.workspace("WORKSPACE_AMBIGUOUS",
                    "The token grants several workspaces; name one in the " + HEADER + " header");
        }
        return WorkspaceIds.requireValid(granted.iterator().next());
    }

    private Set<String> grantedWorkspaces() {
        Object attribute = identity.getAttribute(OrganizationClaimAugmentor.WORKSPACES);
        if (attribute instanceof Collection<?> values) {
            return Set.copyOf(values.stream().map(String::valueOf).toList());
        }
        return OrganizationClaimAugmentor.workspacesOf(attribute);
    }

    private String requestedWorkspace() {
        var current = request.getCurrent();
        if (current == null) {
            return null;
        }
        String header = current.request().getHeader(HEADER);
        return header == null || header.isBlank() ? null : header.trim();
    }
}
