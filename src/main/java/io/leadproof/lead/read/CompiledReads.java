package io.leadproof.lead.read;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import io.leadproof.common.RequestReads;
import io.leadproof.lead.LeadQuery;
import io.leadproof.security.CurrentWorkspace;
import io.quarkus.arc.Arc;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Runs a {@link ReadPlan}: its one statement in one round trip ({@link RequestReads#readAlone}: the workspace and row-level
 * security settings, read only, the statement timeout, cancellation when the client leaves), off the event loop, and
 * hands back the {@code data} object PostgreSQL built as {@link RawJson}, which SmallRye writes as it is — or, when the
 * plan has cursors to seal ({@link CursorSealing}), parsed and sealed.
 */
final class CompiledReads {

    private static final JsonReaderFactory JSON = JsonProvider.provider().createReaderFactory(Map.of());

    private CompiledReads() {
    }

    static CompletableFuture<JsonValue> run(ReadPlan plan) {
        Context context = Vertx.currentContext();
        if (context != null && Context.isOnEventLoopThread()) {
            var requestContext = Arc.container().requestContext();
            var state = requestContext.getState();
            return context.<JsonValue> executeBlocking(() -> {
                boolean activate = !requestContext.isActive();
                if (activate) {
                    requestContext.activate(state);
                }
                try {
                    return read(plan);
                } finally {
                    if (activate) {
                        requestContext.deactivate();
                    }
                }
            }, false).toCompletionStage().toCompletableFuture();
        }
        try {
            return CompletableFuture.completedFuture(read(plan));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static JsonValue read(ReadPlan plan) {
        var container = Arc.container();
        String workspace = container.instance(CurrentWorkspace.class).get().id();
        var params = new ArrayList<>(plan.params());
        params.replaceAll(p -> p == ReadPlan.WORKSPACE ? workspace : p);
        String json = container.instance(RequestReads.class).get().readAlone(plan.sql(),
                (c, ps, first) -> LeadQuery.bind(c, ps, params, first), rs -> {
                    rs.next();
                    return rs.getString(1);
                });
        if (plan.cursors().isEmpty()) {
            return RawJson.of(json);
        }
        try (var reader = JSON.createReader(new StringReader(json))) {
            return CursorSealing.seal(reader.readObject(), plan.cursors()); // cursors are sealed in Java
        }
    }
}
