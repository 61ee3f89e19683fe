package io.leadproof.scoring;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadproof.scoring.engine.Score;

/** Set-based writes of scores, the append-only ledger and once-only MQL crossings. */
final class ScoreWrites {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Result(List<UUID> newlyCrossed, List<UUID> qualified, List<UUID> knockedOut) {
    }

    private ScoreWrites() {
    }

    static Result write(Connection c, String workspace, UUID versionId, Map<UUID, Score> scores, ScoreCause cause, Instant asOf)
            throws SQLException {
        Map<UUID, Integer> previous = new HashMap<>();
        scores = withoutStale(previousTotals(c, workspace, versionId, scores.keySet()), scores, previous, asOf);
        var qualified = new ArrayList<UUID>();
        var knockedOut = new ArrayList<UUID>();
        var contributions = new HashMap<UUID, String>();
        try (var upsert = c.prepareStatement("insert into lead_score (workspace_id, lead_id, version_id, total, fit, engagement,"
                + " qualified, knocked_out_by, contributions, as_of) values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)"
                + " on conflict (workspace_id, version_id, lead_id) do update set total = excluded.total, fit = excluded.fit,"
                + " engagement = excluded.engagement, qualified = excluded.qualified, knocked_out_by = excluded.knocked_out_by,"
                + " contributions = excluded.contributions, as_of = excluded.as_of where lead_score.as_of <= excluded.as_of");
                var ledger = c.prepareStatement("insert into score_event (workspace_id, lead_id, version_id, old_total, new_total,"
                        + " qualified, cause, as_of) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            Timestamp at = Timestamp.from(asOf);
            for (var e : scores.entrySet()) {
                Score s = e.getValue();
                String json = json(s);
                contributions.put(e.getKey(), json);
                upsert.setString(1, workspace);
                upsert.setObject(2, e.getKey());
                upsert.setObject(3, versionId);
                upsert.setInt(4, s.total());
                upsert.setInt(5, s.fit());
                upsert.setInt(6, s.engagement());
                upsert.setBoolean(7, s.qualified());
                upsert.setArray(8, c.createArrayOf("text", s.knockedOutBy().toArray()));
                upsert.setString(9, json);
                upsert.setTimestamp(10, at);
                upsert.addBatch();
                Integer old = previous.get(e.getKey());
                if (old == null || old != s.total()) {
                    ledger.setString(1, workspace);
                    ledger.setObject(2, e.getKey());
                    ledger.setObject(3, versionId);
                    ledger.setObject(4, old);
                    ledger.setInt(5, s.total());
                    ledger.setBoolean(6, s.qualified());
                    ledger.setString(7, cause.name());
                    ledger.setTimestamp(8, at);
                    ledger.addBatch();
                }
                if (s.qualified()) {
                    qualified.add(e.getKey());
                }
                if (!s.knockedOutBy().isEmpty()) {
                    knockedOut.add(e.getKey());
                }
            }
            upsert.executeBatch();
            ledger.executeBatch();
        }
        return new Result(recordCrossings(c, workspace, versionId, qualified, scores, contributions, asOf), qualified, knockedOut);
    }

    private record Stored(int total, Instant asOf) {
    }

    /** A score computed as of an earlier instant than the stored one (a rescore racing live updates) is dropped. */
    private static Map<UUID, Score> withoutStale(Map<UUID, Stored> stored, Map<UUID, Score> scores, Map<UUID, Integer> previous, Instant asOf) {
        Map<UUID, Score> fresh = new HashMap<>(scores.size() * 2);
        scores.forEach((id, score) -> {
            Stored s = stored.get(id);
            if (s == null || !s.asOf().isAfter(asOf)) {
                fresh.put(id, score);
                if (s != null) {
                    previous.put(id, s.total());
                }
            }
        });
        return fresh;
    }

    private static Map<UUID, Stored> previousTotals(Connection c, String workspace, UUID versionId, java.util.Set<UUID> ids)
            throws SQLException {
        Map<UUID, Stored> result = new HashMap<>();
        try (var ps = c.prepareStatement("select lead_id, total, as_of from lead_score where workspace_id = ? and version_id = ? and lead_id = any(?)")) {
            ps.setString(1, workspace);
            ps.setObject(2, versionId);
            ps.setArray(3, c.createArrayOf("uuid", ids.toArray()));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getObject(1, UUID.class), new Stored(rs.getInt(2), rs.getTimestamp(3).toInstant()));
                }
            }
        }
        return result;
    }

    private static List<UUID> recordCrossings(Connection c, String workspace, UUID versionId, List<UUID> qualified,
            Map<UUID, Score> scores, Map<UUID, String> contributions, Instant asOf) throws SQLException {
        var crossed = new ArrayList<UUID>();
        if (qualified.isEmpty()) {
            return crossed;
        }
        try (var ps = c.prepareStatement("insert into mql_crossing (workspace_id, lead_id, version_id, crossed_at, total, contributions)"
                + " select ?, t.lead_id, ?, ?, t.total, t.contributions::jsonb from unnest(?::uuid[], ?::int[], ?::text[]) as t(lead_id, total, contributions)"
                + " on conflict do nothing returning lead_id")) {
            ps.setString(1, workspace);
            ps.setObject(2, versionId);
            ps.setTimestamp(3, Timestamp.from(asOf));
            ps.setArray(4, c.createArrayOf("uuid", qualified.toArray()));
            ps.setArray(5, c.createArrayOf("integer", qualified.stream().map(id -> scores.get(id).total()).toArray()));
            ps.setArray(6, c.createArrayOf("text", qualified.stream().map(contributions::get).toArray()));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    crossed.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return crossed;
    }

    private static String json(Score s) {
        try {
            return JSON.writeValueAsString(s.contributions());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
