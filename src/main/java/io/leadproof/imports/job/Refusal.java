package io.leadproof.imports.job;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** An import endpoint's refusal: the status and a body shaped like the GraphQL errors, {@code {"errors":[{message, extensions:{code}}]}}. */
final class Refusal {

    private Refusal() {
    }

    static void send(RoutingContext rc, int status, String code, String message) {
        if (rc.response().ended() || rc.response().headWritten()) {
            return;
        }
        var error = new JsonObject().put("message", message).put("extensions", new JsonObject().put("code", code));
        rc.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
    }
}
