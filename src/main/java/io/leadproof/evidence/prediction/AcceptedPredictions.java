package io.leadproof.evidence.prediction;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import io.leadproof.evidence.core.ReferenceLead;
import io.leadproof.evidence.core.ReferenceMoment;
import io.leadproof.evidence.predict.Prediction;
import io.leadproof.evidence.read.CohortFilter;
import io.leadproof.evidence.read.CohortQuery;
import io.leadproof.evidence.read.CohortReader;
import io.leadproof.evidence.settings.EvidenceSettings;
import io.leadproof.security.CurrentWorkspace;

/**
 * The served ACCEPTED_LEADS model's prediction for leads whose latest handoff sales accepted, computed on read: the lead
 * as of its handoff (traits, activities up to it) with the first-call signals logged so far within the first-call window,
 * through the same reader the training used — so serving sees exactly the features the model learned from.
 */
@ApplicationScoped
class AcceptedPredictions {

    record Served(ServedModel model, Prediction prediction) {
    }

    @Inject
    ServedModels served;
    @Inject
    CohortReader reader;
    @Inject
    EvidenceSettings settings;
    @Inject
    CurrentWorkspace workspace;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    /** By lead id: the leads among {@code ids} whose latest handoff is accepted, while the workspace serves such a model. */
    @Transactional
    Map<UUID, Served> of(List<UUID> ids) {
        String ws = workspace.id();
        var model = served.forWorkspace(ws, PredictivePopulation.ACCEPTED_LEADS).orElse(null);
        Map<UUID, Served> result = new HashMap<>();
        if (model == null || ids.isEmpty()) {
            return result;
        }
        Instant now = clock.instant();
        List<UUID> accepted = accepted(ws, ids, now);
        if (accepted.isEmpty()) {
            return result;
        }
        var s = settings.of(ws);
        var query = new CohortQuery(ws, Instant.EPOCH, now.plusMillis(1), ReferenceMoment.atHandoff(), now, s.stalledAfter(),
                s.firstCallWindow(), CohortFilter.ALL.withLeadIds(accepted), null);
        for (ReferenceLead lead : reader.referenceLeads(query)) {
            result.put(lead.leadId(), new Served(model, model.predict(lead)));
        }
        return result;
    }

    private List<UUID> accepted(String ws, List<UUID> ids, Instant now) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (var ps = c.prepareStatement("select lead_id from (select distinct on (lead_id) lead_id, accepted_at from handoff"
                    + " where workspace_id = ? and lead_id = any(?) and created_at <= ? order by lead_id, created_at desc, id desc) h"
                    + " where accepted_at is not null")) {
                ps.setString(1, ws);
                ps.setArray(2, c.createArrayOf("uuid", ids.toArray()));
                ps.setTimestamp(3, Timestamp.from(now));
                Set<UUID> found = new HashSet<>();
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getObject(1, UUID.class));
                    }
                }
                return ids.stream().filter(found::contains).toList();
            }
        });
    }
}
