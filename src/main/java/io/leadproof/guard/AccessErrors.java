package io.leadproof.guard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.ParseAndValidate;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Document;

/**
 * Says in words why the security layer refused a field. Quarkus refuses with {@code UnauthorizedException} or
 * {@code ForbiddenException}, which carry no message (SmallRye then shows {@code null} or "System error"); the codes
 * stay ({@code unauthorized}, {@code forbidden}: clients rely on them) and the error gains a message, a reason and the
 * roles the field needs:
 *
 * <ul>
 * <li>no token: {@code "Sign in: workspaceUpdate needs a bearer token of a user with the role revops-admin."},
 * reason {@code UNAUTHENTICATED};</li>
 * <li>a role the token lacks: {@code "Forbidden: workspaceUpdate needs the role revops-admin."}, reason
 * {@code ROLE_REQUIRED};</li>
 * <li>a rule beyond roles (the metrics of other owners): the rule's own message, reason {@code NOT_ALLOWED}.</li>
 * </ul>
 * Tokens that fail verification never get here: they are answered with 401 ({@code TokenFailures}).
 */
final class AccessErrors {

    static final String UNAUTHORIZED = "unauthorized";
    static final String FORBIDDEN = "forbidden";

    private AccessErrors() {
    }

    static ExecutionResult explain(ExecutionResult result, InstrumentationExecutionParameters parameters) {
        if (result.getErrors() == null || result.getErrors().stream().noneMatch(AccessErrors::isSecurity)) {
            return result;
        }
        Document document = document(parameters);
        var errors = new ArrayList<GraphQLError>(result.getErrors().size());
        for (GraphQLError error : result.getErrors()) {
            errors.add(isSecurity(error) ? explain((ExceptionWhileDataFetching) error, parameters, document) : error);
        }
        return result.transform(b -> b.errors(errors));
    }

    private static boolean isSecurity(GraphQLError error) {
        return error instanceof ExceptionWhileDataFetching fetching && fetching.getException() != null
                && (fetching.getException() instanceof io.quarkus.security.UnauthorizedException
                        || fetching.getException() instanceof io.quarkus.security.ForbiddenException);
    }

    private static GraphQLError explain(ExceptionWhileDataFetching error, InstrumentationExecutionParameters parameters,
            Document document) {
        Throwable cause = error.getException();
        var access = RequiredRoles.at(parameters == null ? null : parameters.getSchema(), document,
                parameters == null ? null : parameters.getOperation(), error.getPath());
        String field = access.field() != null ? access.field() : error.getPath() == null ? "this field" : String.valueOf(lastName(error.getPath()));
        List<String> roles = access.roles();
        String needs = roles.isEmpty() ? "" : (roles.size() == 1 ? " the role " : " one of the roles ") + String.join(", ", roles);
        var extensions = new LinkedHashMap<String, Object>();
        extensions.put("classification", ErrorType.DataFetchingException.name());
        String message;
        if (cause instanceof io.quarkus.security.UnauthorizedException) {
            extensions.put("code", UNAUTHORIZED);
            extensions.put("reason", "UNAUTHENTICATED");
            message = "Sign in: " + field + " needs a bearer token" + (needs.isEmpty() ? "" : " of a user with" + needs) + ".";
        } else if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
            extensions.put("code", FORBIDDEN);
            extensions.put("reason", "NOT_ALLOWED");
            message = "Forbidden: " + cause.getMessage() + ".";
        } else {
            extensions.put("code", FORBIDDEN);
            extensions.put("reason", "ROLE_REQUIRED");
            message = "Forbidden: " + field + (needs.isEmpty() ? " needs a role your token does not have." : " needs" + needs + ".");
        }
        if (!roles.isEmpty()) {
            extensions.put("requiredRoles", roles);
        }
        return GraphqlErrorBuilder.newError().message(message).locations(error.getLocations()).path(error.getPath())
                .errorType(ErrorType.DataFetchingException).extensions(extensions).build();
    }

    private static Object lastName(List<Object> path) {
        for (int i = path.size() - 1; i >= 0; i--) {
            if (path.get(i) instanceof String name) {
                return name;
            }
        }
        return "this field";
    }

    private static Document document(InstrumentationExecutionParameters parameters) {
        if (parameters == null || parameters.getExecutionInput() == null || parameters.getExecutionInput().getQuery() == null) {
            return null;
        }
        var parsed = ParseAndValidate.parse(parameters.getExecutionInput());
        return parsed.isFailure() ? null : parsed.getDocument();
    }
}
