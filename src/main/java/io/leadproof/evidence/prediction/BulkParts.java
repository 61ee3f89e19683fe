package io.leadproof.evidence.prediction;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import io.leadproof.lead.LeadIdCuts;

/**
 * The parts of a bulk prediction (V90, prediction_bulk_part): the lead-id space cut into {@code count} ranges of
 * PostgreSQL's (unsigned) uuid order holding about as many leads each ({@link LeadIdCuts}), each with its persisted
 * cursor.
 */
final class BulkParts {

    /** One part's range and where it stands. */
    record Part(int index, UUID lower, UUID upper, UUID after, boolean done) {
    }

    private BulkParts() {
    }

    /** Plans the parts of a pass that has none yet (its first claim); a resumed pass keeps its own. */
    static void plan(Connection c, String ws, UUID modelId, int count) throws SQLException {
        try (var ps = c.prepareStatement("insert into prediction_bulk_part (workspace_id, model_id, part, lower_id, upper_id)"
                + " values (?, ?, ?, ?, ?) on conflict do nothing")) {
            var bounds = LeadIdCuts.lowerBounds(c, ws, count);
            for (int i = 0; i < count; i++) {
                ps.setString(1, ws);
                ps.setObject(2, modelId);
                ps.setInt(3, i);
                ps.setObject(4, bounds.get(i));
                ps.setObject(5, i == count - 1 ? null : bounds.get(i + 1));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The parts of the pass, in order. */
    static java.util.List<Integer> indexes(Connection c, String ws, UUID modelId) throws SQLException {
        try (var ps = c.prepareStatement("select part from prediction_bulk_part where workspace_id = ? and model_id = ? order by part")) {
            ps.setString(1, ws);
            ps.setObject(2, modelId);
            var result = new java.util.ArrayList<Integer>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getInt(1));
                }
            }
            return result;
        }
    }

    /** A part, locked for the caller's transaction; null when the pass has no such part. */
    static Part lock(Connection c, String ws, UUID modelId, int part) throws SQLException {
        try (var ps = c.prepareStatement("select lower_id, upper_id, after_id, done from prediction_bulk_part"
                + " where workspace_id = ? and model_id = ? and part = ? for update")) {
            ps.setString(1, ws);
            ps.setObject(2, modelId);
            ps.setInt(3, part);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? new Part(part, rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getBoolean(4)) : null;
            }
        }
    }

    static void advance(Connection c, String ws, UUID modelId, int part, UUID after, boolean done, int written) throws SQLException {
        try (var ps = c.prepareStatement("update prediction_bulk_part set after_id = ?, done = ?, written = written + ?"
                + " where workspace_id = ? and model_id = ? and part = ?")) {
            ps.setObject(1, after);
            ps.setBoolean(2, done);
            ps.setInt(3, written);
            ps.setString(4, ws);
            ps.setObject(5, modelId);
            ps.setInt(6, part);
            ps.executeUpdate();
        }
    }
}
