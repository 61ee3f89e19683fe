package io.leadproof.lead;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import io.leadproof.common.Cursors;
import io.leadproof.common.Json;

/**
 * The general path's reads of activities in plain JDBC on a connection it is given — the request's read transaction
 * ({@code RequestReads}) — instead of the entity manager, which took a second pooled connection while the request's
 * read transaction held one (16 concurrent lead details starved the pool: docs/benchmarks.md, "rp-shapes").
 */
final class ActivityRows {

    private static final TypeReference<Map<String, String>> PROPERTIES = new TypeReference<>() {
    };

    private ActivityRows() {
    }

    /** Newest activities of each lead, at most {@code first + 1} per lead, in one statement. */
    static Map<UUID, List<Activity>> newestPerLead(Connection c, String ws, Collection<UUID> leadIds, int first,
            Cursors.Position after) throws SQLException {
        Map<UUID, List<Activity>> result = new HashMap<>();
        String keyset = after == null ? "" : " and (a.occurred_at, a.id) < (cast(? as timestamptz), ?)";
        try (var ps = c.prepareStatement(
                "select id, lead_id, client_event_id, type, funnel_stage, content_tag, occurred_at, properties::text, recorded_at"
                        + " from (select a.*, row_number() over (partition by a.lead_id order by a.occurred_at desc, a.id desc) as rn"
                        + " from activity a where a.workspace_id = ? and a.lead_id = any(?)" + keyset
                        + ") ranked where rn <= ? order by lead_id, occurred_at desc, id desc")) {
            int i = 1;
            ps.setString(i++, ws);
            ps.setArray(i++, c.createArrayOf("uuid", leadIds.stream().distinct().toArray()));
            if (after != null) {
                ps.setString(i++, after.key());
                ps.setObject(i++, after.id());
            }
            ps.setInt(i, first + 1);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    Activity a = activity(rs);
                    result.computeIfAbsent(a.leadId(), k -> new ArrayList<>()).add(a);
                }
            }
        }
        return result;
    }

    /** How many activities each lead has on all pages (leads without any are absent). */
    static Map<UUID, Long> counts(Connection c, String ws, Collection<UUID> leadIds) throws SQLException {
        Map<UUID, Long> counts = new HashMap<>();
        try (var ps = c.prepareStatement(
                "select lead_id, count(*) from activity where workspace_id = ? and lead_id = any(?) group by lead_id")) {
            ps.setString(1, ws);
            ps.setArray(2, c.createArrayOf("uuid", leadIds.stream().distinct().toArray()));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getObject(1, UUID.class), rs.getLong(2));
                }
            }
        }
        return counts;
    }

    private static Activity activity(ResultSet rs) throws SQLException {
        String funnelStage = rs.getString("funnel_stage");
        return Activity.stored(rs.getObject("id", UUID.class), rs.getObject("lead_id", UUID.class), rs.getString("client_event_id"),
                ActivityType.valueOf(rs.getString("type")), funnelStage == null ? null : FunnelStage.valueOf(funnelStage),
                rs.getString("content_tag"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                properties(rs.getString("properties")), rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
    }

    private static Map<String, String> properties(String json) throws SQLException {
        if (json == null) {
            return new HashMap<>();
        }
        try {
            return Json.MAPPER.readValue(json, PROPERTIES);
        } catch (JsonProcessingException e) {
            throw new SQLException("activity.properties is not a JSON object of texts", e);
        }
    }
}
