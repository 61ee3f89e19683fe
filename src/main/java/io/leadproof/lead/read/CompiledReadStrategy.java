package io.leadproof.lead.read;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.config.ConfigProvider;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import graphql.schema.GraphQLSchema;
import io.leadproof.guard.FieldRoles;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * The hook of the compiled reads: graphql-java's strategy for queries. A query that {@link ReadPlanner} can answer with
 * one statement (or another of {@link CompiledReadPlanners}), whose resolvers the caller may call and whose other fields are plain record fields, is answered by
 * {@link CompiledReads} without graphql-java resolving its fields; every other query — and a compiled one whose
 * statement fails, so that the general path answers the error exactly as it always did — runs as before. Parsing,
 * validation and the guard (price, budget, error policy) stay where they are: this runs after them.
 *
 * <p>{@code leadproof.compiled-reads.enabled=false}, or the request header {@code LeadProof-Read-Path: general}, sends
 * every query the general way (the equivalence tests compare the two).
 */
public final class CompiledReadStrategy extends AsyncExecutionStrategy {

    public static final String HEADER = "LeadProof-Read-Path";

    private final boolean enabled;
    private final Map<String, Boolean> plainVerdicts = new ConcurrentHashMap<>();

    public CompiledReadStrategy(DataFetcherExceptionHandler handler) {
        super(handler);
        // read by name: GraphQL is built outside CDI, and a mapping no bean injects is not in the container
        this.enabled = ConfigProvider.getConfig().getOptionalValue("leadproof.compiled-reads.enabled", Boolean.class).orElse(true);
    }

    @Override
    public CompletableFuture<ExecutionResult> execute(ExecutionContext context, ExecutionStrategyParameters parameters) {
        var http = enabled ? Arc.container().instance(CurrentVertxRequest.class).get().getCurrent() : null;
        if (!enabled || !parameters.getPath().isRootPath()
                || (http != null && "general".equalsIgnoreCase(http.request().getHeader(HEADER)))) {
            return super.execute(context, parameters);
        }
        var plan = CompiledReadPlanners.plan(context.getOperationDefinition(), context.getFragmentsByName(), context.getCoercedVariables().toMap());
        if (plan.isEmpty() || !allowed(context.getGraphQLSchema(), plan.get())) {
            return super.execute(context, parameters);
        }
        return CompiledReads.run(plan.get()).handle((data, failure) -> data).thenCompose(data -> {
            if (data == null) {
                return super.execute(context, parameters);
            }
            if (http != null && !http.response().headWritten()) {
                http.response().putHeader(HEADER, "compiled"); // says which path answered (tests, benchmarks)
            }
            return CompletableFuture.completedFuture(ExecutionResultImpl.newExecutionResult().data(data).build());
        });
    }

    /** The caller holds a role of every resolver, and every other field is a plain record field. */
    private boolean allowed(GraphQLSchema schema, ReadPlan plan) {
        for (String plain : plan.plain()) {
            if (!plainVerdicts.computeIfAbsent(plain, p -> FieldRoles.plain(schema, p))) {
                return false;
            }
        }
        SecurityIdentity identity = Arc.container().instance(SecurityIdentity.class).get();
        if (identity.isAnonymous()) {
            return false;
        }
        for (String resolver : plan.resolvers()) {
            var roles = FieldRoles.of(schema, resolver);
            if (roles == null || roles.isEmpty() && !TotalCount.GUARDED_BY_PARENT.contains(resolver)
                    || !roles.isEmpty() && roles.stream().noneMatch(identity::hasRole)) {
                return false; // unknown, unguarded or refused: the general path decides and answers
            }
        }
        return true;
    }
}
