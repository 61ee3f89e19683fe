package io.leadproof.scoring;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Lifecycle consequences of scores under the handoff model's active version. A NEW lead that
 * qualifies becomes MQL; a RECYCLED one only under a newer version than its last handoff, or after
 * engagement since it was recycled. A knock-out disqualifies a lead that sales has not taken.
 * Sales-owned stages are never changed by scoring; the version column is bumped so a concurrent
 * entity update fails instead of overwriting the stage.
 */
final class LifecycleMoves {

    private LifecycleMoves() {
    }

    static List<UUID> qualify(Connection c, String workspace, List<UUID> ids, UUID versionId, Instant now) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        try (var ps = c.prepareStatement("update lead l set lifecycle_stage = 'MQL', updated_at = ?, version = l.version + 1,"
                + " first_mql_at = coalesce(l.first_mql_at, ?), first_mql_version_id = coalesce(l.first_mql_version_id, ?)"
                + " where l.workspace_id = ? and l.id = any(?) and (l.lifecycle_stage = 'NEW' or (l.lifecycle_stage = 'RECYCLED'"
                + "   and (l.last_handoff_version_id is distinct from ? or exists (select 1 from activity a"
                + "        where a.workspace_id = l.workspace_id and a.lead_id = l.id and a.occurred_at > l.recycled_at))))"
                + " returning l.id")) {
            Timestamp at = Timestamp.from(now);
            ps.setTimestamp(1, at);
            ps.setTimestamp(2, at);
            ps.setObject(3, versionId);
            ps.setString(4, workspace);
            ps.setArray(5, c.createArrayOf("uuid", ids.toArray()));
            ps.setObject(6, versionId);
            return ids(ps.executeQuery());
        }
    }

    static List<UUID> disqualify(Connection c, String workspace, List<UUID> ids, Instant now) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        try (var ps = c.prepareStatement("update lead set lifecycle_stage = 'DISQUALIFIED', updated_at = ?, version = version + 1"
                + " where workspace_id = ? and id = any(?) and lifecycle_stage in ('NEW', 'MQL', 'RECYCLED') returning id")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, workspace);
            ps.setArray(3, c.createArrayOf("uuid", ids.toArray()));
            return ids(ps.executeQuery());
        }
    }

    private static List<UUID> ids(java.sql.ResultSet rs) throws SQLException {
        var moved = new ArrayList<UUID>();
        try (rs) {
            while (rs.next()) {
                moved.add(rs.getObject(1, UUID.class));
            }
        }
        return moved;
    }
}
