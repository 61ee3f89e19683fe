package io.leadproof.lead;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fired inside the transaction that changed lead attributes or recorded activities, so scores follow. Observers that
 * move leads' stages ({@link LeadLifecycle}, in SQL) report them with {@link #moved}, so the firing service re-reads the
 * {@link Lead} entities it holds of those leads.
 */
public record LeadsChanged(String workspaceId, Set<UUID> leadIds, What what, Set<UUID> stageMoved) {

    public enum What {
        ATTRIBUTES, ACTIVITIES
    }

    public LeadsChanged(String workspaceId, Set<UUID> leadIds, What what) {
        this(workspaceId, leadIds, what, ConcurrentHashMap.newKeySet());
    }

    public void moved(Collection<UUID> leads) {
        stageMoved.addAll(leads);
    }
}
