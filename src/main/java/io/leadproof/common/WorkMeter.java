package io.leadproof.common;

import java.util.concurrent.atomic.AtomicLong;

import graphql.ExecutionInput;
import io.smallrye.graphql.api.Context;

/**
 * Work a request did that its price could not know before it ran: the rows a metrics query aggregated, which depend on
 * the data. The guard puts one meter into each request's GraphQL context and charges what it shows after the request
 * (docs/limits.md, "Cost").
 */
public final class WorkMeter {

    private final AtomicLong rows = new AtomicLong();

    /** Adds rows to the meter of the request {@code context} belongs to, if it has one. */
    public static void rows(Context context, long rows) {
        if (context == null || rows <= 0) {
            return;
        }
        try {
            ExecutionInput input = context.unwrap(ExecutionInput.class);
            if (input != null && input.getGraphQLContext().get(WorkMeter.class) instanceof WorkMeter meter) {
                meter.rows.addAndGet(rows);
            }
        } catch (RuntimeException outsideARequest) {
            // no GraphQL request (a test calling the service directly): nothing to meter
        }
    }

    public long rows() {
        return rows.get();
    }
}
