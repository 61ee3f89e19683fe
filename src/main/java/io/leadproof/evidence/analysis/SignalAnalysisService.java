package io.leadproof.evidence.analysis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.leadproof.evidence.api.AnalysisRequest;
import io.leadproof.evidence.api.AnalysisTypes;
import io.leadproof.evidence.core.ReferenceLead;
import io.leadproof.evidence.core.ReferenceMoment;
import io.leadproof.evidence.rejections.HandoffCase;
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

    /** The cohort of a request, the query that read it and the workspace's first-call window. */
    public record Cohort(List<ReferenceLead> leads, CohortQuery query, Duration firstCallWindow) {
    }

    @Transactional
    public AnalysisTypes.Payload analyse(AnalysisRequest request) {
        Cohort cohort = cohort(request);
        return AnalysisRun.run(request, cohort.leads(), cohort.firstCallWindow());
    }

    @Transactional
    public Cohort cohort(AnalysisRequest request) {
        CohortQuery query = query(request.from(), request.to(), request.moment(), request.filter(),
                request.sampleSize() != null && request.byKindOnly() ? request.sampleSize() : null);
        return new Cohort(cohorts.referenceLeads(query), query, query.firstCallWindow());
    }

    /** The handoffs of the window as sales answered them, with their frozen evidence. */
    @Transactional
    public List<HandoffCase> handoffCases(Instant from, Instant to, AnalysisRequest.Filter filter) {
        return cohorts.handoffCases(query(from, to, ReferenceMoment.atHandoff(), filter, null));
    }

    private CohortQuery query(Instant from, Instant to, ReferenceMoment moment, AnalysisRequest.Filter filter, Integer limit) {
        var evidence = settings.of(workspace.id());
        return new CohortQuery(workspace.id(), from, to, moment, clock.instant(), evidence.stalledAfter(),
                evidence.firstCallWindow(), filter(filter), limit);
    }

    static CohortFilter filter(AnalysisRequest.Filter f) {
        return new CohortFilter(List.copyOf(f.campaignIds()), List.copyOf(f.sources()), List.copyOf(f.criteriaVersionIds()),
                List.copyOf(f.owners()));
    }
}
