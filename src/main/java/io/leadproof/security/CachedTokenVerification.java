package io.leadproof.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Verifying a bearer token (signature, issuer, audience, expiry, roles mapping) cost about a fifth of the app CPU of a
 * compiled read; clients send the same token for minutes. This sits in front of quarkus-oidc (higher priority for the
 * same request type) and hands back what it proved for exactly the same token string until the token's {@code exp}
 * ({@link VerifiedTokens}). quarkus-oidc's own {@code token-cache} only covers introspection and UserInfo, not local JWT
 * verification. The identity augmentors (workspace claim) still run on every request; the per-request attributes of the
 * identity are those of the current request.
 */
@ApplicationScoped
public class CachedTokenVerification implements IdentityProvider<TokenAuthenticationRequest> {

    @Inject
    OidcIdentityProvider oidc;

    final VerifiedTokens<SecurityIdentity> verified;

    @Inject
    CachedTokenVerification(@ConfigProperty(name = "leadproof.security.verified-token-cache.max-size",
            defaultValue = "10000") int maxSize) {
        this.verified = new VerifiedTokens<>(maxSize, System::currentTimeMillis);
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return 2_000; // tried before quarkus-oidc's provider, which keeps the default (1001)
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        SecurityIdentity known = verified.get(token);
        if (known != null) {
            return Uni.createFrom().item(forThisRequest(known, request));
        }
        return oidc.authenticate(request, context).invoke(identity -> keep(token, identity));
    }

    boolean remembers(String token) {
        return verified.get(token) != null;
    }

    private void keep(String token, SecurityIdentity identity) {
        if (identity != null && identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0) {
            verified.put(token, identity, jwt.getExpirationTime() * 1000L);
        }
    }

    private static SecurityIdentity forThisRequest(SecurityIdentity known, TokenAuthenticationRequest request) {
        RoutingContext ctx = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (ctx == null) {
            return known;
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(known)
                .addAttribute(RoutingContext.class.getName(), ctx);
        Object blocking = ctx.get(AuthenticationRequestContext.class.getName());
        if (blocking != null) {
            builder.addAttribute(AuthenticationRequestContext.class.getName(), blocking);
        }
        return builder.build();
    }
}
