package io.leadproof.guard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.validation.ValidationError;
import io.leadproof.common.ApiException;
import io.leadproof.common.RequestGone;
import io.leadproof.ops.DatabaseOutage;
import io.smallrye.graphql.spi.config.Config;

/**
 * The production error policy, applied to every result (queries, mutations, subscription events) in every profile:
 *
 * <ul>
 * <li>An error raised on purpose keeps its message and code: {@link ApiException}s, the security layer's
 * {@code unauthorized}/{@code forbidden}, MicroProfile {@code GraphQLException}s and whatever
 * {@code quarkus.smallrye-graphql.show-runtime-exception-message} lists.</li>
 * <li>A scalar SmallRye cannot convert after graphql-java accepted it (an {@code Int} variable beyond 32 bits) becomes
 * {@code INVALID_ARGUMENT} / {@code INVALID_VALUE}.</li>
 * <li>A value the database refuses as data (SQLSTATE class 22: a NUL character, an overlong or out-of-range value
 * that no resolver check caught) becomes {@code INVALID_ARGUMENT} / {@code UNSTORABLE_VALUE}; it is logged at WARN so
 * the missing check can be added.</li>
 * <li>A database outage ({@link DatabaseOutage}: connection refused or lost, server shutting down, no pooled connection
 * in time) becomes {@code UNAVAILABLE} / {@code DATABASE_UNAVAILABLE} with {@code retryAfter} (seconds), and HTTP 503
 * ({@link Unavailable}); it is logged once per outage, not per request.</li>
 * <li>Any other exception from a resolver — a bug, a constraint violation — becomes
 * {@code {message: "Internal error (incident <id>)", extensions: {code: INTERNAL, incident: <id>}}}: no class name,
 * no SQL, no stack. The exception itself is logged once at ERROR with the same incident id, so support can find it.</li>
 * <li>Every other message (parser, validation, variable coercion, argument conversion) is scrubbed of qualified Java
 * class names, which SmallRye puts into some argument-conversion messages.</li>
 * </ul>
 */
final class SafeErrors {

    private static final Logger LOG = Logger.getLogger(SafeErrors.class);
    static final String INTERNAL = "INTERNAL";
    static final String CANCELLED = "CANCELLED";
    /** A qualified Java name such as {@code io.leadproof.common.Decimal} or {@code java.lang.NumberFormatException}. */
    private static final Pattern QUALIFIED = Pattern.compile("\\b(?:[a-z_$][\\w$]*\\.){2,}([A-Z][\\w$]*)");
    /** A Java exception or error class name on its own, e.g. {@code NumberFormatException: }. */
    /** SmallRye's message ids, e.g. {@code SRGQL000021: }. */
    private static final Pattern SMALLRYE_CODE = Pattern.compile("^SRGQL\\d+: ");
    private static final Pattern THROWABLE_NAME = Pattern.compile("\\b[A-Z][\\w$]*(?:Exception|Error)\\b:?\\s*");

    private SafeErrors() {
    }

    static ExecutionResult clean(ExecutionResult result) {
        return clean(result, false);
    }

    /** {@code clientGone}: the client closed the connection; what failed after that failed because the request ended. */
    static ExecutionResult clean(ExecutionResult result, boolean clientGone) {
        List<GraphQLError> errors = result.getErrors();
        if (errors == null || errors.isEmpty()) {
            return result;
        }
        var cleaned = new ArrayList<GraphQLError>(errors.size());
        boolean changed = false;
        for (GraphQLError error : errors) {
            GraphQLError safe = clean(error, clientGone);
            changed |= safe != error;
            cleaned.add(safe);
        }
        return changed ? result.transform(b -> b.errors(cleaned)) : result;
    }

    static GraphQLError clean(GraphQLError error) {
        return clean(error, false);
    }

    static GraphQLError clean(GraphQLError error, boolean clientGone) {
        if (error instanceof ExceptionWhileDataFetching fetching) {
            Throwable cause = fetching.getException();
            if (deliberate(cause)) {
                return error;
            }
            String incident = UUID.randomUUID().toString();
            var extensions = new LinkedHashMap<String, Object>();
            extensions.put("classification", ErrorType.DataFetchingException.name());
            String message;
            if (cause instanceof graphql.schema.CoercingParseLiteralException
                    || cause instanceof graphql.schema.CoercingParseValueException) {
                // a scalar SmallRye could not convert (e.g. an Int variable of 2147483648): the client's mistake
                extensions.put("code", "INVALID_ARGUMENT");
                extensions.put("reason", "INVALID_VALUE");
                message = scrub(SMALLRYE_CODE.matcher(String.valueOf(cause.getMessage())).replaceFirst(""));
            } else if (DatabaseOutage.in(cause)) {
                // not a bug: the database cannot be reached; logged once per outage, the client is told to retry
                DatabaseOutage.failed(cause, "a request (" + fetching.getPath() + ")");
                Unavailable.extensions(extensions);
                message = Unavailable.MESSAGE.formatted(DatabaseOutage.retryAfterSeconds());
            } else if (badValue(cause)) {
                // SQLSTATE class 22: the database refused a value the resolver did not validate (NUL, length, range)
                LOG.warnf("Unvalidated input refused by the database while resolving %s (incident %s): %s",
                        fetching.getPath(), incident, cause);
                extensions.put("code", "INVALID_ARGUMENT");
                extensions.put("reason", "UNSTORABLE_VALUE");
                message = "A value in the request cannot be stored: it contains a NUL character, is too long or is out of range.";
            } else if (clientGone || RequestGone.in(cause)) {
                // the request ended (the client went away) while this field was read: nobody reads the answer, no bug
                extensions.put("code", CANCELLED);
                extensions.put("reason", "REQUEST_ENDED");
                message = "The request ended before this field was read.";
            } else {
                LOG.errorf(cause, "Unexpected error while resolving %s (incident %s)", fetching.getPath(), incident);
                extensions.put("code", INTERNAL);
                extensions.put("reason", null);
                message = "Internal error (incident " + incident + ")";
            }
            if (!"INVALID_VALUE".equals(extensions.get("reason")) && !Unavailable.CODE.equals(extensions.get("code"))
                    && !CANCELLED.equals(extensions.get("code"))) {
                extensions.put("incident", incident); // the id under which the cause was logged
            }
            return GraphqlErrorBuilder.newError()
                    .message(message)
                    .locations(fetching.getLocations())
                    .path(fetching.getPath())
                    .errorType(ErrorType.DataFetchingException)
                    .extensions(extensions)
                    .build();
        }
        if (error instanceof ValidationError validation) {
            String description = scrub(validation.getDescription());
            if (description.equals(validation.getDescription())) {
                return error;
            }
            return ValidationError.newValidationError()
                    .validationErrorType(validation.getValidationErrorType())
                    .description(description)
                    .queryPath(validation.getQueryPath())
                    .sourceLocations(validation.getLocations())
                    .extensions(validation.getExtensions())
                    .build();
        }
        String message = error.getMessage() == null ? null : scrub(error.getMessage());
        if (message == null || message.equals(error.getMessage())) {
            return error;
        }
        return GraphqlErrorBuilder.newError()
                .message(message)
                .locations(error.getLocations())
                .path(error.getPath())
                .errorType(error.getErrorType())
                .extensions(error.getExtensions() == null ? null : new LinkedHashMap<>(scrub(error.getExtensions())))
                .build();
    }

    /** A database "data exception" (SQLSTATE class 22) somewhere in the cause chain. */
    static boolean badValue(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    /** Exceptions thrown on purpose, whose message and code are part of the API. */
    static boolean deliberate(Throwable t) {
        if (t == null) {
            return false;
        }
        if (t instanceof ApiException || t instanceof org.eclipse.microprofile.graphql.GraphQLException) {
            return true;
        }
        String name = t.getClass().getName();
        if (name.startsWith("io.quarkus.security.")) {
            return true;
        }
        return t instanceof RuntimeException && Config.get().shouldShow(t);
    }

    static String scrub(String text) {
        if (text == null) {
            return null;
        }
        String out = QUALIFIED.matcher(text).replaceAll("$1");
        return THROWABLE_NAME.matcher(out).replaceAll("");
    }

    private static Map<String, Object> scrub(Map<String, Object> extensions) {
        var out = new LinkedHashMap<String, Object>();
        extensions.forEach((k, v) -> out.put(k, v instanceof String s ? QUALIFIED.matcher(s).replaceAll("$1") : v));
        return out;
    }
}
