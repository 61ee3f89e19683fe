package io.leadproof.imports;

/**
 * Fields of a deal row: the opportunity of a lead and how it closed, which the handoff operations
 * (opportunityCreate, dealWin, dealLose) record. {@code dealId} is the row's idempotency key.
 */
public enum DealField implements ImportField {
    DEAL_ID("dealId", ValueKind.TEXT, null, true),
    LEAD_ID("leadId", ValueKind.TEXT, null, false),
    LEAD_EXTERNAL_ID("leadExternalId", ValueKind.TEXT, null, false),
    LEAD_EMAIL("leadEmail", ValueKind.TEXT, null, false),
    NAME("name", ValueKind.TEXT, null, true),
    OUTCOME("outcome", ValueKind.ENUM, DealOutcome.class, true),
    AMOUNT("amount", ValueKind.DECIMAL, null, false),
    CLOSED_AT("closedAt", ValueKind.TIMESTAMP, null, false),
    LOST_REASON("lostReason", ValueKind.TEXT, null, false),
    OWNER_ID("ownerId", ValueKind.TEXT, null, false);

    private final String apiName;
    private final ValueKind kind;
    private final Class<? extends Enum<?>> enumType;
    private final boolean required;

    DealField(String apiName, ValueKind kind, Class<? extends Enum<?>> enumType, boolean required) {
        this.apiName = apiName;
        this.kind = kind;
        this.enumType = enumType;
        this.required = required;
    }

    @Override
    public String apiName() {
        return apiName;
    }

    @Override
    public ValueKind kind() {
        return kind;
    }

    @Override
    public Class<? extends Enum<?>> enumType() {
        return enumType;
    }

    @Override
    public boolean required() {
        return required;
    }
}
