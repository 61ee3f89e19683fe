package io.leadproof.metrics;

import java.sql.Connection;
import java.sql.SQLException;

import io.leadproof.common.ApiException;

/**
 * Refuses a custom-attribute breakdown before its statement runs (docs/metrics.md, "Breakdown by a custom attribute"):
 * a key no lead of the workspace has, a type none of the cohort's values has, or more groups than
 * {@link MetricsAttribute#MAX_GROUPS}. Reads the same cohort and facts as the statement.
 */
final class MetricsAttributeCheck {

    private MetricsAttributeCheck() {
    }

    static void check(Connection c, MetricsQuery q) throws SQLException {
        var a = q.attribute();
        var p = q.periods();
        boolean owners = q.ownerUnits();
        var sql = new SqlText(c).add("select count(distinct k), count(v), count(*) filter (where k = '" + MetricsAttribute.NOT_OF_TYPE
                + "') from (select " + a.group() + " as k, av.v from " + (owners ? "metrics_owner_unit" : "metrics_lead") + " m");
        sql.add(a.join("m"), a.key());
        String created = owners ? "m.lead_created_at" : "m.created_at";
        sql.add(" where m.workspace_id = ? and " + created + " >= ? and " + created + " < ?", q.workspace(),
                MetricsSql.at(p.getFirst().start()), MetricsSql.at(p.getLast().end()));
        MetricsSql.filters(sql, q, "m");
        sql.add(") x");
        long groups, values, notOfType;
        try (var ps = c.prepareStatement(sql.text())) {
            for (int i = 0; i < sql.params().size(); i++) {
                ps.setObject(i + 1, sql.params().get(i));
            }
            try (var rs = ps.executeQuery()) {
                rs.next();
                groups = rs.getLong(1);
                values = rs.getLong(2);
                notOfType = rs.getLong(3);
            }
        }
        if (values == 0 && !known(c, q)) {
            throw ApiException.invalid("UNKNOWN_ATTRIBUTE", "no lead of this workspace has the custom attribute '" + a.key() + "'");
        }
        if (values > 0 && notOfType == values) {
            throw ApiException.invalid("WRONG_TYPE", "none of the " + values + " values of custom attribute '" + a.key()
                    + "' in this cohort is a " + a.type() + " value; break it down as TEXT or with the type its values have");
        }
        if (groups > MetricsAttribute.MAX_GROUPS) {
            throw ApiException.limit("TOO_MANY_GROUPS", "custom attribute '" + a.key() + "' has " + groups + " distinct values in this "
                    + "cohort, more than " + MetricsAttribute.MAX_GROUPS + "; narrow the window or the filter, or use bins (binWidth, dateBin)");
        }
    }

    private static boolean known(Connection c, MetricsQuery q) throws SQLException {
        try (var ps = c.prepareStatement("select exists (select from lead where workspace_id = ? and custom_attributes -> ? is not null)")) {
            ps.setString(1, q.workspace());
            ps.setString(2, q.attribute().key());
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
