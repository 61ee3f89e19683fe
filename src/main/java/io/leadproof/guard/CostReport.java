package io.leadproof.guard;

import java.util.LinkedHashMap;

import graphql.ExecutionResult;

/**
 * Tells the client what a request cost and what is left: always in response headers (in the style of GitHub's
 * {@code X-RateLimit-*}, so response bodies stay exactly what the query asked for), and in {@code extensions.cost}
 * when the request asks for it.
 */
final class CostReport {

    static final String COST = "X-LeadProof-Cost";
    static final String LIMIT = "X-LeadProof-Cost-Limit";
    static final String REMAINING = "X-LeadProof-Cost-Remaining";
    static final String RESTORE_RATE = "X-LeadProof-Cost-Restore-Rate";

    private CostReport() {
    }

    static ExecutionResult report(ExecutionResult result, GuardState state) {
        if (state.cost < 0) {
            return result;
        }
        headers(state);
        return state.costInBody ? result.transform(b -> b.addExtension("cost", numbers(state))) : result;
    }

    /** {@code actualCost} appears when work found while running (metrics rows) was charged on top of the price. */
    static LinkedHashMap<String, Object> numbers(GuardState state) {
        var cost = new LinkedHashMap<String, Object>();
        cost.put("requestedCost", state.cost);
        if (state.afterCost > 0) {
            cost.put("actualCost", state.cost + state.afterCost);
        }
        if (state.decision != null) {
            cost.put("limit", state.decision.capacity());
            cost.put("remaining", Math.max(0, state.decision.remaining() - state.afterCost));
            cost.put("restoreRate", state.decision.restoreRate());
        }
        return cost;
    }

    private static void headers(GuardState state) {
        if (state.http == null || state.http.response().headWritten() || state.http.response().ended()) {
            return;
        }
        var headers = state.http.response().headers();
        headers.set(COST, Long.toString(state.cost + state.afterCost));
        if (state.decision != null) {
            headers.set(LIMIT, Integer.toString(state.decision.capacity()));
            headers.set(REMAINING, Long.toString(Math.max(0, state.decision.remaining() - state.afterCost)));
            headers.set(RESTORE_RATE, rate(state.decision.restoreRate()));
            if (!state.decision.granted() && state.decision.retryAfterSeconds() > 0) {
                headers.set("Retry-After", Long.toString(state.decision.retryAfterSeconds()));
            }
        }
        if (state.retryAfter > 0) {
            headers.set("Retry-After", Long.toString(state.retryAfter));
        }
    }

    static String rate(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }
}
