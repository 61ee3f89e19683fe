package io.leadproof.guard;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.jboss.logging.Logger;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.DocumentAndVariables;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * GraphQL-level protections, applied when graphql-java starts a request — before the document is validated or
 * anything runs ({@link Admission}): document limits, the price, the input values, the caller's requests in flight
 * and the caller's bucket. A refused request is answered with its errors and no {@code data}; nothing is executed.
 * Text in the input is put into NFC on the way in ({@link InputText}). On the way out every result passes the error
 * policy ({@link AccessErrors}, {@link SafeErrors}); work found only while running is charged ({@link
 * Admission#chargeAfter}); the cost and the budget go into response headers, and into {@code extensions.cost} when the
 * request asks for it with {@code "extensions": {"cost": true}} ({@link CostReport}).
 */
final class GuardInstrumentation implements Instrumentation {

    private static final Logger LOG = Logger.getLogger(GuardInstrumentation.class);

    private final Admission admission;

    GuardInstrumentation(GraphQLLimits limits, CostBudget budget) {
        this(limits, budget, new BucketView(), new InFlight());
    }

    GuardInstrumentation(GraphQLLimits limits, CostBudget budget, BucketView buckets, InFlight inFlight) {
        this.admission = new Admission(limits, budget, buckets, inFlight);
    }

    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        GuardState state = new GuardState();
        ExecutionInput input = parameters.getExecutionInput();
        try {
            state.http = currentExchange();
            state.costInBody = Boolean.TRUE.equals(input.getExtensions() == null ? null : input.getExtensions().get("cost"))
                    || (state.http != null && Boolean.TRUE.equals(state.http.get(HttpGuard.COST_IN_BODY)));
            return admission.admit(parameters.getSchema(), input, state).thenApply(InstrumentationState.class::cast);
        } catch (AbortExecutionException refusal) {
            state.refusal = refusal;
        } catch (RuntimeException bug) {
            // Fail closed: a request the guard cannot price is not run unguarded.
            String incident = UUID.randomUUID().toString();
            LOG.errorf(bug, "Could not check the limits of a request (incident %s)", incident);
            state.refusal = Refusals.internal(incident);
        }
        state.releaseSlot();
        return CompletableFuture.completedFuture(state);
    }

    @Override
    public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        var variables = InputText.nfc(input.getVariables());
        return variables == input.getVariables() ? input : input.transform(b -> b.variables(variables));
    }

    @Override
    public DocumentAndVariables instrumentDocumentAndVariables(DocumentAndVariables documentAndVariables,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        var document = InputText.nfc(documentAndVariables.getDocument(), parameters.getQuery());
        return document == documentAndVariables.getDocument() ? documentAndVariables
                : DocumentAndVariables.newDocumentAndVariables().document(document).variables(documentAndVariables.getVariables()).build();
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        return SubscriptionAccess.guard(dataFetcher, parameters);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        if (state instanceof GuardState s) {
            if (s.refusal != null) {
                throw s.refusal;
            }
            return SimpleInstrumentationContext.whenCompleted((result, failure) -> s.releaseSlot());
        }
        return null;
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState rawState) {
        RoutingContext http = rawState instanceof GuardState state ? state.http : null;
        boolean clientGone = http != null && (http.response().closed() || http.response().ended());
        ExecutionResult out = SafeErrors.clean(AccessErrors.explain(result, parameters), clientGone);
        if (rawState instanceof GuardState state) {
            Unavailable.answer(state.http, out);
            state.releaseSlot();
            admission.chargeAfter(state);
            out = CostReport.report(out, state);
        }
        return CompletableFuture.completedFuture(out);
    }

    /** The HTTP exchange of the request being started, or null (e.g. a subscription event). */
    private static RoutingContext currentExchange() {
        var container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return null;
        }
        return container.instance(CurrentVertxRequest.class).get().getCurrent();
    }
}
