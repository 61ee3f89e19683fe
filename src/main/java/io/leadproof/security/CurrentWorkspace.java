package io.leadproof.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.leadproof.workspace.WorkspaceDirectory;
import io.leadproof.workspace.WorkspaceMembers;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * The workspace the current request or job acts for. It comes only from the token (or, for
 * background jobs, from an explicit {@link #bindForJob}); input never chooses it. When a user
 * belongs to several workspaces, the {@value #HEADER} header names one of them. The rules are {@link Caller}'s.
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
    @Inject
    WorkspaceMembers members;

    private String workspaceId;
    private boolean job;

    /**
     * The current workspace id; fails closed when none can be established. The first time a user names a workspace
     * they are recorded as its member with the roles of their token ({@link WorkspaceMembers}).
     */
    public String id() {
        if (workspaceId == null) {
            String resolved = resolveFromToken();
            workspaceId = resolved; // set before provisioning: provisioning must not re-enter resolution
            directory.ensureExists(resolved);
            members.signedIn(resolved, identity.getPrincipal().getName(), identity.getRoles());
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
     * For the request context of a subscription's messages: the workspace its socket already established for the same
     * caller ({@link #id()}, provisioned and signed in there), so the messages' reads need not resolve it again.
     */
    public void continueIn(String established) {
        if (workspaceId != null && !workspaceId.equals(established)) {
            throw new IllegalStateException("request is already bound to another workspace");
        }
        workspaceId = WorkspaceIds.requireValid(established);
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
        return Caller.of(identity, requestedWorkspace()).workspaceOrRefuse();
    }

    private String requestedWorkspace() {
        var current = request.getCurrent();
        return current == null ? null : current.request().getHeader(HEADER);
    }
}
