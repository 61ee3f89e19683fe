package io.leadproof.quality;

import java.time.Instant;
import java.util.Map;

/** What the bot check looks at of one activity of a lead. */
public record ActivitySignal(String activityId, Instant occurredAt, Map<String, String> properties) {

    public ActivitySignal {
        properties = properties == null ? Map.of() : properties;
    }
}
