package io.leadproof.lead;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fired inside the transaction that changed lead attributes or recorded activities, so scores follow. Observers that
 * move leads' stages ({@link LeadLifecycle}, in SQL) report them with {@link #moved}, so the firing service re-reads the
 * {@link Lead} entities it holds of those leads. A batch write that inserted new leads carries their
 * {@link LeadsArriving} (the values in hand and what the observers decided on arrival); other writes carry none.
 */
public record LeadsChanged(String workspaceId, Set<UUID> leadIds, What what, Set<UUID> stageMoved, LeadsArriving arriving) {

    public enum What {
        ATTRIBUTES, ACTIVITIES
    }

    public LeadsChanged(String workspaceId, Set<UUID> leadIds, What what) {
        this(workspaceId, leadIds, what, ConcurrentHashMap.newKeySet(), null);
    }

    public LeadsChanged(String workspaceId, Set<UUID> leadIds, What what, LeadsArriving arriving) {
        this(workspaceId, leadIds, what, ConcurrentHashMap.newKeySet(), arriving);
    }

    public void moved(Collection<UUID> leads) {
        stageMoved.addAll(leads);
    }

    public Optional<LeadsArriving> arrival() {
        return Optional.ofNullable(arriving);
    }
}
