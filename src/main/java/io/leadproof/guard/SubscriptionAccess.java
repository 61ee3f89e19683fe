package io.leadproof.guard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

import graphql.ErrorType;
import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.schema.GraphQLSchema;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Refuses a subscription whose root field needs a role the caller lacks before it starts, in words (as
 * {@link AccessErrors}). SmallRye would refuse it too, but only inside the stream: it turns the refusal into an item with
 * null data, and for a non-null subscription field (handoffAssigned) graphql-java then answers {@code data: null} and
 * drops the error. Refused here, the client gets the error with the field's path and {@code extensions.code}. When the
 * caller cannot be read here (no request context), nothing is refused and SmallRye's own check stays in force.
 */
final class SubscriptionAccess {

    private SubscriptionAccess() {
    }

    private record Caller(boolean anonymous, Set<String> roles) {
    }

    static void check(GraphQLSchema schema, Document document, String operationName, ExecutionInput input) {
        if (schema == null || document == null) {
            return;
        }
        var operation = document.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(o -> operationName == null || operationName.isEmpty() || operationName.equals(o.getName())).findFirst().orElse(null);
        if (operation == null || operation.getOperation() != OperationDefinition.Operation.SUBSCRIPTION) {
            return;
        }
        Caller caller = caller(input);
        if (caller == null) {
            return;
        }
        for (var selection : operation.getSelectionSet().getSelections()) {
            if (!(selection instanceof Field field)) {
                continue;
            }
            var access = RequiredRoles.at(schema, document, operationName, List.of(field.getResultKey()));
            if (access.roles().isEmpty() || access.roles().stream().anyMatch(caller.roles()::contains)) {
                continue;
            }
            throw refusal(caller.anonymous(), access.field() == null ? field.getName() : access.field(), access.roles(), field.getResultKey());
        }
    }

    private static AbortExecutionException refusal(boolean anonymous, String field, List<String> roles, String key) {
        String needs = (roles.size() == 1 ? " the role " : " one of the roles ") + String.join(", ", roles);
        var extensions = new LinkedHashMap<String, Object>();
        extensions.put("code", anonymous ? AccessErrors.UNAUTHORIZED : AccessErrors.FORBIDDEN);
        extensions.put("reason", anonymous ? "UNAUTHENTICATED" : "ROLE_REQUIRED");
        extensions.put("requiredRoles", roles);
        String message = anonymous ? "Sign in: " + field + " needs a bearer token of a user with" + needs + "."
                : "Forbidden: " + field + " needs" + needs + ".";
        return new AbortExecutionException(List.of(GraphqlErrorBuilder.newError().message(message).path(List.of(key))
                .errorType(ErrorType.DataFetchingException).extensions(extensions).build()));
    }

    /** The caller of this execution, read from its request context (reactivated from SmallRye's saved state if need be). */
    private static Caller caller(ExecutionInput input) {
        var container = Arc.container();
        if (container == null) {
            return null;
        }
        var context = container.requestContext();
        if (context.isActive()) {
            return read();
        }
        Object state = input == null || input.getGraphQLContext() == null ? null : input.getGraphQLContext().get("state");
        if (!(state instanceof InjectableContext.ContextState saved) || !saved.isValid()) {
            return null;
        }
        context.activate(saved);
        try {
            return read();
        } finally {
            context.deactivate();
        }
    }

    private static Caller read() {
        SecurityIdentity identity = Arc.container().instance(SecurityIdentity.class).get();
        return identity == null ? null : new Caller(identity.isAnonymous(), Set.copyOf(identity.getRoles()));
    }
}
