package io.leadproof.imports;

/**
 * Fields of a deal row: exactly those of dealsImport's {@code DealImportInput} (the CSV row takes that path), a CRM's
 * deal history as an imported handoff. {@code externalDealId} keys the row: a re-upload updates, never lands twice.
 * {@code wonCurrency} defaults to the workspace's reporting currency; first-call signals are not importable by CSV.
 */
public enum DealField implements ImportField {
    EXTERNAL_DEAL_ID("externalDealId", ValueKind.TEXT, null, true),
    LEAD_ID("leadId", ValueKind.TEXT, null, false),
    LEAD_EXTERNAL_ID("leadExternalId", ValueKind.TEXT, null, false),
    LEAD_EMAIL("leadEmail", ValueKind.TEXT, null, false),
    HANDED_OFF_AT("handedOffAt", ValueKind.TIMESTAMP, null, true),
    OWNER_ID("ownerId", ValueKind.TEXT, null, false),
    ACCEPTED_AT("acceptedAt", ValueKind.TIMESTAMP, null, false),
    REJECTED_AT("rejectedAt", ValueKind.TIMESTAMP, null, false),
    REJECTION_REASON_CODE("rejectionReasonCode", ValueKind.TEXT, null, false),
    REJECTION_NOTES("rejectionNotes", ValueKind.TEXT, null, false),
    OPPORTUNITY_AT("opportunityAt", ValueKind.TIMESTAMP, null, false),
    OPPORTUNITY_NAME("opportunityName", ValueKind.TEXT, null, false),
    WON_AT("wonAt", ValueKind.TIMESTAMP, null, false),
    WON_AMOUNT("wonAmount", ValueKind.DECIMAL, null, false),
    WON_CURRENCY("wonCurrency", ValueKind.TEXT, null, false),
    LOST_AT("lostAt", ValueKind.TIMESTAMP, null, false),
    LOST_REASON("lostReason", ValueKind.TEXT, null, false),
    FIRST_CALL_AT("firstCallAt", ValueKind.TIMESTAMP, null, false),
    FIRST_CALL_NOTES("firstCallNotes", ValueKind.TEXT, null, false);

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
