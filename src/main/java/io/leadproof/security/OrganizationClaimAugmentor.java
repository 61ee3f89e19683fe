package io.leadproof.security;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Copies the workspaces a token grants (Keycloak's {@code organization} claim) into the identity's
 * {@value #WORKSPACES} attribute. Keycloak sends the claim as a list of organization aliases, or as
 * an object keyed by alias when organization ids are included; both are understood.
 */
@ApplicationScoped
public class OrganizationClaimAugmentor implements SecurityIdentityAugmentor {

    public static final String WORKSPACES = "workspaces";
    static final String CLAIM = "organization";

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        Set<String> workspaces = workspacesOf(claimOf(jwt));
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
                .addAttribute(WORKSPACES, Set.copyOf(workspaces))
                .build());
    }

    /**
     * The claim straight from the verified claims set: {@code JsonWebToken.getClaim(String)} first looks the name up
     * among the standard claims with {@code Claims.valueOf}, which throws and catches an exception for every custom
     * name — once a request.
     */
    static Object claimOf(JsonWebToken jwt) {
        return jwt instanceof OidcJwtCallerPrincipal oidc ? oidc.getClaims().getClaimValue(CLAIM) : jwt.getClaim(CLAIM);
    }

    static Set<String> workspacesOf(Object claim) {
        Set<String> result = new LinkedHashSet<>();
        if (claim instanceof JsonArray array) {
            for (JsonValue v : array) {
                if (v instanceof JsonString s) {
                    result.add(s.getString());
                }
            }
        } else if (claim instanceof JsonObject object) {
            result.addAll(object.keySet());
        } else if (claim instanceof JsonString s) {
            result.add(s.getString());
        } else if (claim instanceof Map<?, ?> byAlias) {
            byAlias.keySet().forEach(alias -> result.add(String.valueOf(alias)));
        } else if (claim instanceof Iterable<?> items) {
            items.forEach(item -> result.add(String.valueOf(item)));
        } else if (claim instanceof String s) {
            result.add(s);
        }
        return result;
    }
}
