package io.leadproof.lead;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Where the paged passes over a workspace's leads (rescoring, bulk prediction) split the id space so that each part
 * holds about as many leads: at the quantiles of the ids stored now. Equal cuts of the 128-bit space only fit random
 * ids; new leads have time-ordered ones ({@link io.leadproof.common.TimeOrderedIds}), which all fall into one such cut.
 * Leads added after the split sort after every stored id (time-ordered), so they land in the last part, whose upper
 * bound is open.
 */
public final class LeadIdCuts {

    /** The lowest uuid in PostgreSQL's (unsigned) order: the lower bound of the first part. */
    public static final UUID LOWEST = new UUID(0, 0);

    private LeadIdCuts() {
    }

    /**
     * The lower bounds of {@code parts} parts, ascending, the first {@link #LOWEST}; part i ranges up to the lower
     * bound of part i + 1 (excluded), the last has none. Fewer distinct ids than parts leave some parts empty.
     */
    public static List<UUID> lowerBounds(Connection c, String workspace, int parts) throws SQLException {
        var bounds = new ArrayList<UUID>(parts);
        bounds.add(LOWEST);
        if (parts <= 1) {
            return bounds;
        }
        var fractions = new Double[parts - 1];
        for (int i = 1; i < parts; i++) {
            fractions[i - 1] = (double) i / parts;
        }
        try (var ps = c.prepareStatement("select percentile_disc(?::float8[]) within group (order by id) from lead"
                + " where workspace_id = ?")) {
            ps.setArray(1, c.createArrayOf("float8", fractions));
            ps.setString(2, workspace);
            try (var rs = ps.executeQuery()) {
                rs.next();
                var cuts = rs.getArray(1);
                if (cuts == null) { // no leads yet: any cut will do
                    for (int i = 1; i < parts; i++) {
                        bounds.add(LOWEST);
                    }
                    return bounds;
                }
                for (Object cut : (Object[]) cuts.getArray()) {
                    bounds.add((UUID) cut);
                }
            }
        }
        return bounds;
    }
}
