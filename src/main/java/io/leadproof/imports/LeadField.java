package io.leadproof.imports;

import io.leadproof.lead.Authority;
import io.leadproof.lead.BudgetStatus;
import io.leadproof.lead.LeadSource;
import io.leadproof.lead.Need;
import io.leadproof.lead.Timeline;

/** Every field of {@link io.leadproof.lead.LeadInput} but customAttributes (custom attribute columns fill those). */
public enum LeadField implements ImportField {
    EXTERNAL_ID("externalId", ValueKind.TEXT),
    EMAIL("email", ValueKind.TEXT),
    FIRST_NAME("firstName", ValueKind.TEXT),
    LAST_NAME("lastName", ValueKind.TEXT),
    PHONE("phone", ValueKind.TEXT),
    COMPANY_NAME("companyName", ValueKind.TEXT),
    COMPANY_DOMAIN("companyDomain", ValueKind.TEXT),
    ANNUAL_REVENUE("annualRevenue", ValueKind.DECIMAL),
    EMPLOYEE_COUNT("employeeCount", ValueKind.INTEGER),
    INDUSTRY("industry", ValueKind.TEXT),
    JOB_TITLE("jobTitle", ValueKind.TEXT),
    COUNTRY("country", ValueKind.COUNTRY),
    SOURCE("source", LeadSource.class),
    CAMPAIGN_ID("campaignId", ValueKind.TEXT),
    BUDGET_STATUS("budgetStatus", BudgetStatus.class),
    BUDGET_AMOUNT("budgetAmount", ValueKind.DECIMAL),
    AUTHORITY("authority", Authority.class),
    NEED("need", Need.class),
    TIMELINE("timeline", Timeline.class),
    OWNER_ID("ownerId", ValueKind.TEXT),
    CREATED_AT("createdAt", ValueKind.TIMESTAMP);

    private final String apiName;
    private final ValueKind kind;
    private final Class<? extends Enum<?>> enumType;

    LeadField(String apiName, ValueKind kind) {
        this.apiName = apiName;
        this.kind = kind;
        this.enumType = null;
    }

    LeadField(String apiName, Class<? extends Enum<?>> enumType) {
        this.apiName = apiName;
        this.kind = ValueKind.ENUM;
        this.enumType = enumType;
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

    /** None: a lead needs externalId or email, which the lead validation checks as for the API. */
    @Override
    public boolean required() {
        return false;
    }
}
