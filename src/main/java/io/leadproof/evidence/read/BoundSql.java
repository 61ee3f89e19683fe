package io.leadproof.evidence.read;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A statement written piece by piece with its parameters bound in the same order, and the cohort filter's clauses. */
abstract class BoundSql {

    final List<Binder> params = new ArrayList<>();
    final StringBuilder sql = new StringBuilder();

    interface Binder {
        void bind(PreparedStatement ps, int index) throws SQLException;
    }

    PreparedStatement prepareOn(Connection c) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            params.get(i).bind(ps, i + 1);
        }
        return ps;
    }

    /**
     * The filter's clauses, one home for both the records and the counts: campaign and source are the lead's as of
     * the moment (alias {@code t}), criteria version and owner the handoff's (alias {@code h}), lead ids of {@code l}.
     */
    void filter(CohortFilter f) {
        if (!f.leadIds().isEmpty()) {
            sql.append(" and l.id = any(?)");
            array("uuid", f.leadIds().toArray());
        }
        if (!f.campaignIds().isEmpty()) {
            sql.append(" and t.campaign_id = any(?)");
            array("uuid", f.campaignIds().toArray());
        }
        if (!f.sources().isEmpty()) {
            sql.append(" and t.source = any(?)");
            array("text", f.sources().stream().map(Enum::name).toArray());
        }
        if (!f.criteriaVersionIds().isEmpty()) {
            sql.append(" and h.version_id = any(?)");
            array("uuid", f.criteriaVersionIds().toArray());
        }
        if (!f.ownerIds().isEmpty()) {
            sql.append(" and h.owner = any(?)");
            array("text", f.ownerIds().toArray());
        }
    }

    /** The handoffs ({@code h}) whose lead hashes to the part: nothing for {@link CohortSql.Part#ALL}. */
    void part(CohortSql.Part part) {
        if (part.count() > 1) {
            sql.append(" and (hashtext(h.lead_id::text) & 2147483647) % ? = ?");
            params.add((ps, i) -> ps.setInt(i, part.count()));
            params.add((ps, i) -> ps.setInt(i, part.index()));
        }
    }

    void text(String value) {
        params.add((ps, i) -> ps.setString(i, value));
    }

    void time(Instant value) {
        params.add((ps, i) -> ps.setTimestamp(i, Timestamp.from(value)));
    }

    void array(String type, Object[] values) {
        params.add((ps, i) -> ps.setArray(i, ps.getConnection().createArrayOf(type, values)));
    }
}
