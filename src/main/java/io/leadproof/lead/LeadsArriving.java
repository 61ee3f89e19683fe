package io.leadproof.lead;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fired by a batch write just before it inserts the leads new in the batch, with their values in hand (detached
 * {@link Lead}s, not in the database yet), then carried on the {@link LeadsChanged} that follows the insert. The
 * observers that judge and score leads (data quality, scoring) decide here, from the values in hand, what they would
 * otherwise read back right after the insert, and leave their findings as notes for their own {@link LeadsChanged}
 * observers. A lead that scoring knocks out on arrival ({@link #knockOut}) is inserted once, in the stage
 * {@link LifecycleMove#KNOCK_OUT} leads to, instead of being inserted NEW and moved by a second write.
 *
 * @param leads   the new leads; {@code batch} the batch's other leads (revised), whose values in hand are final too
 * @param asOf    the instant the batch's scores are computed as of (the same on arrival and after the insert)
 */
public record LeadsArriving(String workspaceId, List<Lead> leads, List<Lead> batch, Instant asOf,
        Set<UUID> knockedOut, Map<Class<?>, Object> notes) {

    public LeadsArriving(String workspaceId, List<Lead> leads, List<Lead> batch, Instant asOf) {
        this(workspaceId, List.copyOf(leads), List.copyOf(batch), asOf, ConcurrentHashMap.newKeySet(), new ConcurrentHashMap<>());
    }

    /** Scoring found these new leads knocked out: they are inserted in the KNOCK_OUT move's stage. */
    public void knockOut(Collection<UUID> ids) {
        knockedOut.addAll(ids);
    }

    /** The stage a new lead is inserted in. */
    public LifecycleStage stageOf(UUID lead) {
        return knockedOut.contains(lead) && LifecycleMove.KNOCK_OUT.allowedFrom(LifecycleStage.NEW)
                ? LifecycleMove.KNOCK_OUT.to() : LifecycleStage.NEW;
    }

    /** Leaves an observer's finding for a later observer (one note per type). */
    public <T> void note(Class<T> type, T value) {
        notes.put(type, value);
    }

    public <T> Optional<T> note(Class<T> type) {
        return Optional.ofNullable(type.cast(notes.get(type)));
    }
}
