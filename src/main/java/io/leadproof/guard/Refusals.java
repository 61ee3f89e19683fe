package io.leadproof.guard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;

/**
 * The errors a request is refused with before anything runs. They carry {@code extensions.code} and
 * {@code extensions.reason} like every other LeadProof error, plus the numbers the client needs to act.
 */
final class Refusals {

    static final String LIMIT_EXCEEDED = "LIMIT_EXCEEDED";
    static final String THROTTLED = "THROTTLED";
    static final String INTROSPECTION_DISABLED = "INTROSPECTION_DISABLED";
    static final String INVALID_ARGUMENT = "INVALID_ARGUMENT";

    private Refusals() {
    }

    static AbortExecutionException depth(int depth, int max) {
        return abort("The query is nested " + depth + " levels deep; at most " + max + " are allowed.",
                LIMIT_EXCEEDED, "MAX_DEPTH", Map.of("depth", depth, "maxDepth", max));
    }

    static AbortExecutionException fields(int fields, boolean atLeast, int max) {
        return abort("The document selects " + (atLeast ? "more than " + max : String.valueOf(fields))
                + " fields (fragments expanded, aliases counted); at most " + max + " are allowed.",
                LIMIT_EXCEEDED, "MAX_FIELDS", Map.of("fields", fields, "maxFields", max));
    }

    static AbortExecutionException cost(long cost, long max) {
        return abort("The query costs " + cost + " points; a single request may cost at most " + max
                + ". Ask for smaller pages (first) or fewer nested lists.",
                LIMIT_EXCEEDED, "MAX_COST", Map.of("cost", cost, "maxCost", max));
    }

    static AbortExecutionException introspectionDisabled() {
        return abort("Introspection is disabled on this server; the schema is published as graphql-schema/schema.graphql.",
                INTROSPECTION_DISABLED, "INTROSPECTION_DISABLED", Map.of());
    }

    static AbortExecutionException throttled(CostBudget.Decision d) {
        var numbers = new LinkedHashMap<String, Object>();
        numbers.put("cost", d.cost());
        numbers.put("remaining", d.remaining());
        numbers.put("limit", d.capacity());
        numbers.put("restoreRate", d.restoreRate());
        numbers.put("retryAfterSeconds", d.retryAfterSeconds());
        return abort("Throttled: this request costs " + d.cost() + " points and " + d.remaining()
                + " remain; " + d.restoreRate() + " points come back per second. Retry in " + d.retryAfterSeconds() + " s.",
                THROTTLED, "BUDGET_EXHAUSTED", numbers);
    }

    static AbortExecutionException concurrency(int max) {
        var numbers = new LinkedHashMap<String, Object>();
        numbers.put("maxConcurrent", max);
        numbers.put("retryAfterSeconds", 1);
        return abort("Throttled: " + max + " requests of yours are already running; at most " + max
                + " run at a time. Retry when one has finished.", THROTTLED, "TOO_MANY_IN_FLIGHT", numbers);
    }

    /** One error per problem, each naming its field; code {@code INVALID_ARGUMENT}, classification ValidationError. */
    static AbortExecutionException input(List<InputCheck.Problem> problems) {
        var errors = new java.util.ArrayList<GraphQLError>();
        for (var problem : problems) {
            var extensions = new LinkedHashMap<String, Object>();
            extensions.put("code", INVALID_ARGUMENT);
            extensions.put("reason", problem.reason());
            extensions.put("field", problem.field());
            var error = GraphqlErrorBuilder.newError().message(problem.path() + ": " + problem.message())
                    .errorType(ErrorType.ValidationError).extensions(extensions);
            if (problem.location() != null) {
                error.location(problem.location());
            }
            errors.add(error.build());
        }
        return new AbortExecutionException(errors);
    }

    static AbortExecutionException internal(String incident) {
        var extensions = new LinkedHashMap<String, Object>();
        extensions.put("incident", incident);
        return abort("Internal error (incident " + incident + ")", SafeErrors.INTERNAL, null, extensions);
    }

    private static AbortExecutionException abort(String message, String code, String reason, Map<String, Object> numbers) {
        var extensions = new LinkedHashMap<String, Object>();
        extensions.put("code", code);
        extensions.put("reason", reason);
        extensions.putAll(numbers);
        GraphQLError error = GraphqlErrorBuilder.newError()
                .message(message)
                .errorType(ErrorType.ExecutionAborted)
                .extensions(extensions)
                .build();
        return new AbortExecutionException(List.of(error));
    }
}
