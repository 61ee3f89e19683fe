package io.leadproof.lead;

import java.util.Set;
import java.util.UUID;

/** Fired inside the transaction that changed lead attributes or recorded activities, so scores follow. */
public record LeadsChanged(String workspaceId, Set<UUID> leadIds, What what) {

    public enum What {
        ATTRIBUTES, ACTIVITIES
    }
}
