package io.leadproof.guard;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * HTTP-level rules for the GraphQL endpoint, checked before SmallRye sees the request:
 *
 * <ul>
 * <li>POST must be {@code Content-Type: application/json} (else 415): no {@code text/plain} or form posts, which a
 * browser may send cross-site without a preflight, and no {@code application/graphql} bodies.</li>
 * <li>The body must be a JSON object whose {@code query} is a non-empty string, {@code operationName} a string or
 * null, {@code variables} and {@code extensions} objects or null (else 400). SmallRye would otherwise answer some
 * malformed envelopes with HTTP 500.</li>
 * <li>Bodies over {@code quarkus.http.limits.max-body-size} are refused with 413 before they are read.</li>
 * <li>A GET never runs a mutation or subscription (405), even when {@code quarkus.smallrye-graphql.http.get.enabled}
 * is switched on; with it off (the default) SmallRye refuses every GET with 405 itself.</li>
 * <li>Other methods are refused with 405; {@code <root>/schema.graphql} is 404 when introspection is off.</li>
 * <li>A request whose bucket, as this pod last saw it, cannot pay for the request's size is refused with 429 before
 * its body is read; a request the GraphQL guard never priced (refused here, unparseable, over a document limit) is
 * charged its size when it ends ({@link RejectedRequests}).</li>
 * <li>A web socket upgrade is passed to SmallRye with its messages checked ({@link SubscriptionGuard}).</li>
 * </ul>
 * Refusals carry a GraphQL-shaped body: {@code {"errors":[{"message":..., "extensions":{"code":...}}]}}.
 */
@ApplicationScoped
public class HttpGuard {

    /** Set on the exchange when the request asks for {@code extensions.cost} in the response body. */
    static final String COST_IN_BODY = "leadproof.cost-in-body";
    /** The size of the request body in bytes, for the size part of the price. */
    static final String BODY_BYTES = "leadproof.body-bytes";
    /** Set on the exchange once the guard has priced and charged the request. */
    static final String PRICED = "leadproof.priced";

    /** After CORS and the security handlers (-300..-100), before every endpoint route. */
    static final int ORDER = -50;
    /** After authentication (-200), before SmallRye's web socket handler (-99). */
    static final int WEB_SOCKET_ORDER = -100;

    @Inject
    GraphQLPath graphQLPath;
    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;
    @Inject
    GraphQLLimits limits;
    @Inject
    RejectedRequests rejected;
    @Inject
    SubscriptionGuard subscriptions;

    void install(@Observes Router router) {
        String path = graphQLPath.path();
        BodyHandler body = BodyHandler.create(false).setHandleFileUploads(false);
        maxBodySize.ifPresent(size -> body.setBodyLimit(size.asLongValue()));
        // Vert.x wants body handlers first on a route, so the header checks get a route of their own, before it.
        // SmallRye takes web socket upgrades at order -99, right after the security handlers: the watch goes first.
        router.route(path).order(WEB_SOCKET_ORDER).handler(this::checkUpgrade);
        router.route(path).order(ORDER).handler(this::checkMethod);
        router.route(path).order(ORDER + 1).handler(body).handler(this::checkEnvelope);
        router.route(path + "/schema.graphql").order(ORDER).handler(this::checkSchemaDownload);
    }

    void checkUpgrade(RoutingContext ctx) {
        if (HttpMethod.GET.equals(ctx.request().method()) && ctx.request().headers().contains(HttpHeaders.UPGRADE, HttpHeaders.WEBSOCKET, true)) {
            subscriptions.watch(ctx); // graphql-transport-ws: message checks and caps per connection and user
            ctx.next();
            UpgradedRequests.finished(ctx.request()); // not in flight for graceful shutdown: the socket may stay open for days
            return;
        }
        ctx.next();
    }

    void checkMethod(RoutingContext ctx) {
        var request = ctx.request();
        HttpMethod method = request.method();
        if (HttpMethod.OPTIONS.equals(method)) {
            ctx.next();
            return;
        }
        if (HttpMethod.GET.equals(method) && request.headers().contains(HttpHeaders.UPGRADE, HttpHeaders.WEBSOCKET, true)) {
            ctx.next(); // a web socket: its messages are checked by SubscriptionGuard
            return;
        }
        rejected.chargeWhenUnpriced(ctx);
        if (HttpMethod.GET.equals(method)) {
            if (writesOverGet(request.getParam("query"))) {
                ctx.response().putHeader(HttpHeaders.ALLOW, "POST");
                refuse(ctx, 405, "METHOD_NOT_ALLOWED", "Mutations and subscriptions must be sent with POST.");
            } else {
                ctx.next();
            }
        } else if (HttpMethod.POST.equals(method)) {
            if (!isJson(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
                refuse(ctx, 415, "UNSUPPORTED_MEDIA_TYPE", "Send GraphQL requests as Content-Type: application/json.");
            } else if (!rejected.refuseUnaffordable(ctx)) {
                ctx.next();
            }
        } else {
            ctx.response().putHeader(HttpHeaders.ALLOW, "GET, POST, OPTIONS");
            refuse(ctx, 405, "METHOD_NOT_ALLOWED", "Use POST (or GET for queries, when enabled).");
        }
    }

    void checkEnvelope(RoutingContext ctx) {
        if (!HttpMethod.POST.equals(ctx.request().method())) {
            ctx.next();
            return;
        }
        String body = ctx.body() == null ? null : ctx.body().asString();
        ctx.put(BODY_BYTES, ctx.body() == null ? 0 : ctx.body().length());
        String problem = envelopeProblem(body);
        if (problem != null) {
            refuse(ctx, 400, "BAD_REQUEST", problem);
            return;
        }
        if (body.contains("\"cost\"") && new JsonObject(body).getValue("extensions") instanceof JsonObject extensions
                && Boolean.TRUE.equals(extensions.getValue("cost"))) {
            ctx.put(COST_IN_BODY, Boolean.TRUE);
        }
        ctx.next();
    }

    void checkSchemaDownload(RoutingContext ctx) {
        if (limits.introspection()) {
            ctx.next();
        } else {
            refuse(ctx, 404, "NOT_FOUND", "The schema is not served here; see graphql-schema/schema.graphql.");
        }
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json");
    }

    /** What is wrong with a POST body, or null when it is a well-formed GraphQL request envelope. */
    static String envelopeProblem(String body) {
        if (body == null || body.isBlank()) {
            return "The request body is empty; send {\"query\": \"...\"}.";
        }
        JsonObject json;
        try {
            json = new JsonObject(body);
        } catch (RuntimeException e) { // DecodeException: not JSON, or JSON that is not an object
            return "The request body is not a JSON object.";
        }
        Object query = json.getValue("query");
        if (!(query instanceof String q) || q.isBlank()) {
            return "\"query\" must be a non-empty string.";
        }
        Object operationName = json.getValue("operationName");
        if (operationName != null && !(operationName instanceof String)) {
            return "\"operationName\" must be a string or null.";
        }
        for (String key : new String[] { "variables", "extensions" }) {
            Object value = json.getValue(key);
            if (value != null && !(value instanceof JsonObject) && !(value instanceof Map)) {
                return "\"" + key + "\" must be a JSON object or null.";
            }
        }
        return null;
    }

    /** True when a GET's document contains a mutation or subscription (unparseable ones are left to SmallRye). */
    static boolean writesOverGet(String query) {
        if (query == null || query.isBlank()) {
            return false;
        }
        Document document;
        try {
            document = Parser.parse(query);
        } catch (RuntimeException e) {
            return false;
        }
        return document.getDefinitionsOfType(OperationDefinition.class).stream()
                .anyMatch(op -> op.getOperation() != OperationDefinition.Operation.QUERY);
    }

    /** The size part of a request's price: one point per started {@code bytesPerPoint} bytes, at least one. */
    static long sizePoints(long bytes, int bytesPerPoint) {
        return Math.max(1, (bytes + bytesPerPoint - 1) / Math.max(1, bytesPerPoint));
    }

    static void refuse(RoutingContext ctx, int status, String code, String message) {
        refuse(ctx, status, new JsonObject().put("code", code), message);
    }

    static void refuse(RoutingContext ctx, int status, JsonObject extensions, String message) {
        var error = new JsonObject().put("message", message).put("extensions", extensions);
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=UTF-8")
                .end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
    }
}
