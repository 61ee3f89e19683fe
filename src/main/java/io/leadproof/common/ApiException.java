package io.leadproof.common;

/**
 * A request-level error whose message is safe to show to API clients. SmallRye derives
 * {@code extensions.code} from the subclass ({@link io.smallrye.graphql.api.ErrorCode}); the precise
 * cause goes into {@code extensions.reason} through {@link ReasonExtensionProvider}.
 */
public abstract class ApiException extends RuntimeException {

    private final String reason;

    protected ApiException(String reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    /** Input that can never succeed as given: malformed id, cursor, value. */
    public static ApiException invalid(String reason, String message) {
        return new InvalidArgumentException(reason, message);
    }

    /** A size limit: page size, batch size, query cost. */
    public static ApiException limit(String reason, String message) {
        return new LimitExceededException(reason, message);
    }

    /** No usable workspace on the token, or a workspace the token does not grant. */
    public static ApiException workspace(String reason, String message) {
        return new WorkspaceAccessException(reason, message);
    }
}
