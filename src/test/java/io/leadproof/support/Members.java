package io.leadproof.support;

import java.util.List;

import io.leadproof.workspace.WorkspaceMembers;
import io.quarkus.arc.Arc;

/**
 * Test fixture: "this user has signed in to the workspace with these roles", recorded through the same method a real
 * sign-in goes through. A rep must be a member with the sales role before salesRepUpsert accepts them, and a
 * {@code @TestSecurity} test cannot make requests as a second user.
 */
public final class Members {

    private Members() {
    }

    public static void signedIn(String workspace, String user, String... roles) {
        Arc.container().instance(WorkspaceMembers.class).get().signedIn(workspace, user, List.of(roles));
    }

    /** The usual case: a sales rep who has signed in once. */
    public static void rep(String workspace, String user) {
        signedIn(workspace, user, "sales");
    }
}
