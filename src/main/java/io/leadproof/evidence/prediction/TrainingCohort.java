package io.leadproof.evidence.prediction;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.leadproof.evidence.core.ReferenceLead;
import io.leadproof.evidence.core.ReferenceMoment;
import io.leadproof.evidence.read.CohortFilter;
import io.leadproof.evidence.read.CohortQuery;
import io.leadproof.evidence.read.CohortReader;
import io.leadproof.evidence.settings.EvidenceSettings;

/**
 * What a model learns from: every handed-off lead of the workspace (imported handoffs included) as of its handoff
 * (traits from the trait history, activities up to the handoff), its outcome as of the training's start under the
 * workspace's stall period — through the one evidence reader, {@link CohortReader}. The trainer keeps the decided ones.
 */
@ApplicationScoped
class TrainingCohort {

    /** At most this many of the most recent handoffs per outcome kind: bounded memory, and the recent past matters most. */
    static final int MAX_PER_OUTCOME = 100_000;

    @Inject
    CohortReader reader;
    @Inject
    EvidenceSettings settings;

    List<ReferenceLead> referenceLeads(String workspaceId, Instant asOf) {
        var s = settings.of(workspaceId);
        return reader.referenceLeads(new CohortQuery(workspaceId, Instant.EPOCH, asOf.plusMillis(1), ReferenceMoment.atHandoff(),
                asOf, s.stalledAfter(), s.firstCallWindow(), CohortFilter.ALL, MAX_PER_OUTCOME));
    }
}
