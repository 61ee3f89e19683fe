package io.leadproof.common;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * One page of a workspace's rows in id order within [lower, upper) (upper null: to the end) after a cursor (after null:
 * from lower), as the paged passes read leads (rescoring, bulk prediction): the one place their range is written and
 * bound. Plain range conditions only (no "? is null or ..."), so that the primary key index bounds the scan.
 */
public record IdRangePage(String workspace, UUID lower, UUID upper, UUID after, int size) {

    /** {@code selectFrom} (a select over one table, no parameters), the range, {@code conditions} (no parameters), the
     *  order and the limit. */
    public String query(String selectFrom, String conditions) {
        return selectFrom + " where workspace_id = ? and id " + (after == null ? ">= ?" : "> ?")
                + (upper == null ? "" : " and id < ?") + conditions + " order by id limit ?";
    }

    /** Binds the parameters of {@link #query} from index {@code first} on; returns the index after them. */
    public int bind(PreparedStatement ps, int first) throws SQLException {
        int i = first;
        ps.setString(i++, workspace);
        ps.setObject(i++, after == null ? lower : after);
        if (upper != null) {
            ps.setObject(i++, upper);
        }
        ps.setInt(i++, size);
        return i;
    }
}
