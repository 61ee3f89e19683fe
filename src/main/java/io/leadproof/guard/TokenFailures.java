package io.leadproof.guard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jose4j.jwt.consumer.InvalidJwtException;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A bearer token that fails verification is refused with 401 before any GraphQL code runs (docs/security.md). Quarkus
 * answers with an empty body; this says why, in the body and in the {@code WWW-Authenticate} challenge (RFC 6750):
 *
 * <pre>
 * 401  WWW-Authenticate: Bearer error="invalid_token", error_description="The access token has expired"
 * {"errors":[{"message":"The access token has expired: get a new one and retry.",
 *             "extensions":{"code":"unauthorized","reason":"TOKEN_EXPIRED"}}]}
 * </pre>
 * {@code TOKEN_EXPIRED} when the token's {@code exp} has passed, {@code TOKEN_INVALID} for every other failure (signature,
 * algorithm, issuer, audience, a malformed token) — which check failed beyond expiry is not told: it would help
 * forgers, not clients.
 */
@ApplicationScoped
public class TokenFailures {

    static final String TOKEN_EXPIRED = "TOKEN_EXPIRED";
    static final String TOKEN_INVALID = "TOKEN_INVALID";

    @Inject
    GraphQLPath graphQLPath;

    void install(@Observes Router router) {
        String path = graphQLPath.path();
        router.route(path + "*").order(HttpGuard.ORDER).failureHandler(this::explain);
    }

    void explain(RoutingContext ctx) {
        if (ctx.response().ended() || authenticationFailure(ctx.failure()) == null && ctx.statusCode() != 401) {
            ctx.next();
            return;
        }
        boolean expired = expired(ctx.failure());
        String reason = expired ? TOKEN_EXPIRED : TOKEN_INVALID;
        String description = expired ? "The access token has expired" : "The access token is not valid for this service";
        String message = expired ? "The access token has expired: get a new one and retry."
                : "The access token is not valid for this service (signature, issuer, audience or format): sign in again.";
        ctx.response().putHeader("WWW-Authenticate",
                "Bearer error=\"invalid_token\", error_description=\"" + description + "\"");
        HttpGuard.refuse(ctx, 401, new JsonObject().put("code", AccessErrors.UNAUTHORIZED).put("reason", reason), message);
    }

    private static Throwable authenticationFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AuthenticationFailedException) {
                return t;
            }
        }
        return null;
    }

    static boolean expired(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidJwtException jwt && jwt.hasExpired()) {
                return true;
            }
        }
        return false;
    }
}
