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
import io.leadproof.evidence.read.RejectionCountReader;
import io.leadproof.evidence.read.SignalCountReader;
import io.leadproof.evidence.rejections.RejectionCounts;
import io.leadproof.evidence.core.SignalOptions;
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
    SignalCountReader counts;
    @Inject
    RejectionCountReader rejections;
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
        if (request.sampleSize() == null) {
            return counted(request, clock.instant(), null);
        }
        Cohort cohort = cohort(request);
        return AnalysisRun.run(request, cohort.leads(), cohort.firstCallWindow());
    }

    /**
     * Whole groups: the candidate signals counted in the database (a few hundred grouped rows, docs/evidence.md), the
     * deals read a page at a time as of {@code asOf}; {@code timeout} null: the reader's default.
     */
    private AnalysisTypes.Payload counted(AnalysisRequest request, Instant asOf, Duration timeout) {
        CohortQuery query = query(request, asOf).withLimitPerOutcome(null);
        SignalOptions options = AnalysisRun.options(query.firstCallWindow());
        var counted = timeout == null ? counts.count(query, request.groupA(), request.groupB(), options)
                : counts.count(query, request.groupA(), request.groupB(), options, timeout);
        return AnalysisRun.counted(request, counted, query.firstCallWindow(), ids -> deals(request, asOf, ids));
    }

    @Transactional
    public Cohort cohort(AnalysisRequest request) {
        CohortQuery query = query(request, clock.instant());
        return new Cohort(cohorts.referenceLeads(query), query, query.firstCallWindow());
    }

    /** The analysis with outcomes as of {@code asOf}, each statement allowed {@code timeout} (a job's). */
    @Transactional
    public AnalysisTypes.Payload analyse(AnalysisRequest request, Instant asOf, Duration timeout) {
        if (request.sampleSize() == null) {
            return counted(request, asOf, timeout);
        }
        CohortQuery query = query(request, asOf);
        return AnalysisRun.run(request, cohorts.referenceLeads(query, timeout), query.firstCallWindow());
    }

    /** The deals {@code leadIds} of the request's cohort as of {@code asOf} (a page of a kept analysis), in that order. */
    @Transactional
    public List<ReferenceLead> deals(AnalysisRequest request, Instant asOf, List<java.util.UUID> leadIds) {
        CohortQuery query = query(request, asOf);
        var byId = new java.util.HashMap<java.util.UUID, ReferenceLead>();
        cohorts.referenceLeads(query.withLimitPerOutcome(null).withFilter(query.filter().withLeadIds(leadIds)))
                .forEach(l -> byId.put(l.leadId(), l));
        return leadIds.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    private CohortQuery query(AnalysisRequest request, Instant asOf) {
        var evidence = settings.of(workspace.id());
        return new CohortQuery(workspace.id(), request.from(), request.to(), request.moment(), asOf, evidence.stalledAfter(),
                evidence.firstCallWindow(), filter(request.filter()),
                request.sampleSize() != null && request.byKindOnly() ? request.sampleSize() : null);
    }

    /** The handoffs of the window as sales answered them, with their frozen evidence. */
    @Transactional
    public List<HandoffCase> handoffCases(Instant from, Instant to, AnalysisRequest.Filter filter) {
        return cohorts.handoffCases(query(from, to, ReferenceMoment.atHandoff(), filter, null));
    }

    /** The counts of rejection insights over the handoffs created in [from, to), counted in the database. */
    public RejectionCounts rejectionCounts(Instant from, Instant to, AnalysisRequest.Filter filter, java.time.ZoneId zone,
            SignalOptions options) {
        return rejections.count(query(from, to, ReferenceMoment.atHandoff(), filter, null), zone, options);
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
