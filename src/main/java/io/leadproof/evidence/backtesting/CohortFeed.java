package io.leadproof.evidence.backtesting;

import java.time.Duration;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.leadproof.evidence.backtest.BacktestLead;
import io.leadproof.evidence.read.CohortFilter;
import io.leadproof.evidence.read.CohortQuery;
import io.leadproof.evidence.read.CohortReader;
import io.leadproof.evidence.settings.EvidenceSettings;

/**
 * Feeds a backtest from the one evidence reader ({@link CohortReader#streamBacktestLeads}): the leads created in the
 * window, in creation order, each as of its reference moment, through a server-side cursor. Runs in the caller's
 * transaction, whose statements may take up to {@code maxRun} (the API's 5 s would stop a million-lead replay).
 */
@ApplicationScoped
class CohortFeed {

    @Inject
    CohortReader reader;
    @Inject
    EvidenceSettings settings;

    void stream(String workspaceId, BacktestRequest request, Duration maxRun, Consumer<BacktestLead> sink) {
        reader.streamBacktestLeads(query(workspaceId, request), request.includeNeverHandedOff(), maxRun, sink);
    }

    CohortQuery query(String workspaceId, BacktestRequest request) {
        var workspaceSettings = settings.of(workspaceId);
        var filter = new CohortFilter(request.campaignIds(), request.sources(), request.criteriaVersionIds(), request.owners());
        return new CohortQuery(workspaceId, request.from(), request.to(), request.referenceMoment(), request.asOf(),
                workspaceSettings.stalledAfter(), workspaceSettings.firstCallWindow(), filter, null);
    }
}
