package io.leadproof.handoff;

/**
 * A rule of handoffs or reps the input breaks; reported as a user error on the input field it is about, never a 500.
 */
public class HandoffRuleException extends RuntimeException {

    private final io.leadproof.common.UserErrorCode code;
    private final String field;

    public HandoffRuleException(io.leadproof.common.UserErrorCode code, String message) {
        this(code, message, "handoffId");
    }

    public HandoffRuleException(io.leadproof.common.UserErrorCode code, String message, String field) {
        super(message, null, false, false);
        this.code = code;
        this.field = field;
    }

    public io.leadproof.common.UserErrorCode code() {
        return code;
    }

    /** The input field the error names. */
    public String field() {
        return field;
    }
}
