package io.leadproof.evidence.analysisjob;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** node(id) for signal analysis jobs (NodeLookup checks the roles: those of signalAnalysis). */
@ApplicationScoped
public class AnalysisJobNodes {

    @Inject
    AnalysisJobs jobs;

    public Optional<AnalysisJobTypes.JobView> find(UUID id) {
        return jobs.find(id).map(AnalysisJobTypes.JobView::of);
    }
}
