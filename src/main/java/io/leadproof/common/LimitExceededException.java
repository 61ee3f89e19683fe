package io.leadproof.common;

import io.smallrye.graphql.api.ErrorCode;

@ErrorCode("LIMIT_EXCEEDED")
public class LimitExceededException extends ApiException {
    public LimitExceededException(String reason, String message) {
        super(reason, message);
    }
}
