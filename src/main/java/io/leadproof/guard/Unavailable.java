package io.leadproof.guard;

import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import io.leadproof.ops.DatabaseOutage;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * The answer to a request the database could not serve: {@code extensions: {code: UNAVAILABLE, reason:
 * DATABASE_UNAVAILABLE, retryAfter: <seconds>}} on each failed field, and, over HTTP, status 503 with a
 * {@code Retry-After} header — also when other fields of the same request did answer, because clients retry the whole
 * operation. Subscriptions (graphql-ws) carry the same error in their message; a web socket has no status to set.
 */
final class Unavailable {

    static final String CODE = "UNAVAILABLE";
    static final String REASON = "DATABASE_UNAVAILABLE";
    static final String MESSAGE = "The service cannot reach its database right now. Retry in %d s.";

    private Unavailable() {
    }

    static void extensions(Map<String, Object> extensions) {
        extensions.put("code", CODE);
        extensions.put("reason", REASON);
        extensions.put("retryAfter", DatabaseOutage.retryAfterSeconds());
    }

    /** Turns an HTTP answer carrying an UNAVAILABLE error into a 503; SmallRye sets 200 just before it writes. */
    static void answer(RoutingContext http, ExecutionResult result) {
        if (http == null || !in(result) || http.response().headWritten()) {
            return;
        }
        http.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseOutage.retryAfterSeconds()));
        http.addHeadersEndHandler(v -> http.response().setStatusCode(503).setStatusMessage("Service Unavailable"));
    }

    static boolean in(ExecutionResult result) {
        if (result.getErrors() == null) {
            return false;
        }
        for (GraphQLError error : result.getErrors()) {
            if (error.getExtensions() != null && CODE.equals(error.getExtensions().get("code"))) {
                return true;
            }
        }
        return false;
    }
}
