package io.leadproof.security;

import java.util.Optional;

import org.eclipse.microprofile.graphql.Description;

/** The LeadProof roles as a closed set for clients; each carries its Keycloak realm role name ({@link Roles}). */
@Description("A LeadProof role (docs/security.md has the matrix of what each may do).")
public enum Role {
    @Description("RevOps administrator (realm role revops-admin): configures criteria, reps, privacy; reads everything.")
    REVOPS_ADMIN(Roles.ADMIN),
    @Description("Marketing (realm role marketing): campaigns, costs, leads and the funnel.")
    MARKETING(Roles.MARKETING),
    @Description("Sales (realm role sales): the rep's own handoff queue and responses.")
    SALES(Roles.SALES),
    @Description("Leadership (realm role leadership): reads metrics and evidence.")
    LEADERSHIP(Roles.LEADERSHIP);

    private final String realmRole;

    Role(String realmRole) {
        this.realmRole = realmRole;
    }

    public String realmRole() {
        return realmRole;
    }

    public static Optional<Role> ofRealmRole(String name) {
        for (Role r : values()) {
            if (r.realmRole.equals(name)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
