package io.leadproof.evidence.backtesting;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.leadproof.evidence.backtest.ChangedLeads;
import io.leadproof.evidence.core.OutcomeKind;

/** The leads that change side, written in batches of unnested arrays and read a page at a time by position. */
final class ChangedLeadRows {

    static final int BATCH = 10_000;

    record Row(int position, UUID leadId, OutcomeKind outcome, String rejectionCode) {
    }

    private ChangedLeadRows() {
    }

    static void write(Connection c, String workspaceId, UUID backtestId, ChangedSide side, ChangedLeads leads) throws SQLException {
        try (var ps = c.prepareStatement("insert into criteria_backtest_lead"
                + " (workspace_id, backtest_id, side, position, lead_id, outcome, rejection_code)"
                + " select ?, ?, ?, t.p, t.l, t.o, t.r from unnest(?::int[], ?::uuid[], ?::text[], ?::text[]) as t(p, l, o, r)")) {
            for (int start = 0; start < leads.size(); start += BATCH) {
                int end = Math.min(leads.size(), start + BATCH);
                Integer[] positions = new Integer[end - start];
                UUID[] ids = new UUID[end - start];
                String[] outcomes = new String[end - start];
                String[] reasons = new String[end - start];
                for (int i = start; i < end; i++) {
                    positions[i - start] = i;
                    ids[i - start] = leads.leadId(i);
                    OutcomeKind kind = leads.outcome(i);
                    outcomes[i - start] = kind == null ? null : kind.name();
                    reasons[i - start] = leads.rejectionCode(i);
                }
                ps.setString(1, workspaceId);
                ps.setObject(2, backtestId);
                ps.setString(3, side.name());
                ps.setArray(4, c.createArrayOf("int4", positions));
                ps.setArray(5, c.createArrayOf("uuid", ids));
                ps.setArray(6, c.createArrayOf("text", outcomes));
                ps.setArray(7, c.createArrayOf("text", reasons));
                ps.executeUpdate();
            }
        }
    }

    /** Up to {@code limit} rows after {@code afterPosition} (-1: from the start), in replay order. */
    static List<Row> page(Connection c, String workspaceId, UUID backtestId, ChangedSide side, int afterPosition, int limit)
            throws SQLException {
        try (var ps = c.prepareStatement("select position, lead_id, outcome, rejection_code from criteria_backtest_lead"
                + " where workspace_id = ? and backtest_id = ? and side = ? and position > ? order by position limit ?")) {
            ps.setString(1, workspaceId);
            ps.setObject(2, backtestId);
            ps.setString(3, side.name());
            ps.setInt(4, afterPosition);
            ps.setInt(5, limit);
            List<Row> rows = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    String outcome = rs.getString(3);
                    rows.add(new Row(rs.getInt(1), rs.getObject(2, UUID.class), outcome == null ? null : OutcomeKind.valueOf(outcome),
                            rs.getString(4)));
                }
            }
            return rows;
        }
    }

    record Summary(int total, List<OutcomeCount> byOutcome, List<ReasonCount> rejectedByReason) {
    }

    record OutcomeCount(OutcomeKind outcome, int count) {
    }

    record ReasonCount(String code, int count) {
    }

    static Summary summary(Connection c, String workspaceId, UUID backtestId, ChangedSide side) throws SQLException {
        int total = 0;
        List<OutcomeCount> outcomes = new ArrayList<>();
        List<ReasonCount> reasons = new ArrayList<>();
        String where = " from criteria_backtest_lead where workspace_id = ? and backtest_id = ? and side = ?";
        try (var ps = c.prepareStatement("select outcome, count(*)" + where + " group by outcome order by outcome nulls last")) {
            bind(ps, workspaceId, backtestId, side);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    total += rs.getInt(2);
                    if (rs.getString(1) != null) {
                        outcomes.add(new OutcomeCount(OutcomeKind.valueOf(rs.getString(1)), rs.getInt(2)));
                    }
                }
            }
        }
        try (var ps = c.prepareStatement("select rejection_code, count(*)" + where
                + " and rejection_code is not null group by rejection_code order by rejection_code")) {
            bind(ps, workspaceId, backtestId, side);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    reasons.add(new ReasonCount(rs.getString(1), rs.getInt(2)));
                }
            }
        }
        outcomes.sort(java.util.Comparator.comparing(OutcomeCount::outcome)); // WON, LOST, STALLED, REJECTED, OPEN
        return new Summary(total, outcomes, reasons);
    }

    private static void bind(java.sql.PreparedStatement ps, String workspaceId, UUID backtestId, ChangedSide side) throws SQLException {
        ps.setString(1, workspaceId);
        ps.setObject(2, backtestId);
        ps.setString(3, side.name());
    }
}
