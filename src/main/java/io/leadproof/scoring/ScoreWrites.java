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
        int n = scores.size();
        var ids = new UUID[n];
        var totals = new Integer[n];
        var fits = new Integer[n];
        var engagements = new Integer[n];
        var qualifies = new Boolean[n];
        var knockouts = new String[n];
        var jsons = new String[n];
        var changed = new ArrayList<Integer>();
        int i = 0;
        for (var e : scores.entrySet()) {
            Score s = e.getValue();
            ids[i] = e.getKey();
            totals[i] = s.total();
            fits[i] = s.fit();
            engagements[i] = s.engagement();
            qualifies[i] = s.qualified();
            // Rule keys are [a-z0-9_-]: an array literal needs no quoting.
            knockouts[i] = "{" + String.join(",", s.knockedOutBy()) + "}";
            jsons[i] = json(s);
            contributions.put(e.getKey(), jsons[i]);
            Integer old = previous.get(e.getKey());
            if (old == null || old != s.total()) {
                changed.add(i);
            }
            if (s.qualified()) {
                qualified.add(e.getKey());
            }
            if (!s.knockedOutBy().isEmpty()) {
                knockedOut.add(e.getKey());
            }
            i++;
        }
        if (n > 0) {
            upsertScores(c, workspace, versionId, asOf, ids, totals, fits, engagements, qualifies, knockouts, jsons);
        }
        if (!changed.isEmpty()) {
            appendLedger(c, workspace, versionId, cause, asOf, changed, ids, previous, totals, qualifies);
        }
        return new Result(recordCrossings(c, workspace, versionId, qualified, scores, contributions, asOf), qualified, knockedOut);
    }

    // One statement per batch (arrays unnested in the server) rather than one per lead: at a million leads the
    // per-statement cost, not the rows, was what the database spent its time on.
    private static void upsertScores(Connection c, String workspace, UUID versionId, Instant asOf, UUID[] ids, Integer[] totals,
            Integer[] fits, Integer[] engagements, Boolean[] qualifies, String[] knockouts, String[] jsons) throws SQLException {
        try (var upsert = c.prepareStatement("insert into lead_score (workspace_id, lead_id, version_id, total, fit, engagement,"
                + " qualified, knocked_out_by, contributions, as_of)"
                + " select ?, t.lead_id, ?, t.total, t.fit, t.engagement, t.qualified, t.knocked::text[], t.contributions::jsonb, ?"
                + " from unnest(?::uuid[], ?::int[], ?::int[], ?::int[], ?::boolean[], ?::text[], ?::text[])"
                + "   as t(lead_id, total, fit, engagement, qualified, knocked, contributions)"
                + " on conflict (workspace_id, version_id, lead_id) do update set total = excluded.total, fit = excluded.fit,"
                + " engagement = excluded.engagement, qualified = excluded.qualified, knocked_out_by = excluded.knocked_out_by,"
                + " contributions = excluded.contributions, as_of = excluded.as_of where lead_score.as_of <= excluded.as_of")) {
            upsert.setString(1, workspace);
            upsert.setObject(2, versionId);
            upsert.setTimestamp(3, Timestamp.from(asOf));
            upsert.setArray(4, c.createArrayOf("uuid", ids));
            upsert.setArray(5, c.createArrayOf("integer", totals));
            upsert.setArray(6, c.createArrayOf("integer", fits));
            upsert.setArray(7, c.createArrayOf("integer", engagements));
            upsert.setArray(8, c.createArrayOf("boolean", qualifies));
            upsert.setArray(9, c.createArrayOf("text", knockouts));
            upsert.setArray(10, c.createArrayOf("text", jsons));
            upsert.executeUpdate();
        }
    }

    private static void appendLedger(Connection c, String workspace, UUID versionId, ScoreCause cause, Instant asOf, List<Integer> changed,
            UUID[] ids, Map<UUID, Integer> previous, Integer[] totals, Boolean[] qualifies) throws SQLException {
        int m = changed.size();
        var leadIds = new UUID[m];
        var olds = new Integer[m];
        var news = new Integer[m];
        var quals = new Boolean[m];
        for (int k = 0; k < m; k++) {
            int at = changed.get(k);
            leadIds[k] = ids[at];
            olds[k] = previous.get(ids[at]);
            news[k] = totals[at];
            quals[k] = qualifies[at];
        }
        try (var ledger = c.prepareStatement("insert into score_event (workspace_id, lead_id, version_id, old_total, new_total,"
                + " qualified, cause, as_of) select ?, t.lead_id, ?, t.old_total, t.new_total, t.qualified, ?, ?"
                + " from unnest(?::uuid[], ?::int[], ?::int[], ?::boolean[]) with ordinality as t(lead_id, old_total, new_total, qualified, n)"
                + " order by t.n")) {
            ledger.setString(1, workspace);
            ledger.setObject(2, versionId);
            ledger.setString(3, cause.name());
            ledger.setTimestamp(4, Timestamp.from(asOf));
            ledger.setArray(5, c.createArrayOf("uuid", leadIds));
            ledger.setArray(6, c.createArrayOf("integer", olds));
            ledger.setArray(7, c.createArrayOf("integer", news));
            ledger.setArray(8, c.createArrayOf("boolean", quals));
            ledger.executeUpdate();
        }
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
        // A lookup per id by the whole primary key, whatever the statistics say: with an "= any(array)" condition a
        // planner that believed the version nearly empty (a first scoring, statistics not yet refreshed) read all of
        // the version's rows for every chunk, which made a rescore quadratic.
        try (var ps = c.prepareStatement("select s.lead_id, s.total, s.as_of from unnest(?::uuid[]) as t(lead_id)"
                + " cross join lateral (select lead_id, total, as_of from lead_score where workspace_id = ? and version_id = ?"
                + " and lead_id = t.lead_id) s")) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            ps.setString(2, workspace);
            ps.setObject(3, versionId);
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
