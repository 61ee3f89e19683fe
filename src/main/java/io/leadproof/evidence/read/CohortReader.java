package io.leadproof.evidence.read;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.leadproof.evidence.backtest.BacktestLead;
import io.leadproof.evidence.core.Outcome;
import io.leadproof.evidence.core.Outcomes;
import io.leadproof.evidence.core.ReferenceLead;
import io.leadproof.evidence.read.CohortSql.Shape;
import io.leadproof.evidence.rejections.HandoffCase;
import io.leadproof.security.CurrentWorkspace;
import io.leadproof.security.WorkspaceConnectionSettings;
import io.quarkus.arc.Arc;

/**
 * The one reader of evidence cohorts (docs/evidence.md): handed-off leads as of their reference moment with their
 * outcomes, handoff cases for rejection insights, and backtest cohorts, each one set-based statement (see
 * {@link CohortSql}). Traits come from {@link LeadsAsOf}, outcomes from {@link Outcomes#asOf}, imported handoffs
 * included. Runs for {@link CohortQuery#workspaceId()}, which must be the workspace of the current request or job.
 */
@ApplicationScoped
public class CohortReader {

    /** Rows fetched per round trip when streaming: a server-side cursor, never the whole cohort in memory. */
    static final int FETCH_SIZE = 1000;

    @Inject
    DataSource dataSource;
    @Inject
    CurrentWorkspace workspace;

    /** Leads with a handoff created in the window (the latest per lead), as of the reference moment. */
    public List<ReferenceLead> referenceLeads(CohortQuery q) {
        List<ReferenceLead> leads = new ArrayList<>();
        read(q, Shape.REFERENCE, false, false, row -> leads.add(CohortRecords.referenceLead(row, q)));
        return OutcomeSample.mostRecent(leads, q.limitPerOutcome(), ReferenceLead::outcome, ReferenceLead::handedOffAt,
                ReferenceLead::leadId);
    }

    /** Every handoff created in the window as sales answered it by asOf, with its frozen contributions. */
    public List<HandoffCase> handoffCases(CohortQuery q) {
        List<HandoffCase> cases = new ArrayList<>();
        read(q, Shape.CASES, false, false, row -> cases.add(CohortRecords.handoffCase(row, q)));
        return OutcomeSample.mostRecent(cases, q.limitPerOutcome(), c -> c.lead().outcome(), HandoffCase::handedOffAt,
                c -> c.lead().leadId());
    }

    /** Leads created in the window, as of their moment (see {@link #streamBacktestLeads}), in creation order. */
    public List<BacktestLead> backtestLeads(CohortQuery q, boolean includeNeverHandedOff) {
        List<BacktestLead> leads = new ArrayList<>();
        read(q, Shape.BACKTEST, includeNeverHandedOff, true, row -> leads.add(CohortRecords.backtestLead(row, q)));
        return OutcomeSample.mostRecent(leads, q.limitPerOutcome(), BacktestLead::outcome, BacktestLead::handedOffAt,
                BacktestLead::leadId);
    }

    /**
     * Streams the leads created in [from, to) in creation order (ties by id) through a server-side cursor: a lead
     * handed off by asOf at its latest such handoff (AT_HANDOFF) with its outcome as of asOf; a lead never handed off
     * (only when asked for) at its creation plus the stall period, never later than asOf; with CREATED_PLUS_DAYS(n)
     * every lead at its creation plus n days. Activities up to the moment. {@code limitPerOutcome} needs the whole
     * cohort and is refused here: use {@link #backtestLeads}.
     */
    public void streamBacktestLeads(CohortQuery q, boolean includeNeverHandedOff, Consumer<BacktestLead> sink) {
        if (q.limitPerOutcome() != null) {
            throw new IllegalArgumentException("a stream cannot sample per outcome; use backtestLeads");
        }
        read(q, Shape.BACKTEST, includeNeverHandedOff, true, row -> sink.accept(CohortRecords.backtestLead(row, q)));
    }

    private interface RowSink {
        void accept(CohortRow row) throws SQLException;
    }

    private void read(CohortQuery q, Shape shape, boolean includeNeverHandedOff, boolean activityFacts, RowSink sink) {
        requireCurrentWorkspace(q.workspaceId());
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            if (autoCommit) {
                c.setAutoCommit(false); // a cursor (fetch size) needs a transaction
            }
            try {
                WorkspaceConnectionSettings.bind(c, q.workspaceId());
                noJit(c);
                try (var ps = CohortSql.prepare(c, shape, q, includeNeverHandedOff, activityFacts)) {
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
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the evidence cohort", e);
        }
    }

    /**
     * One lateral statement over a whole cohort is estimated at millions, far above jit_above_cost, yet each of its
     * expressions runs a few times per lead: compiling them cost more than they saved (1.6 of 5.6 s of database CPU at
     * 100,000 leads). Off for this transaction only.
     */
    private static void noJit(Connection c) throws SQLException {
        try (var st = c.prepareStatement("select set_config('jit', 'off', true)")) {
            st.execute();
        }
    }

    /** A request or job bound to one workspace never reads another's cohort. */
    private void requireCurrentWorkspace(String workspaceId) {
        if (Arc.container().requestContext().isActive()) {
            String current = workspace.established();
            if (current != null && !current.equals(workspaceId)) {
                throw new IllegalArgumentException("the cohort's workspace is not the current one");
            }
        }
    }

    static Outcome outcome(CohortRow row, CohortQuery q) {
        return row.facts() == null ? null : Outcomes.asOf(row.facts(), q.asOf(), q.stalledAfter());
    }
}
