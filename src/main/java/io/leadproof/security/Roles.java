package io.leadproof.security;

/** Keycloak realm roles. The role matrix that uses them is written down in docs/security.md. */
public final class Roles {
    public static final String ADMIN = "revops-admin";
    public static final String MARKETING = "marketing";
    public static final String SALES = "sales";
    public static final String LEADERSHIP = "leadership";

    private Roles() {
    }
}
