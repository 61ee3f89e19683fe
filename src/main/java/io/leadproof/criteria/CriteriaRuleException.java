package io.leadproof.criteria;

/** A state or rule problem of a criteria version, reported to the caller as a user error. */
public class CriteriaRuleException extends RuntimeException {

    private final io.leadproof.common.UserErrorCode code;
    private final String field;

    public CriteriaRuleException(io.leadproof.common.UserErrorCode code, String field, String message) {
        super(message, null, false, false);
        this.code = code;
        this.field = field;
    }

    public io.leadproof.common.UserErrorCode code() {
        return code;
    }

    public String field() {
        return field;
    }
}
