package io.leadproof.imports;

import io.leadproof.lead.ActivityType;
import io.leadproof.lead.FunnelStage;

/** Every field of the API's ActivityInput but properties (custom attribute columns fill those). */
public enum ActivityField implements ImportField {
    CLIENT_EVENT_ID("clientEventId", ValueKind.TEXT, null, true),
    LEAD_ID("leadId", ValueKind.TEXT, null, false),
    LEAD_EXTERNAL_ID("leadExternalId", ValueKind.TEXT, null, false),
    LEAD_EMAIL("leadEmail", ValueKind.TEXT, null, false),
    TYPE("type", ValueKind.ENUM, ActivityType.class, true),
    FUNNEL_STAGE("funnelStage", ValueKind.ENUM, FunnelStage.class, false),
    CONTENT_TAG("contentTag", ValueKind.TEXT, null, false),
    OCCURRED_AT("occurredAt", ValueKind.TIMESTAMP, null, true);

    private final String apiName;
    private final ValueKind kind;
    private final Class<? extends Enum<?>> enumType;
    private final boolean required;

    ActivityField(String apiName, ValueKind kind, Class<? extends Enum<?>> enumType, boolean required) {
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
