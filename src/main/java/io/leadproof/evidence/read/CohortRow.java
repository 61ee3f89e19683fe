package io.leadproof.evidence.read;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.leadproof.evidence.core.FirstCallSignal;
import io.leadproof.evidence.core.Outcome;
import io.leadproof.evidence.core.OutcomeKind;
import io.leadproof.feedback.RejectionCategory;
import io.leadproof.lead.LeadSource;
import io.leadproof.scoring.engine.LeadSnapshot;

/** One row of a {@link CohortSql} statement, read once; its parts become the records of the evidence cores. */
record CohortRow(UUID leadId, Instant createdAt, Instant moment, UUID handoffId, Facts facts, String owner,
        String campaign, LeadSource channel, LeadSnapshot traits, ResultSet activityColumns, List<String> ruleKeys,
        List<String> ruleLabels, List<FirstCallSignal> signals) {

    /**
     * The handoff's own timestamps and reason as stored (later than asOf included), and its outcome as of asOf as
     * {@code evidence_outcome} judged it in the statement: the outcome is data here, never worked out in Java.
     */
    record Facts(Instant createdAt, Instant acceptedAt, Instant opportunityAt, Instant rejectedAt, String rejectionCode,
            RejectionCategory rejectionCategory, boolean imported, Outcome outcome) {
    }

    static final int TRAITS = 18;
    static final int ACTIVITIES = 34;
    /** The data-quality verdict as of the moment, after the outcome's columns. */
    static final int VERDICT = 46;

    /** Reads the current row; {@code activityColumns} stays the live result set, read by the caller right away. */
    static CohortRow read(ResultSet rs) throws SQLException {
        UUID handoff = rs.getObject(4, UUID.class);
        Facts facts = null;
        if (handoff != null) {
            String category = rs.getString(12);
            facts = new Facts(instant(rs, 5), instant(rs, 6), instant(rs, 7), instant(rs, 10), rs.getString(11),
                    category == null ? null : RejectionCategory.valueOf(category), rs.getBoolean(14), outcome(rs));
        }
        String channel = rs.getString(17);
        return new CohortRow(rs.getObject(1, UUID.class), instant(rs, 2), instant(rs, 3), handoff, facts, rs.getString(13),
                rs.getString(16), channel == null ? null : LeadSource.valueOf(channel), TraitColumns.snapshot(rs, TRAITS, instant(rs, 2), rs.getString(VERDICT)),
                rs, strings(rs.getArray(39)), strings(rs.getArray(40)), signals(rs.getArray(41), rs.getArray(42)));
    }

    /** The handoff's outcome as of asOf, null for a lead never handed off. */
    Outcome outcome() {
        return facts == null ? null : facts.outcome();
    }

    /** Columns 15 (kind), 43 (since), 44 and 45 (reason code and category of a REJECTED outcome). */
    private static Outcome outcome(ResultSet rs) throws SQLException {
        OutcomeKind kind = OutcomeKind.valueOf(rs.getString(15));
        String category = rs.getString(45);
        return new Outcome(kind, rs.getString(44), category == null ? null : RejectionCategory.valueOf(category), instant(rs, 43));
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static List<Instant> instants(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Timestamp[] values = (Timestamp[]) array.getArray();
        List<Instant> out = new ArrayList<>(values.length);
        for (Timestamp t : values) {
            out.add(t == null ? null : t.toInstant());
        }
        return out;
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : java.util.Arrays.asList((String[]) array.getArray());
    }

    private static List<FirstCallSignal> signals(Array codes, Array times) throws SQLException {
        List<String> c = strings(codes);
        List<Instant> t = instants(times);
        List<FirstCallSignal> out = new ArrayList<>(c.size());
        for (int i = 0; i < c.size(); i++) {
            out.add(new FirstCallSignal(c.get(i), t.get(i)));
        }
        return out;
    }
}
