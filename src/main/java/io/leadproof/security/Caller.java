package io.leadproof.security;

import java.util.Collection;
import java.util.Set;

import io.leadproof.common.ApiException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling, and for which workspace, as the token and the {@value CurrentWorkspace#HEADER} header say: the one
 * reading of the caller that the API ({@link CurrentWorkspace}) and the guard in front of it (the cost budget's bucket
 * key) share. When no workspace can be established, {@code refusal} says why; {@link CurrentWorkspace} refuses the
 * request with it, the guard meters the request under the empty workspace (every resolver then refuses it).
 *
 * @param user the user name, null for an anonymous caller
 * @param workspace the workspace, null when none can be established
 * @param refusal the {@code WORKSPACE_ACCESS} reason when there is no workspace
 */
public record Caller(String user, String workspace, String refusal, String refusalMessage) {

    /** Reads the caller from the identity and the value of the workspace header (null when absent). */
    public static Caller of(SecurityIdentity identity, String header) {
        if (identity == null || identity.isAnonymous()) {
            return refused(null, "UNAUTHENTICATED", "Sign in: this operation needs a bearer token");
        }
        String user = identity.getPrincipal().getName();
        Set<String> granted = granted(identity.getAttribute(OrganizationClaimAugmentor.WORKSPACES));
        if (granted.isEmpty()) {
            return refused(user, "WORKSPACE_REQUIRED", "The token names no workspace: its 'organization' claim is missing or empty");
        }
        String asked = header == null || header.isBlank() ? null : io.leadproof.common.NodeId.workspaceAlias(header.strip());
        String chosen;
        if (asked != null) {
            if (!granted.contains(asked)) {
                return refused(user, "WORKSPACE_FORBIDDEN", "The token does not grant workspace '" + asked + "'");
            }
            chosen = asked;
        } else if (granted.size() > 1) {
            return refused(user, "WORKSPACE_AMBIGUOUS",
                    "The token grants several workspaces; name one in the " + CurrentWorkspace.HEADER + " header");
        } else {
            chosen = granted.iterator().next();
        }
        if (!WorkspaceIds.isValid(chosen)) {
            return refused(user, "WORKSPACE_INVALID", WorkspaceIds.INVALID_MESSAGE);
        }
        return new Caller(user, chosen, null, null);
    }

    public boolean anonymous() {
        return user == null;
    }

    /** The workspace, or the {@code WORKSPACE_ACCESS} refusal. */
    public String workspaceOrRefuse() {
        if (workspace == null) {
            throw ApiException.workspace(refusal, refusalMessage);
        }
        return workspace;
    }

    private static Caller refused(String user, String reason, String message) {
        return new Caller(user, null, reason, message);
    }

    private static Set<String> granted(Object attribute) {
        if (attribute instanceof Collection<?> values) {
            return Set.copyOf(values.stream().map(String::valueOf).toList());
        }
        return OrganizationClaimAugmentor.workspacesOf(attribute);
    }
}
