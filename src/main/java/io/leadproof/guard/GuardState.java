package io.leadproof.guard;

import java.util.concurrent.atomic.AtomicBoolean;

import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationState;
import io.leadproof.common.WorkMeter;
import io.vertx.ext.web.RoutingContext;

/** What the guard learnt about one request while admitting it, and what it owes afterwards. */
final class GuardState implements InstrumentationState {

    /** The price taken before the request ran; -1 when it was not priced (no document, no operation). */
    long cost = -1;
    CostBudget.Decision decision;
    AbortExecutionException refusal;
    /** The HTTP exchange, when there is one, for the cost headers. */
    RoutingContext http;
    /** Whether the request asked for {@code extensions.cost} in the body ({@code "extensions": {"cost": true}}). */
    boolean costInBody;
    /** Whose bucket was charged; null when unmetered. */
    Metered metered;
    GraphQLLimits.BucketSpec spec;
    /** Work found only while running (metrics rows), charged afterwards. */
    final WorkMeter meter = new WorkMeter();
    /** Points charged after the request for the work on the meter. */
    long afterCost;
    /** Seconds after which a refused request may be retried, for the Retry-After header; 0 when not set. */
    long retryAfter;

    private String inFlight;
    private final AtomicBoolean left = new AtomicBoolean();
    private InFlight slots;

    void holdSlot(InFlight slots, String key) {
        this.slots = slots;
        this.inFlight = key;
    }

    /** Gives the request's in-flight slot back; safe to call more than once. */
    void releaseSlot() {
        if (inFlight != null && left.compareAndSet(false, true)) {
            slots.leave(inFlight);
        }
    }
}
