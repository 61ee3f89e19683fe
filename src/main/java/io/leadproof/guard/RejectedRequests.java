package io.leadproof.guard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The budget at the HTTP layer, for the work the GraphQL guard never prices: a document that does not parse, is over a
 * document limit or arrives in a malformed envelope was still read and parsed. Such a request is charged its size
 * ({@link HttpGuard#sizePoints}) to the caller's bucket — an anonymous caller's is keyed by client address — when it
 * ends, as a debt that empties the bucket at most. And a request whose bucket cannot pay for its size is refused with
 * 429 before its body is read, from what this pod last saw of the bucket ({@link BucketView}): no parsing, no
 * database statement. (Requests of one point, under 4 KB, go on to the GraphQL guard, which answers THROTTLED with the
 * exact numbers.)
 */
@ApplicationScoped
public class RejectedRequests {

    private static final Logger LOG = Logger.getLogger(RejectedRequests.class);

    @Inject
    GraphQLLimits limits;
    @Inject
    CostBudget budget;
    @Inject
    BucketView buckets;

    /** Answers 429 when the caller's bucket cannot pay for the request's declared size; true when it did. */
    boolean refuseUnaffordable(RoutingContext ctx) {
        Metered metered = Metered.of(ctx);
        var spec = limits.bucketFor(metered.workspace());
        if (!spec.enabled()) {
            return false;
        }
        long points = HttpGuard.sizePoints(declaredBytes(ctx), limits.cost().bytesPerPoint());
        long seconds = points <= 1 ? 0 : buckets.secondsUntil(metered.bucketKey(), points);
        if (seconds == 0) { // a small request is cheap to parse: the GraphQL guard answers it with its exact numbers
            return false;
        }
        ctx.put(HttpGuard.PRICED, Boolean.TRUE); // refused without work: nothing to charge
        long retry = Math.min(seconds, 3600);
        ctx.response().putHeader("Retry-After", Long.toString(retry));
        var extensions = new JsonObject().put("code", Refusals.THROTTLED).put("reason", "BUDGET_EXHAUSTED")
                .put("cost", points).put("retryAfterSeconds", retry);
        HttpGuard.refuse(ctx, 429, extensions, "Throttled: your budget cannot pay for a request of this size (" + points
                + " points) yet. Retry in " + retry + " s.");
        return true;
    }

    /**
     * When the answer is written without the GraphQL guard having charged the request, charges its size. (On the
     * headers, not the end of the response: SmallRye replaces the response's end handler with its own.)
     */
    void chargeWhenUnpriced(RoutingContext ctx) {
        Metered metered = Metered.of(ctx);
        var spec = limits.bucketFor(metered.workspace());
        if (!spec.enabled()) {
            return;
        }
        ctx.addHeadersEndHandler(written -> {
            if (ctx.get(HttpGuard.PRICED) != null) {
                return;
            }
            long bytes = ctx.get(HttpGuard.BODY_BYTES) instanceof Number n ? n.longValue() : 0;
            long points = HttpGuard.sizePoints(bytes, limits.cost().bytesPerPoint());
            if (buckets.secondsUntil(metered.bucketKey(), 1) > 0) {
                return; // already empty as far as this pod knows: another statement would change nothing
            }
            ctx.vertx().executeBlocking(() -> budget.drain(metered.bucketKey(), points, spec), false).onComplete(done -> {
                if (done.succeeded()) {
                    buckets.remember(metered.bucketKey(), done.result());
                } else {
                    LOG.debugf("Could not charge a rejected request: %s", done.cause().toString());
                }
            });
        });
    }

    private static long declaredBytes(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? 0 : Math.max(0, Long.parseLong(length.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
