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

import io.leadproof.common.SqlArrays;
import io.leadproof.scoring.engine.Score;

/** Set-based writes of scores, the append-only ledger and once-only MQL crossings. */
final class ScoreWrites {

    private static final ObjectMapper JSON = io.leadproof.common.Json.MAPPER;

    record Result(List<UUID> newlyCrossed, List<UUID> qualified, List<UUID> knockedOut) {
    }

    private ScoreWrites() {
    }

    /**
     * Upserts the scores and appends a ledger entry for every total that changed. A score computed as of an earlier
     * instant than the stored one (a rescore racing live updates) is not written and has no consequences.
     */
    static Result write(Connection c, String workspace, UUID versionId, Map<UUID, Score> scores, ScoreCause cause, Instant asOf)
            throws SQLException {
        int n = scores.size();
        var ids = new UUID[n];
        var totals = new Integer[n];
        var fits = new Integer[n];
        var engagements = new Integer[n];
        var qualifies = new Boolean[n];
        var knockouts = new String[n];
        var jsons = new String[n];
        // leads scored alike (the same rules matched, with the same evidence) share one serialisation
        var serialised = new HashMap<List<io.leadproof.scoring.engine.Contribution>, String>();
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
            jsons[i] = serialised.computeIfAbsent(s.contributions(), ScoreWrites::json);
            i++;
        }
        Map<UUID, Integer> written = n == 0 ? Map.of()
                : upsertScores(c, workspace, versionId, cause, asOf, ids, totals, fits, engagements, qualifies, knockouts, jsons);
        var qualified = new ArrayList<UUID>();
        var knockedOut = new ArrayList<UUID>();
        var contributions = new HashMap<UUID, String>();
        for (int k = 0; k < n; k++) {
            if (!written.containsKey(ids[k])) {
                continue;
            }
            if (qualifies[k]) {
                qualified.add(ids[k]);
                contributions.put(ids[k], jsons[k]);
            }
            if (!knockouts[k].equals("{}")) {
                knockedOut.add(ids[k]);
            }
        }
        return new Result(recordCrossings(c, workspace, versionId, qualified, scores, contributions, asOf), qualified, knockedOut);
    }

    // One statement per batch (arrays unnested in the server) rather than one per lead: at a million leads the
    // per-statement cost, not the rows, was what the database spent its time on. The ledger entry of every total that
    // changed (a new row: previous_total null) is appended by the same statement: one round trip.
    // Returns the leads written, each with its total before (null for a new row); the conflict check finds the old rows
    // by primary key, so no plan depends on statistics.
    private static Map<UUID, Integer> upsertScores(Connection c, String workspace, UUID versionId, ScoreCause cause,
            Instant asOf, UUID[] ids, Integer[] totals, Integer[] fits, Integer[] engagements, Boolean[] qualifies,
            String[] knockouts, String[] jsons) throws SQLException {
        try (var upsert = c.prepareStatement("with s as (insert into lead_score (workspace_id, lead_id, version_id, total,"
                + " fit, engagement, qualified, knocked_out_by, contributions, as_of)"
                + " select ?, t.lead_id, ?, t.total, t.fit, t.engagement, t.qualified, t.knocked::text[], t.contributions::jsonb, ?"
                + " from unnest(?::uuid[], ?::int[], ?::int[], ?::int[], ?::boolean[], ?::text[], ?::text[])"
                + "   as t(lead_id, total, fit, engagement, qualified, knocked, contributions)"
                + " on conflict (workspace_id, version_id, lead_id) do update set previous_total = lead_score.total,"
                + " total = excluded.total, fit = excluded.fit,"
                + " engagement = excluded.engagement, qualified = excluded.qualified, knocked_out_by = excluded.knocked_out_by,"
                + " contributions = excluded.contributions, as_of = excluded.as_of where lead_score.as_of <= excluded.as_of"
                + " returning lead_id, previous_total, total, qualified),"
                // the entries follow the order the scores were written in (the input's order, a hash map's, means nothing)
                + " e as (insert into score_event (workspace_id, lead_id, version_id, old_total, new_total, qualified, cause, as_of)"
                + " select ?, s.lead_id, ?, s.previous_total, s.total, s.qualified, ?, ? from s"
                + " where s.previous_total is distinct from s.total)"
                + " select lead_id, previous_total from s")) {
            int i = 1;
            upsert.setString(i++, workspace);
            upsert.setObject(i++, versionId);
            upsert.setTimestamp(i++, Timestamp.from(asOf));
            SqlArrays.setText(upsert, i++, ids);
            SqlArrays.setText(upsert, i++, totals);
            SqlArrays.setText(upsert, i++, fits);
            SqlArrays.setText(upsert, i++, engagements);
            SqlArrays.setText(upsert, i++, qualifies);
            SqlArrays.setText(upsert, i++, knockouts);
            SqlArrays.setText(upsert, i++, jsons);
            upsert.setString(i++, workspace);
            upsert.setObject(i++, versionId);
            upsert.setString(i++, cause.name());
            upsert.setTimestamp(i, Timestamp.from(asOf));
            Map<UUID, Integer> written = new HashMap<>(ids.length * 2);
            try (var rs = upsert.executeQuery()) {
                while (rs.next()) {
                    written.put(rs.getObject(1, UUID.class), (Integer) rs.getObject(2));
                }
            }
            return written;
        }
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
            SqlArrays.setText(ps, 4, qualified.toArray());
            SqlArrays.setText(ps, 5, qualified.stream().map(id -> scores.get(id).total()).toArray());
            SqlArrays.setText(ps, 6, qualified.stream().map(contributions::get).toArray());
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    crossed.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return crossed;
    }

    /** One writer bound to the list type, built once (every score of every write is serialised with it). */
    private static final com.fasterxml.jackson.databind.ObjectWriter CONTRIBUTIONS = JSON
            .writerFor(new com.fasterxml.jackson.core.type.TypeReference<List<io.leadproof.scoring.engine.Contribution>>() {
            });

    private static String json(List<io.leadproof.scoring.engine.Contribution> contributions) {
        try {
            return CONTRIBUTIONS.writeValueAsString(contributions);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
