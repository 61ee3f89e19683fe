package io.leadproof.common;

import io.smallrye.graphql.api.ErrorCode;

@ErrorCode("INVALID_ARGUMENT")
public class InvalidArgumentException extends ApiException {
    public InvalidArgumentException(String reason, String message) {
        super(reason, message);
    }
}
