package io.leadproof.guard;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.ParseAndValidate;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.schema.GraphQLSchema;
import io.leadproof.security.CurrentWorkspace;
import io.leadproof.security.OrganizationClaimAugmentor;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * GraphQL-level protections, applied when graphql-java starts a request — before the document is validated or
 * anything runs:
 *
 * <ol>
 * <li>introspection policy, field count (every alias and every fragment use counted) and depth ({@link QueryShape});</li>
 * <li>the cost of the requested operation with its variables ({@link QueryCost}); over the per-request maximum it is
 * refused;</li>
 * <li>the cost is taken from the caller's bucket ({@link CostBudget}); when the bucket is short the request is
 * refused as THROTTLED.</li>
 * </ol>
 * A refused request is answered with one error and no {@code data}; nothing is executed and nothing is charged. The
 * bucket's database statement runs on a worker thread (graphql-java lets the instrumentation state be created
 * asynchronously), so the event loop that SmallRye executes on never blocks. On the way out every result passes the
 * production error policy ({@link SafeErrors}); the cost and the budget go into response headers, and into
 * {@code extensions.cost} when the request asks for it with {@code "extensions": {"cost": true}}.
 */
final class GuardInstrumentation implements Instrumentation {

    private static final Logger LOG = Logger.getLogger(GuardInstrumentation.class);

    private final GraphQLLimits limits;
    private final CostBudget budget;
    private final QueryCost.Weights weights;
    /** Resolvers of the (one, immutable) served schema, worked out on first use. */
    private volatile SchemaResolvers resolvers;

    private record SchemaResolvers(GraphQLSchema schema, QueryCost.Resolvers resolvers) {
    }

    /**
     * Documents that passed the document limits, by query text: clients repeat the same few queries, and parsing is
     * the most expensive step here. (Parsed documents are immutable; the limits are fixed at startup.)
     */
    private final Map<String, Document> admitted = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Document> eldest) {
                    return size() > MAX_CACHED_DOCUMENTS;
                }
            });
    static final int MAX_CACHED_DOCUMENTS = 1000;
    static final int MAX_CACHED_LENGTH = 20_000;

    GuardInstrumentation(GraphQLLimits limits, CostBudget budget) {
        this.limits = limits;
        this.budget = budget;
        this.weights = new QueryCost.Weights(limits.cost().mutation(), limits.cost().listSize());
    }

    /** Response headers that report the cost and the budget on every priced request. */
    static final String COST = "X-LeadProof-Cost";
    static final String LIMIT = "X-LeadProof-Cost-Limit";
    static final String REMAINING = "X-LeadProof-Cost-Remaining";
    static final String RESTORE_RATE = "X-LeadProof-Cost-Restore-Rate";

    static final class State implements InstrumentationState {
        long cost = -1;
        CostBudget.Decision decision;
        AbortExecutionException refusal;
        /** The HTTP exchange, when there is one, for the cost headers. */
        RoutingContext http;
        /** Whether the request asked for {@code extensions.cost} in the body ({@code "extensions": {"cost": true}}). */
        boolean costInBody;
    }

    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        State state = new State();
        try {
            return admit(parameters.getSchema(), parameters.getExecutionInput(), state);
        } catch (AbortExecutionException refusal) {
            state.refusal = refusal;
            return CompletableFuture.completedFuture(state);
        } catch (RuntimeException bug) {
            // Fail closed: a request the guard cannot price is not run unguarded.
            String incident = java.util.UUID.randomUUID().toString();
            LOG.errorf(bug, "Could not check the limits of a request (incident %s)", incident);
            state.refusal = Refusals.internal(incident);
            return CompletableFuture.completedFuture(state);
        }
    }

    private CompletableFuture<InstrumentationState> admit(GraphQLSchema schema, ExecutionInput input, State state) {
        state.http = currentExchange();
        state.costInBody = Boolean.TRUE.equals(input.getExtensions() == null ? null : input.getExtensions().get("cost"))
                || (state.http != null && Boolean.TRUE.equals(state.http.get(HttpGuard.COST_IN_BODY)));
        if (input.getQuery() == null) {
            return CompletableFuture.completedFuture(state);
        }
        Document document = admitted.get(input.getQuery());
        if (document == null) {
            var parsed = ParseAndValidate.parse(input);
            if (parsed.isFailure()) {
                return CompletableFuture.completedFuture(state); // graphql-java reports the syntax error; nothing to charge
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
        }
        OperationDefinition operation = operation(document, input.getOperationName());
        if (operation == null) {
            return CompletableFuture.completedFuture(state); // graphql-java reports the missing or ambiguous operation
        }
        Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, Function.identity(), (a, b) -> a));
        long cost = QueryCost.of(schema, operation, fragments, input.getVariables(), weights, resolvers(schema));
        state.cost = cost;
        if (cost > limits.maxCost()) {
            throw Refusals.cost(cost, limits.maxCost());
        }
        Subject subject = Subject.current(state.http);
        if (subject == null) {
            return CompletableFuture.completedFuture(state);
        }
        var spec = limits.bucketFor(subject.workspace());
        if (!spec.enabled()) {
            return CompletableFuture.completedFuture(state);
        }
        if (cost > spec.capacity()) {
            throw Refusals.cost(cost, spec.capacity());
        }
        return charge(subject.bucketKey(), cost, spec).handle((decision, failure) -> {
            if (failure != null) {
                // A fairness limit: when its table cannot be reached the request is served unmetered.
                LOG.warnf("Cost budget unavailable, request served without charge: %s", failure.toString());
            } else {
                state.decision = decision;
                if (!decision.granted()) {
                    state.refusal = Refusals.throttled(decision);
                }
            }
            return state;
        });
    }

    /** On an event loop the statement goes to a worker and the result comes back to the event loop. */
    private CompletableFuture<CostBudget.Decision> charge(String key, long cost, GraphQLLimits.BucketSpec spec) {
        Context context = Vertx.currentContext();
        if (context != null && Context.isOnEventLoopThread()) {
            return context.<CostBudget.Decision> executeBlocking(() -> budget.charge(key, cost, spec), false)
                    .toCompletionStage().toCompletableFuture();
        }
        try {
            return CompletableFuture.completedFuture(budget.charge(key, cost, spec));
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

    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        if (state instanceof State s && s.refusal != null) {
            throw s.refusal;
        }
        return null;
    }

    private QueryCost.Resolvers resolvers(GraphQLSchema schema) {
        var known = resolvers;
        if (known == null || known.schema() != schema) {
            known = new SchemaResolvers(schema, QueryCost.Resolvers.of(schema));
            resolvers = known;
        }
        return known.resolvers();
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState rawState) {
        ExecutionResult out = SafeErrors.clean(result);
        if (rawState instanceof State state && state.cost >= 0) {
            var cost = new LinkedHashMap<String, Object>();
            cost.put("requestedCost", state.cost);
            if (state.decision != null) {
                cost.put("limit", state.decision.capacity());
                cost.put("remaining", state.decision.remaining());
                cost.put("restoreRate", state.decision.restoreRate());
            }
            headers(state);
            if (state.costInBody) {
                out = out.transform(b -> b.addExtension("cost", cost));
            }
        }
        return CompletableFuture.completedFuture(out);
    }

    /** The cost in headers, so that response bodies stay exactly what the query asked for. */
    private static void headers(State state) {
        if (state.http == null || state.http.response().headWritten() || state.http.response().ended()) {
            return;
        }
        var headers = state.http.response().headers();
        headers.set(COST, Long.toString(state.cost));
        if (state.decision != null) {
            headers.set(LIMIT, Integer.toString(state.decision.capacity()));
            headers.set(REMAINING, Long.toString(state.decision.remaining()));
            headers.set(RESTORE_RATE, rate(state.decision.restoreRate()));
            if (!state.decision.granted() && state.decision.retryAfterSeconds() > 0) {
                headers.set("Retry-After", Long.toString(state.decision.retryAfterSeconds()));
            }
        }
    }

    private static String rate(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }

    /** The HTTP exchange of the request being started, or null (e.g. a subscription event). */
    private static RoutingContext currentExchange() {
        var container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return null;
        }
        return container.instance(CurrentVertxRequest.class).get().getCurrent();
    }

    /**
     * Whose bucket a request draws on: the workspace user, or the client address for anonymous callers. The
     * workspace is read from the token and header the way {@link CurrentWorkspace} reads it, but without its side
     * effect (provisioning the workspace row), so nothing here touches the database on the event loop. When the
     * token names no usable workspace the request is metered under the empty workspace; every resolver refuses it.
     */
    record Subject(String workspace, String bucketKey) {

        static Subject current(RoutingContext request) {
            var container = Arc.container();
            if (container == null || !container.requestContext().isActive()) {
                return null; // e.g. a subscription on a web socket: not metered
            }
            SecurityIdentity identity = container.instance(SecurityIdentity.class).get();
            if (identity.isAnonymous()) {
                String address = request == null || request.request().remoteAddress() == null ? "unknown"
                        : request.request().remoteAddress().hostAddress();
                return new Subject("", "/anonymous@" + address);
            }
            Set<String> granted = granted(identity.getAttribute(OrganizationClaimAugmentor.WORKSPACES));
            String asked = request == null ? null : request.request().getHeader(CurrentWorkspace.HEADER);
            String workspace;
            if (asked != null && !asked.isBlank()) {
                workspace = granted.contains(asked.strip()) ? asked.strip() : "";
            } else {
                workspace = granted.size() == 1 ? granted.iterator().next() : "";
            }
            if (workspace.contains("/")) {
                workspace = ""; // not a valid workspace id; keeps the key unambiguous
            }
            return new Subject(workspace, workspace + "/" + identity.getPrincipal().getName());
        }

        private static Set<String> granted(Object attribute) {
            if (attribute instanceof Collection<?> values) {
                return values.stream().map(String::valueOf).collect(Collectors.toSet());
            }
            return attribute instanceof String s ? Set.of(s) : Set.of();
        }
    }
}
