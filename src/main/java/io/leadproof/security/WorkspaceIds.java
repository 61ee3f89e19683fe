package io.leadproof.security;

import java.util.regex.Pattern;

import io.leadproof.common.ApiException;

/** Workspace ids are Keycloak organization aliases; this is the shape the database accepts. */
public final class WorkspaceIds {

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    private WorkspaceIds() {
    }

    public static String requireValid(String id) {
        if (id == null || !VALID.matcher(id).matches()) {
            throw ApiException.workspace("WORKSPACE_INVALID", "Workspace id must match " + VALID.pattern());
        }
        return id;
    }
}
