package io.leadproof.imports;

import java.time.OffsetDateTime;
import java.util.List;

import io.leadproof.common.AttributeInput;
import io.leadproof.lead.ActivityType;
import io.leadproof.lead.FunnelStage;

/**
 * A mapped activity row, field for field the API's {@code ActivityInput} (which the wiring builds from it).
 * Required fields are non-null; whether the lead reference names exactly one lead is the activity validation's rule.
 */
public record ActivityRow(String clientEventId, String leadId, String leadExternalId, String leadEmail,
        ActivityType type, FunnelStage funnelStage, String contentTag, OffsetDateTime occurredAt,
        List<AttributeInput> properties) {
}
