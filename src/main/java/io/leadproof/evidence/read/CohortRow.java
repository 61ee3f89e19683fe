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
import io.leadproof.evidence.core.HandoffFacts;
import io.leadproof.feedback.RejectionCategory;
import io.leadproof.lead.LeadSource;
import io.leadproof.scoring.engine.LeadSnapshot;

/** One row of a {@link CohortSql} statement, read once; its parts become the records of the evidence cores. */
record CohortRow(UUID leadId, Instant createdAt, Instant moment, UUID handoffId, HandoffFacts facts, String owner,
        String campaign, LeadSource channel, LeadSnapshot traits, ResultSet activityColumns, List<String> ruleKeys,
        List<String> ruleLabels, List<FirstCallSignal> signals) {

    static final int TRAITS = 18;
    static final int ACTIVITIES = 34;

    /** Reads the current row; {@code activityColumns} stays the live result set, read by the caller right away. */
    static CohortRow read(ResultSet rs) throws SQLException {
        UUID handoff = rs.getObject(4, UUID.class);
        HandoffFacts facts = null;
        if (handoff != null) {
            String code = rs.getString(11);
            String category = rs.getString(12);
            facts = new HandoffFacts(instant(rs, 5), instant(rs, 6), instant(rs, 7), instant(rs, 8), instant(rs, 9),
                    instant(rs, 10), code, category == null ? null : RejectionCategory.valueOf(category), List.of(),
                    instants(rs.getArray(15)), rs.getBoolean(14));
        }
        String channel = rs.getString(17);
        return new CohortRow(rs.getObject(1, UUID.class), instant(rs, 2), instant(rs, 3), handoff, facts, rs.getString(13),
                rs.getString(16), channel == null ? null : LeadSource.valueOf(channel), TraitColumns.snapshot(rs, TRAITS, instant(rs, 2)),
                rs, strings(rs.getArray(39)), strings(rs.getArray(40)), signals(rs.getArray(41), rs.getArray(42)));
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
