package io.leadproof.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;

/** The workspaces a token grants, read from the claims set directly, are the ones the standard accessor gives. */
class OrganizationClaimTest {

    @Test
    void aListOfAliasesGrantsEachAlias() {
        assertWorkspaces(List.of("acme", "globex"), Set.of("acme", "globex"));
    }

    @Test
    void anObjectKeyedByAliasGrantsItsKeys() {
        assertWorkspaces(Map.of("acme", Map.of("id", "9a1"), "initech", Map.of("id", "3f2")), Set.of("acme", "initech"));
    }

    @Test
    void aSingleAliasGrantsIt() {
        assertWorkspaces("acme", Set.of("acme"));
    }

    @Test
    void noClaimGrantsNothing() {
        assertWorkspaces(null, Set.of());
    }

    private static void assertWorkspaces(Object claim, Set<String> expected) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("ada");
        if (claim != null) {
            claims.setClaim(OrganizationClaimAugmentor.CLAIM, claim);
        }
        OidcJwtCallerPrincipal principal = new OidcJwtCallerPrincipal(claims, null);
        Set<String> direct = OrganizationClaimAugmentor.workspacesOf(OrganizationClaimAugmentor.claimOf(principal));
        assertEquals(expected, direct);
        assertEquals(OrganizationClaimAugmentor.workspacesOf(principal.getClaim(OrganizationClaimAugmentor.CLAIM)), direct);
    }
}
