package io.leadproof.lead;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The leads one batch write captured and revised (detached {@link Lead}s: their rules ran in memory), written
 * set-based by {@link LeadRowWrites}; their data-quality verdicts follow on the change event (QualityRefresh). A lead new in the batch and revised by a
 * later row is inserted once with its final values.
 */
final class LeadBatch {

    private final Instant now;
    private final Set<Lead> created = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Lead> captured = new ArrayList<>();
    private final Set<Lead> revised = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Lead> revisedInOrder = new ArrayList<>();

    LeadBatch(Instant now) {
        this.now = now;
    }

    Instant now() {
        return now;
    }

    Lead capture(Lead lead) {
        created.add(lead);
        captured.add(lead);
        return lead;
    }

    void revised(Lead lead) {
        if (!created.contains(lead) && revised.add(lead)) {
            revisedInOrder.add(lead);
        }
    }

    boolean isEmpty() {
        return captured.isEmpty() && revisedInOrder.isEmpty();
    }

    Set<UUID> touched() {
        var ids = new LinkedHashSet<UUID>();
        captured.forEach(l -> ids.add(l.id()));
        revisedInOrder.forEach(l -> ids.add(l.id()));
        return ids;
    }

    /** The new leads, in capture order, and the revised ones: what {@link LeadsArriving} carries in hand. */
    List<Lead> captured() {
        return List.copyOf(captured);
    }

    List<Lead> revisedLeads() {
        return List.copyOf(revisedInOrder);
    }

    /** Inserts the new leads in the stage they arrive in ({@link LeadsArriving#stageOf}) and updates the revised ones. */
    void write(Connection c, String workspace, LeadsArriving arriving) throws SQLException {
        LeadRowWrites.insert(c, workspace, captured, arriving::stageOf);
        LeadRowWrites.update(c, workspace, revisedInOrder);
    }
}
