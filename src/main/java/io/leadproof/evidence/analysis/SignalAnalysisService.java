package io.leadproof.evidence.analysis;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.leadproof.evidence.api.AnalysisRequest;
import io.leadproof.evidence.api.AnalysisTypes;
import io.leadproof.evidence.core.ReferenceLead;
import io.leadproof.evidence.read.CohortFilter;
import io.leadproof.evidence.read.CohortQuery;
import io.leadproof.evidence.read.CohortReader;
import io.leadproof.evidence.settings.EvidenceSettings;
import io.leadproof.security.CurrentWorkspace;

/**
 * Reads the cohort of a checked request (one set-based read by {@link CohortReader}, outcomes as of now, the
 * workspace's stall period and first-call window) and runs the analysis over it. With a sample size and groups
 * chosen by outcome kind only, the read keeps the most recent N per outcome kind: the N most recent of a group lie
 * among them.
 */
@ApplicationScoped
public class SignalAnalysisService {

    @Inject
    CohortReader cohorts;
    @Inject
    EvidenceSettings settings;
    @Inject
    CurrentWorkspace workspace;
    @Inject
    Clock clock;

    @Transactional
    public AnalysisTypes.Payload analyse(AnalysisRequest request) {
        var evidence = settings.of(workspace.id());
        Integer limit = request.sampleSize() != null && request.byKindOnly() ? request.sampleSize() : null;
        CohortQuery query = new CohortQuery(workspace.id(), request.from(), request.to(), request.moment(), clock.instant(),
                evidence.stalledAfter(), evidence.firstCallWindow(), filter(request.filter()), limit);
        List<ReferenceLead> cohort = cohorts.referenceLeads(query);
        return AnalysisRun.run(request, cohort, evidence.firstCallWindow());
    }

    static CohortFilter filter(AnalysisRequest.Filter f) {
        return new CohortFilter(List.copyOf(f.campaignIds()), List.copyOf(f.sources()), List.copyOf(f.criteriaVersionIds()),
                List.copyOf(f.owners()));
    }
}
