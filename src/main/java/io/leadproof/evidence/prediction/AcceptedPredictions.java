package io.leadproof.evidence.prediction;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import io.leadproof.evidence.core.ReferenceLead;
import io.leadproof.evidence.core.ReferenceMoment;
import io.leadproof.evidence.read.CohortFilter;
import io.leadproof.evidence.read.CohortQuery;
import io.leadproof.evidence.read.CohortReader;
import io.leadproof.evidence.settings.EvidenceSettings;
import io.leadproof.security.CurrentWorkspace;

/**
 * The served ACCEPTED_LEADS model's predictions, for leads whose latest handoff sales accepted: the lead as of its handoff
 * (traits, activities up to it) with the first-call signals logged so far within the first-call window, through the same
 * reader the training used — so serving sees exactly the features the model learned from. Stored like the ALL_LEADS
 * model's (lead_accepted_prediction, V111) by the model's bulk pass and when a lead or its handoff changes; a lead that is
 * no longer accepted loses its stored one.
 */
@ApplicationScoped
class AcceptedPredictions {

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

    /** Predicts again the leads among {@code ids} under the served ACCEPTED_LEADS model, if any; the number written. */
    @Transactional
    int refresh(List<UUID> ids) {
        return served.forWorkspace(workspace.id(), PredictivePopulation.ACCEPTED_LEADS).map(m -> store(m, ids, clock.instant())).orElse(0);
    }

    /**
     * Writes the model's prediction of each accepted lead among {@code ids} and forgets that of the others; the number
     * written. In the caller's transaction and workspace.
     */
    @Transactional
    int store(ServedModel model, List<UUID> ids, Instant now) {
        if (ids.isEmpty()) {
            return 0;
        }
        String ws = workspace.id();
        List<UUID> accepted = accepted(ws, ids, now);
        List<ReferenceLead> leads = List.of();
        if (!accepted.isEmpty()) {
            var s = settings.of(ws);
            var query = new CohortQuery(ws, Instant.EPOCH, now.plusMillis(1), ReferenceMoment.atHandoff(), now, s.stalledAfter(),
                    s.firstCallWindow(), CohortFilter.ALL.withLeadIds(accepted), null);
            leads = reader.referenceLeads(query);
        }
        Set<UUID> predicted = new HashSet<>();
        leads.forEach(l -> predicted.add(l.leadId()));
        List<ReferenceLead> written = leads;
        return em.unwrap(Session.class).doReturningWork(c -> {
            LeadPredictions.forget(c, ws, PredictivePopulation.ACCEPTED_LEADS, ids.stream().filter(id -> !predicted.contains(id)).toList());
            return LeadPredictions.write(c, ws, PredictivePopulation.ACCEPTED_LEADS, model, written, now);
        });
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
