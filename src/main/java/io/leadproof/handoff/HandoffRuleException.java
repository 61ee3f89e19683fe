package io.leadproof.handoff;

/** A transition the handoff's state does not allow; reported as a user error, never a 500. */
public class HandoffRuleException extends RuntimeException {

    private final String code;

    public HandoffRuleException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
