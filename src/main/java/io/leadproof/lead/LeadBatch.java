package io.leadproof.lead;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.leadproof.common.NodeId;
import io.leadproof.quality.PersonIdentity;
import io.leadproof.quality.QualityReport;
import io.leadproof.quality.store.LeadVerdicts;

/**
 * The leads one batch write captured and revised (detached {@link Lead}s: their rules ran in memory), written
 * set-based by {@link LeadRows} together with their data-quality verdicts. A lead new in the batch and revised by a
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

    void write(Connection c, String workspace, LeadVerdicts verdicts) throws SQLException {
        LeadRows.insert(c, workspace, captured);
        LeadRows.update(c, workspace, revisedInOrder);
        var assessed = new HashMap<UUID, QualityReport>();
        for (Lead lead : captured) {
            assessed.put(lead.id(), verdicts.assess(identity(lead), now));
        }
        for (Lead lead : revisedInOrder) {
            assessed.put(lead.id(), verdicts.assess(identity(lead), now));
        }
        verdicts.store(c, workspace, assessed, now);
    }

    private static PersonIdentity identity(Lead l) {
        return new PersonIdentity(NodeId.of("Lead", l.id()), l.email(), l.phone(), l.firstName(), l.lastName(),
                l.companyName(), l.companyDomain(), l.country());
    }
}
