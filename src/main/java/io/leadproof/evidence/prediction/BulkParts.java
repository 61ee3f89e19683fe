package io.leadproof.evidence.prediction;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The parts of a bulk prediction (V90, prediction_bulk_part): the lead-id space cut into {@code count} equal ranges of
 * PostgreSQL's (unsigned) uuid order, each with its persisted cursor. Lead ids are random (v4 or md5), so the ranges
 * hold about the same number of leads.
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
            for (int i = 0; i < count; i++) {
                ps.setString(1, ws);
                ps.setObject(2, modelId);
                ps.setInt(3, i);
                ps.setObject(4, bound(i, count));
                ps.setObject(5, i == count - 1 ? null : bound(i + 1, count));
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

    /** The i-th of n equal cuts of the 128-bit id space, as a uuid (0 for i = 0). */
    static UUID bound(int i, int n) {
        BigInteger cut = BigInteger.ONE.shiftLeft(128).multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(n));
        BigInteger mask = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        return new UUID(cut.shiftRight(64).longValue(), cut.and(mask).longValue());
    }
}
