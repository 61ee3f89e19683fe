package io.leadproof.scoring;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Lifecycle consequences of scores under the handoff model's active version: a NEW lead that
 * qualifies becomes MQL; a knock-out disqualifies a lead that sales has not taken yet. Sales-owned
 * stages are never changed by scoring. The version column is bumped so concurrent entity updates fail.
 */
final class LifecycleMoves {

    private LifecycleMoves() {
    }

    static List<UUID> qualify(Connection c, String workspace, List<UUID> ids, Instant now) throws SQLException {
        return move(c, workspace, ids, "MQL", "'NEW'", now);
    }

    static List<UUID> disqualify(Connection c, String workspace, List<UUID> ids, Instant now) throws SQLException {
        return move(c, workspace, ids, "DISQUALIFIED", "'NEW', 'MQL', 'RECYCLED'", now);
    }

    private static List<UUID> move(Connection c, String workspace, List<UUID> ids, String to, String from, Instant now)
            throws SQLException {
        var moved = new ArrayList<UUID>();
        if (ids.isEmpty()) {
            return moved;
        }
        try (var ps = c.prepareStatement("update lead set lifecycle_stage = ?, updated_at = ?, version = version + 1"
                + " where workspace_id = ? and id = any(?) and lifecycle_stage in (" + from + ") returning id")) {
            ps.setString(1, to);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setString(3, workspace);
            ps.setArray(4, c.createArrayOf("uuid", ids.toArray()));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    moved.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return moved;
    }
}
