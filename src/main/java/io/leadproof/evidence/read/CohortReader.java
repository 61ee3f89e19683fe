package io.leadproof.evidence.read;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.leadproof.common.ReplicaReads;
import io.leadproof.evidence.backtest.BacktestLead;
import io.leadproof.evidence.core.ReferenceLead;
import io.leadproof.evidence.read.CohortSql.Part;
import io.leadproof.evidence.read.CohortSql.Shape;
import io.leadproof.evidence.rejections.HandoffCase;
import io.leadproof.security.CurrentWorkspace;
import io.quarkus.arc.Arc;

/**
 * The one reader of evidence cohorts (docs/evidence.md): handed-off leads as of their reference moment with their
 * outcomes, handoff cases for rejection insights, and backtest cohorts, each one set-based statement (see
 * {@link CohortSql}). Traits come from {@link LeadsAsOf}, outcomes from the SQL function {@code evidence_outcome} (their one home), imported handoffs
 * included. Runs for {@link CohortQuery#workspaceId()}, which must be the workspace of the current request or job,
 * on the read-only datasource when one is configured ({@link ReplicaReads}). Cohorts of handed-off leads are read in
 * {@link CohortReadConfig#partitions()} parts at once ({@link PartedRead}).
 */
@ApplicationScoped
public class CohortReader {

    /** Rows fetched per round trip when streaming: a server-side cursor, never the whole cohort in memory. */
    static final int FETCH_SIZE = 1000;

    @Inject
    ReplicaReads reads;
    @Inject
    CurrentWorkspace workspace;
    @Inject
    CohortReadConfig config;
    @Inject
    io.leadproof.common.DatabaseConfig database;

    /** Leads with a handoff created in the window (the latest per lead), as of the reference moment. */
    public List<ReferenceLead> referenceLeads(CohortQuery q) {
        return referenceLeads(q, defaultTimeout());
    }

    /** As {@link #referenceLeads(CohortQuery)}, each statement allowed {@code timeout} (a job's). */
    public List<ReferenceLead> referenceLeads(CohortQuery q, Duration timeout) {
        return referenceLeads(q, timeout, config.partitions());
    }

    /**
     * As {@link #referenceLeads(CohortQuery, Duration)}, in {@code parts} statements at once: a background job passes
     * fewer than a request's {@link CohortReadConfig#partitions()}, so that it leaves cores to the requests.
     */
    public List<ReferenceLead> referenceLeads(CohortQuery q, Duration timeout, int parts) {
        List<ReferenceLead> leads = parted(q, Shape.REFERENCE, timeout, parts, row -> CohortRecords.referenceLead(row, q));
        return OutcomeSample.mostRecent(leads, q.limitPerOutcome(), ReferenceLead::outcome, ReferenceLead::handedOffAt,
                ReferenceLead::leadId);
    }

    /** Every handoff created in the window as sales answered it by asOf, with its frozen contributions. */
    public List<HandoffCase> handoffCases(CohortQuery q) {
        List<HandoffCase> cases = parted(q, Shape.CASES, defaultTimeout(), config.partitions(), row -> CohortRecords.handoffCase(row, q));
        return OutcomeSample.mostRecent(cases, q.limitPerOutcome(), c -> c.lead().outcome(), HandoffCase::handedOffAt,
                c -> c.lead().leadId());
    }

    /** Leads created in the window, as of their moment (see {@link #streamBacktestLeads}), in creation order. */
    public List<BacktestLead> backtestLeads(CohortQuery q, boolean includeNeverHandedOff) {
        List<BacktestLead> leads = new ArrayList<>();
        reads.read(c -> read(c, q, Shape.BACKTEST, includeNeverHandedOff, true, Part.ALL, defaultTimeout(),
                row -> leads.add(CohortRecords.backtestLead(row, q))));
        return OutcomeSample.mostRecent(leads, q.limitPerOutcome(), BacktestLead::outcome, BacktestLead::handedOffAt,
                BacktestLead::leadId);
    }

    /**
     * Streams the leads created in [from, to) in creation order (ties by id) through a server-side cursor: a lead
     * handed off by asOf at its latest such handoff (AT_HANDOFF) with its outcome as of asOf; a lead never handed off
     * (only when asked for) at its creation plus the stall period, never later than asOf; with CREATED_PLUS_DAYS(n)
     * every lead at its creation plus n days. Activities up to the moment. {@code limitPerOutcome} needs the whole
     * cohort and is refused here: use {@link #backtestLeads}. The statement may run for {@code timeout}.
     */
    public void streamBacktestLeads(CohortQuery q, boolean includeNeverHandedOff, Consumer<BacktestLead> sink) {
        streamBacktestLeads(q, includeNeverHandedOff, defaultTimeout(), sink);
    }

    /** As {@link #streamBacktestLeads(CohortQuery, boolean, Consumer)}, the statement allowed {@code timeout}. */
    public void streamBacktestLeads(CohortQuery q, boolean includeNeverHandedOff, Duration timeout, Consumer<BacktestLead> sink) {
        if (q.limitPerOutcome() != null) {
            throw new IllegalArgumentException("a stream cannot sample per outcome; use backtestLeads");
        }
        requireCurrentWorkspace(q.workspaceId());
        reads.read(c -> read(c, q, Shape.BACKTEST, includeNeverHandedOff, true, Part.ALL, timeout,
                row -> sink.accept(CohortRecords.backtestLead(row, q))));
    }

    interface RowSink {
        void accept(CohortRow row) throws SQLException;
    }

    interface RowMapper<T> {
        T map(CohortRow row) throws SQLException;
    }

    private <T> List<T> parted(CohortQuery q, Shape shape, Duration timeout, int parts, RowMapper<T> mapper) {
        requireCurrentWorkspace(q.workspaceId());
        List<PartedRead.Keyed<T>> rows = new PartedRead(reads, Math.max(1, parts)).read(part -> {
            List<PartedRead.Keyed<T>> out = new ArrayList<>();
            return new PartedRead.Reading<>(out, c -> read(c, q, shape, false, false, part, timeout,
                    row -> out.add(new PartedRead.Keyed<>(row.facts().createdAt(), row.leadId(), row.handoffId(), mapper.map(row)))));
        });
        rows.sort(Comparator.naturalOrder());
        return rows.stream().map(PartedRead.Keyed::value).toList();
    }

    static Void read(Connection c, CohortQuery q, Shape shape, boolean includeNeverHandedOff, boolean activityFacts, Part part,
            Duration timeout, RowSink sink) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        if (autoCommit) {
            c.setAutoCommit(false); // a cursor (fetch size) needs a transaction
        }
        try {
            io.leadproof.security.WorkspaceConnectionSettings.bind(c, q.workspaceId());
            try (var set = c.prepareStatement("select set_config('statement_timeout', ?, true), set_config('jit', 'off', true)")) {
                // jit: compiling the plan of a 200,000-lead read cost seconds of CPU and saved none (docs/benchmarks.md)
                set.setString(1, Long.toString(timeout.toMillis()));
                set.execute();
            }
            try (var ps = CohortSql.prepare(c, shape, q, includeNeverHandedOff, activityFacts, part)) {
                ps.setFetchSize(FETCH_SIZE);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(CohortRow.read(rs));
                    }
                }
            }
        } finally {
            if (autoCommit) {
                c.rollback(); // read only
                c.setAutoCommit(true);
            }
        }
        return null;
    }

    /** A job's statement timeout in a job, the analysis read's in a request. */
    /** The evidence read's statement timeout, or a job's when a job reads. */
    Duration defaultTimeout() {
        return Arc.container().requestContext().isActive() && workspace.isJob() ? database.jobStatementTimeout()
                : config.statementTimeout();
    }

    /** A request or job bound to one workspace never reads another's cohort. */
    void requireCurrentWorkspace(String workspaceId) {
        if (Arc.container().requestContext().isActive()) {
            String current = workspace.established();
            if (current != null && !current.equals(workspaceId)) {
                throw new IllegalArgumentException("the cohort's workspace is not the current one");
            }
        }
    }
}
