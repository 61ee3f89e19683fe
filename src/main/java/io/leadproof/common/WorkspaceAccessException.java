package io.leadproof.common;

import io.smallrye.graphql.api.ErrorCode;

@ErrorCode("WORKSPACE_ACCESS")
public class WorkspaceAccessException extends ApiException {
    public WorkspaceAccessException(String reason, String message) {
        super(reason, message);
    }
}
