package io.leadproof.guard;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.execution.AbortExecutionException;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.schema.GraphQLSchema;
import io.leadproof.common.WorkMeter;
import io.leadproof.ops.DatabaseOutage;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Decides whether a request may run, in this order: the document limits ({@link QueryShape}, introspection), its price
 * ({@link QueryCost}, at least its size), its input values ({@link InputCheck}), a slot among the caller's requests in
 * flight ({@link InFlight}) and the points from the caller's bucket ({@link CostBudget}). A refusal is left in the
 * {@link GuardState}; nothing is executed. Most requests are paid from this pod's lease on the bucket ({@link
 * BudgetLeases}); the bucket statement, when one is needed, runs on a worker thread.
 */
final class Admission {

    private static final Logger LOG = Logger.getLogger(Admission.class);
    static final int MAX_CACHED_DOCUMENTS = 1000;
    static final int MAX_CACHED_LENGTH = 20_000;

    private final GraphQLLimits limits;
    private final CostBudget budget;
    private final BudgetLeases leases;
    private final QueryCost.Weights weights;
    private final BucketView buckets;
    private final InFlight inFlight;
    private volatile SchemaResolvers resolvers;

    private record SchemaResolvers(GraphQLSchema schema, QueryCost.Resolvers resolvers) {
    }

    /**
     * Documents that passed the document limits, by query text: clients repeat the same few queries, and parsing is
     * the most expensive step here. (Parsed documents are immutable; the limits are fixed at startup.)
     */
    private final Map<String, Document> admitted = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Document> eldest) {
            return size() > MAX_CACHED_DOCUMENTS;
        }
    });

    Admission(GraphQLLimits limits, CostBudget budget, BucketView buckets, InFlight inFlight) {
        this.limits = limits;
        this.budget = budget;
        this.leases = new BudgetLeases(budget);
        this.buckets = buckets;
        this.inFlight = inFlight;
        this.weights = new QueryCost.Weights(limits.cost().mutation(), limits.cost().listSize(), limits.cost().metricsDaysPerPoint());
    }

    CompletableFuture<GuardState> admit(GraphQLSchema schema, ExecutionInput input, GuardState state) {
        input.getGraphQLContext().put(WorkMeter.class, state.meter);
        if (input.getQuery() == null) {
            return done(state);
        }
        Document document = document(input);
        OperationDefinition operation = document == null ? null : operation(document, input.getOperationName());
        if (operation == null) {
            return done(state); // graphql-java reports the syntax error or the missing operation; HttpGuard charges the size
        }
        Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, Function.identity(), (a, b) -> a));
        long cost = Math.max(QueryCost.of(schema, operation, fragments, input.getVariables(), weights, resolvers(schema)),
                sizePoints(state, input));
        state.cost = cost;
        if (cost > limits.maxCost()) {
            throw Refusals.cost(cost, limits.maxCost());
        }
        List<InputCheck.Problem> problems = InputCheck.of(schema, operation, fragments, input.getVariables());
        AbortExecutionException badInput = problems.isEmpty() ? null : Refusals.input(problems);
        Metered metered = Metered.of(state.http);
        var spec = metered == null ? null : limits.bucketFor(metered.workspace());
        if (spec == null || !spec.enabled()) {
            state.refusal = badInput;
            return done(priced(state));
        }
        if (cost > spec.capacity()) {
            throw Refusals.cost(cost, spec.capacity());
        }
        // a subscription is capped per socket and user instead (SubscriptionGuard): it stays active, it is not in flight
        int maxInFlight = operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION ? 0
                : limits.maxConcurrentFor(metered.workspace());
        if (!inFlight.enter(metered.bucketKey(), maxInFlight)) {
            state.retryAfter = 1;
            throw Refusals.concurrency(maxInFlight);
        }
        state.holdSlot(inFlight, metered.bucketKey());
        state.metered = metered;
        state.spec = spec;
        CostBudget.Decision leased = leases.fromLease(metered.bucketKey(), cost, spec);
        var charged = leased != null ? CompletableFuture.completedFuture(leased)
                : onWorker(() -> leases.charge(metered.bucketKey(), cost, spec));
        return charged.handle((decision, failure) -> {
            priced(state);
            if (failure != null && DatabaseOutage.in(failure)) {
                DatabaseOutage.failed(failure, "the cost budget"); // served unmetered; it fails UNAVAILABLE by itself
                state.refusal = badInput;
            } else if (failure != null) {
                // A fairness limit: when its table cannot be reached the request is served unmetered.
                LOG.warnf("Cost budget unavailable, request served without charge: %s", failure.toString());
                state.refusal = badInput;
            } else {
                buckets.remember(metered.bucketKey(), decision);
                state.decision = decision;
                state.refusal = decision.granted() ? badInput : Refusals.throttled(decision);
            }
            return state;
        });
    }

    /** The parsed document when it passes the document limits; null when it does not parse. */
    private Document document(ExecutionInput input) {
        Document document = admitted.get(input.getQuery());
        if (document != null) {
            return document;
        }
        var parsed = ParseAndValidate.parse(input);
        if (parsed.isFailure()) {
            return null;
        }
        document = parsed.getDocument();
        var shape = QueryShape.measure(document, limits.maxFields());
        if (shape.introspection() && !limits.introspection()) {
            throw Refusals.introspectionDisabled();
        }
        if (shape.truncated() || shape.fields() > limits.maxFields()) {
            throw Refusals.fields(shape.fields(), shape.truncated(), limits.maxFields());
        }
        if (shape.depth() > limits.maxDepth()) {
            throw Refusals.depth(shape.depth(), limits.maxDepth());
        }
        if (input.getQuery().length() <= MAX_CACHED_LENGTH) {
            admitted.put(input.getQuery(), document);
        }
        return document;
    }

    /** A request costs at least its size: parsing a 2 MB document is work whatever it asks for. */
    private long sizePoints(GuardState state, ExecutionInput input) {
        long bytes = state.http != null && state.http.get(HttpGuard.BODY_BYTES) instanceof Number n ? n.longValue()
                : input.getQuery().length();
        return HttpGuard.sizePoints(bytes, limits.cost().bytesPerPoint());
    }

    /** Charges work found only while the request ran (rows a metrics query aggregated) as a debt on the bucket. */
    void chargeAfter(GuardState state) {
        int perPoint = Math.max(1, limits.cost().metricsRowsPerPoint());
        long points = (state.meter.rows() + perPoint - 1) / perPoint;
        if (points <= 0 || state.metered == null || state.decision == null || !state.decision.granted()) {
            return;
        }
        state.afterCost = points;
        String key = state.metered.bucketKey();
        onWorker(() -> budget.drain(key, points, state.spec)).whenComplete((decision, failure) -> {
            if (decision != null) {
                buckets.remember(key, decision);
            }
        });
    }

    interface Statement {
        CostBudget.Decision run() throws Exception;
    }

    /** On an event loop the statement goes to a worker and the result comes back to the event loop. */
    static CompletableFuture<CostBudget.Decision> onWorker(Statement statement) {
        Context context = Vertx.currentContext();
        if (context != null && Context.isOnEventLoopThread()) {
            return context.<CostBudget.Decision> executeBlocking(statement::run, false).toCompletionStage().toCompletableFuture();
        }
        try {
            return CompletableFuture.completedFuture(statement.run());
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static OperationDefinition operation(Document document, String name) {
        var operations = document.getDefinitionsOfType(OperationDefinition.class);
        if (name == null || name.isEmpty()) {
            return operations.size() == 1 ? operations.getFirst() : null;
        }
        return operations.stream().filter(o -> name.equals(o.getName())).findFirst().orElse(null);
    }

    private QueryCost.Resolvers resolvers(GraphQLSchema schema) {
        var known = resolvers;
        if (known == null || known.schema() != schema) {
            known = new SchemaResolvers(schema, QueryCost.Resolvers.of(schema));
            resolvers = known;
        }
        return known.resolvers();
    }

    /** Tells {@link RejectedRequests} that the bucket has been dealt with here. */
    private static GuardState priced(GuardState state) {
        if (state.http != null) {
            state.http.put(HttpGuard.PRICED, Boolean.TRUE);
        }
        return state;
    }

    private static CompletableFuture<GuardState> done(GuardState state) {
        return CompletableFuture.completedFuture(state);
    }
}
