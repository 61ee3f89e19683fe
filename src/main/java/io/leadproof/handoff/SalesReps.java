package io.leadproof.handoff;

import io.leadproof.common.UserErrorCode;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.leadproof.security.CurrentWorkspace;
import io.leadproof.security.Roles;
import io.leadproof.workspace.WorkspaceMembers;

/**
 * Registers reps and changes them; the user name is the rep's identity within a workspace. A rep is a member of the
 * workspace with the sales role ({@link WorkspaceMembers}): handoffs, and the lead data frozen in them, go to
 * nobody else.
 */
@ApplicationScoped
public class SalesReps {

    @Inject
    Clock clock;
    @Inject
    CurrentWorkspace workspace;
    @Inject
    WorkspaceMembers members;

    /**
     * Registers the rep when new; a null display name or availability leaves that attribute as it is.
     *
     * @throws HandoffRuleException {@code NOT_A_MEMBER} when the user has not signed in to this workspace with the sales role
     */
    @Transactional
    public SalesRep upsert(String userName, String displayName, Boolean available) {
        if (!members.hasRole(workspace.id(), userName, Roles.SALES)) {
            throw new HandoffRuleException(UserErrorCode.NOT_A_MEMBER, userName + " has not signed in to this workspace with the sales role;"
                    + " a rep must sign in once (their token proves the membership) before they can be registered", "userName");
        }
        SalesRep rep = SalesRep.<SalesRep>find("userName", userName).firstResultOptional().orElseGet(() -> {
            var created = SalesRep.register(userName, displayName == null ? userName : displayName, clock.instant());
            created.persist();
            return created;
        });
        if (displayName != null) {
            rep.rename(displayName);
        }
        if (available != null) {
            rep.setAvailable(available);
        }
        return rep;
    }
}
