package io.leadproof.scoring;

import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadproof.common.Cursors;
import io.leadproof.common.NodeId;
import io.leadproof.scoring.ScoringTypes.ContributionView;
import io.leadproof.scoring.ScoringTypes.CrossingView;
import io.leadproof.scoring.ScoringTypes.ScoreChangeView;
import io.leadproof.scoring.ScoringTypes.ScoreView;

/** Batched reads of scores, ledger entries and crossings for many leads at once. */
final class ScoreReads {

    private static final ObjectMapper JSON = io.leadproof.common.Json.MAPPER;
    private static final TypeReference<List<ContributionView>> CONTRIBUTIONS = new TypeReference<>() {
    };

    record Change(UUID leadId, long id, ScoreChangeView view) {
    }

    private ScoreReads() {
    }

    /** Scores under the served version of the given model, or of the model that drives handoffs when null. */
    static Map<UUID, ScoreView> served(Connection c, String ws, Collection<UUID> leads, UUID modelId) throws SQLException {
        Map<UUID, ScoreView> result = new HashMap<>();
        try (var ps = c.prepareStatement("select s.lead_id, s.total, s.fit, s.engagement, s.qualified, s.knocked_out_by,"
                + " s.contributions::text, s.version_id, s.as_of from lead_score s"
                + " where s.workspace_id = ? and s.lead_id = any(?) and s.version_id = (select v from served_version(?, ?) v)")) { // R__api_read_json.sql
            ps.setString(1, ws);
            ps.setArray(2, c.createArrayOf("uuid", leads.toArray()));
            ps.setString(3, ws);
            ps.setObject(4, modelId, Types.OTHER);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getObject(1, UUID.class), new ScoreView(
                            NodeId.of("LeadScore", rs.getObject(1, UUID.class), rs.getObject(8, UUID.class)), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                            rs.getBoolean(5), strings(rs.getArray(6)), contributions(rs.getString(7)),
                            NodeId.of("CriteriaVersion", rs.getObject(8, UUID.class)), utc(rs, 9)));
                }
            }
        }
        return result;
    }

    /** The lead's score under one version (a LeadScore fetched by its global id), or null. */
    static ScoreView one(Connection c, String ws, UUID lead, UUID version) throws SQLException {
        try (var ps = c.prepareStatement("select s.lead_id, s.total, s.fit, s.engagement, s.qualified, s.knocked_out_by,"
                + " s.contributions::text, s.version_id, s.as_of from lead_score s"
                + " where s.workspace_id = ? and s.version_id = ? and s.lead_id = ?")) {
            ps.setString(1, ws);
            ps.setObject(2, version);
            ps.setObject(3, lead);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? new ScoreView(NodeId.of("LeadScore", lead, version), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        rs.getBoolean(5), strings(rs.getArray(6)), contributions(rs.getString(7)),
                        NodeId.of("CriteriaVersion", version), utc(rs, 9)) : null;
            }
        }
    }

    static Map<UUID, Integer> historyCounts(Connection c, String ws, Collection<UUID> leads) throws SQLException {
        Map<UUID, Integer> result = new HashMap<>();
        try (var ps = c.prepareStatement("select lead_id, count(*) from score_event where workspace_id = ? and lead_id = any(?) group by lead_id")) {
            ps.setString(1, ws);
            ps.setArray(2, c.createArrayOf("uuid", leads.toArray()));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getObject(1, UUID.class), Math.toIntExact(rs.getLong(2)));
                }
            }
        }
        return result;
    }

    static Map<UUID, List<Change>> history(Connection c, String ws, Collection<UUID> leads, int first, Cursors.Position after)
            throws SQLException {
        Map<UUID, List<Change>> result = new HashMap<>();
        String keyset = after == null ? "" : " and e.id < ?";
        try (var ps = c.prepareStatement("select * from (select e.lead_id, e.id, e.version_id, e.old_total, e.new_total, e.qualified,"
                + " e.cause, e.as_of, e.recorded_at, row_number() over (partition by e.lead_id order by e.id desc) as rn"
                + " from score_event e where e.workspace_id = ? and e.lead_id = any(?)" + keyset + ") ranked where rn <= ?")) {
            int i = 1;
            ps.setString(i++, ws);
            ps.setArray(i++, c.createArrayOf("uuid", leads.toArray()));
            if (after != null) {
                ps.setLong(i++, Long.parseLong(after.key()));
            }
            ps.setInt(i, first + 1);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    var view = new ScoreChangeView(NodeId.of("CriteriaVersion", rs.getObject(3, UUID.class)),
                            (Integer) rs.getObject(4), rs.getInt(5), rs.getBoolean(6), ScoreCause.valueOf(rs.getString(7)),
                            utc(rs, 8), utc(rs, 9));
                    UUID lead = rs.getObject(1, UUID.class);
                    result.computeIfAbsent(lead, k -> new ArrayList<>()).add(new Change(lead, rs.getLong(2), view));
                }
            }
        }
        return result;
    }

    static Map<UUID, List<CrossingView>> crossings(Connection c, String ws, Collection<UUID> leads) throws SQLException {
        Map<UUID, List<CrossingView>> result = new HashMap<>();
        try (var ps = c.prepareStatement("select lead_id, version_id, crossed_at, total, contributions::text from mql_crossing"
                + " where workspace_id = ? and lead_id = any(?) order by crossed_at")) {
            ps.setString(1, ws);
            ps.setArray(2, c.createArrayOf("uuid", leads.toArray()));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new CrossingView(
                            NodeId.of("CriteriaVersion", rs.getObject(2, UUID.class)), utc(rs, 3), rs.getInt(4),
                            contributions(rs.getString(5))));
                }
            }
        }
        return result;
    }

    static List<ContributionView> contributions(String json) {
        try {
            return JSON.readValue(json, CONTRIBUTIONS);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable contributions", e);
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static java.time.OffsetDateTime utc(ResultSet rs, int column) throws SQLException {
        return rs.getTimestamp(column).toInstant().atOffset(ZoneOffset.UTC);
    }
}
