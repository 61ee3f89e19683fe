package io.leadproof.evidence.prediction;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import io.leadproof.common.DatabaseConfig;
import io.leadproof.evidence.core.ReferenceLead;
import io.leadproof.evidence.core.ReferenceMoment;
import io.leadproof.evidence.read.CohortFilter;
import io.leadproof.evidence.read.CohortQuery;
import io.leadproof.evidence.read.CohortReader;
import io.leadproof.evidence.settings.EvidenceSettings;

/**
 * What a model learns from: every handed-off lead of the workspace (imported handoffs included) as of its handoff
 * (traits from the trait history, activities up to the handoff, the first-call signals logged on it), its outcome as of
 * the training's start under the workspace's stall period — through the one evidence reader, {@link CohortReader}. For
 * an ACCEPTED_LEADS model only the leads whose latest handoff sales accepted. The trainer keeps the decided ones.
 */
@ApplicationScoped
class TrainingCohort {

    /** At most this many of the most recent handoffs per outcome kind: bounded memory, and the recent past matters most. */
    static final int MAX_PER_OUTCOME = 100_000;

    /** The leads and the workspace's first-call window (within which an accepted-lead model's signals count). */
    record Cohort(List<ReferenceLead> leads, Duration firstCallWindow) {
    }

    @Inject
    CohortReader reader;
    @Inject
    PredictionConfig config;
    @Inject
    DatabaseConfig database;
    @Inject
    EvidenceSettings settings;
    @Inject
    EntityManager em;

    Cohort referenceLeads(String workspaceId, Instant asOf, PredictivePopulation population) {
        var s = settings.of(workspaceId);
        var query = new CohortQuery(workspaceId, Instant.EPOCH, asOf.plusMillis(1), ReferenceMoment.atHandoff(), asOf,
                s.stalledAfter(), s.firstCallWindow(), CohortFilter.ALL, MAX_PER_OUTCOME);
        List<ReferenceLead> leads = reader.referenceLeads(query, database.jobStatementTimeout(), config.trainingReadParts());
        if (population == PredictivePopulation.ACCEPTED_LEADS) {
            Set<UUID> accepted = accepted(workspaceId, asOf);
            leads = leads.stream().filter(l -> accepted.contains(l.leadId())).toList();
        }
        return new Cohort(leads, s.firstCallWindow());
    }

    /** Leads whose latest handoff by {@code asOf} (the one the reader reads) was accepted by then. */
    private Set<UUID> accepted(String workspaceId, Instant asOf) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (var ps = c.prepareStatement("select lead_id from (select distinct on (lead_id) lead_id, accepted_at from handoff"
                    + " where workspace_id = ? and created_at <= ? order by lead_id, created_at desc, id desc) h"
                    + " where accepted_at is not null and accepted_at <= ?")) {
                ps.setString(1, workspaceId);
                ps.setTimestamp(2, Timestamp.from(asOf));
                ps.setTimestamp(3, Timestamp.from(asOf));
                Set<UUID> result = new HashSet<>();
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(rs.getObject(1, UUID.class));
                    }
                }
                return result;
            }
        });
    }
}
