package io.leadproof.guard;

import java.util.List;

import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLObjectType;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * A subscription's root field checks the caller's roles before its stream exists. Left to the security interceptor,
 * the refusal comes as the stream's first item (null data and the error), and for a non-null field such as
 * handoffAssigned graphql-java then answers {@code data: null} and drops the error. Thrown here, while graphql-java
 * fetches the root field, there is no stream: SmallRye answers the protocol's {@code error} message with the error,
 * which {@link AccessErrors} words as for any field ({@code unauthorized} / {@code forbidden}). The caller is read from
 * the request context SmallRye runs the operation in (the socket's, reactivated if need be); when it cannot be read the
 * subscription is refused (fail closed). An allowed subscription gets a request context of its own for its messages
 * ({@link SubscriptionScope}).
 */
final class SubscriptionAccess {

    private SubscriptionAccess() {
    }

    static DataFetcher<?> guard(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters) {
        var execution = parameters.getExecutionContext();
        var step = parameters.getExecutionStepInfo();
        if (execution.getOperationDefinition().getOperation() != OperationDefinition.Operation.SUBSCRIPTION
                || step.getPath().getLevel() != 1 || !(step.getObjectType() instanceof GraphQLObjectType root)) {
            return fetcher;
        }
        List<String> roles = RequiredRoles.of(execution.getGraphQLSchema(), root, step.getFieldDefinition());
        return env -> {
            if (!roles.isEmpty()) {
                refuseUnlessAllowed(caller(env.getGraphQlContext().get("state")), roles);
            }
            return SubscriptionScope.around(fetcher.get(env), env);
        };
    }

    static void refuseUnlessAllowed(SecurityIdentity caller, List<String> roles) {
        if (caller == null || caller.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (roles.stream().noneMatch(caller.getRoles()::contains)) {
            throw new ForbiddenException();
        }
    }

    /** The caller of the operation, or null when it cannot be read. */
    private static SecurityIdentity caller(Object socketState) {
        var context = Arc.container().requestContext();
        boolean reactivated = false;
        if (!context.isActive()) {
            if (!(socketState instanceof InjectableContext.ContextState state) || !state.isValid()) {
                return null;
            }
            context.activate(state);
            reactivated = true;
        }
        try {
            return Arc.container().instance(CurrentIdentityAssociation.class).get().getIdentity();
        } catch (RuntimeException unreadable) {
            return null;
        } finally {
            if (reactivated) {
                context.deactivate();
            }
        }
    }
}
