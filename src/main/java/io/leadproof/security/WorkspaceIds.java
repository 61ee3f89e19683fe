package io.leadproof.security;

import java.util.regex.Pattern;

import io.leadproof.common.ApiException;

/** Workspace ids are Keycloak organization aliases; this is the shape the database accepts. */
public final class WorkspaceIds {

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    static final String INVALID_MESSAGE = "Workspace id must match " + VALID.pattern();

    private WorkspaceIds() {
    }

    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }

    public static String requireValid(String id) {
        if (!isValid(id)) {
            throw ApiException.workspace("WORKSPACE_INVALID", INVALID_MESSAGE);
        }
        return id;
    }
}
