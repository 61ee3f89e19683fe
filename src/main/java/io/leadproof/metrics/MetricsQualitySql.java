package io.leadproof.metrics;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code MetricsBundle.quality}: one statement per bundle over the cohort's facts ({@code metrics_lead}: the leads
 * created in the window, merged-away leads left out, erased ones kept — the cohort of the funnel counts), their stored
 * verdicts ({@code lead_quality}) and their activities (index-only on {@code activity_by_lead}, which covers the bot flag).
 */
final class MetricsQualitySql {

    private static final String SQL = "select count(*), count(*) filter (where q.status = 'INVALID'),"
            + " count(*) filter (where q.status = 'SUSPECT'), count(*) filter (where q.codes @> array['DUPLICATE']),"
            + " coalesce(sum(a.n), 0), coalesce(sum(a.bots), 0)"
            + " from metrics_lead m"
            + " left join lead_quality q on q.workspace_id = m.workspace_id and q.lead_id = m.lead_id"
            + " left join lateral (select count(*) as n, count(x.bot_reason) as bots from activity x"
            + "                     where x.workspace_id = m.workspace_id and x.lead_id = m.lead_id) a on true"
            + " where m.workspace_id = ? and m.created_at >= ? and m.created_at < ?";
    private static final String OWNED = " and exists (select from handoff h where h.workspace_id = m.workspace_id"
            + " and h.lead_id = m.lead_id and h.owner is not distinct from ?)";

    private MetricsQualitySql() {
    }

    static MetricsQuality read(Connection c, MetricsScope s) throws SQLException {
        var sql = new StringBuilder(SQL);
        var params = new ArrayList<Object>(List.of(s.workspace(), Timestamp.from(s.start()), Timestamp.from(s.end())));
        var f = s.filter();
        if (!f.campaigns().isEmpty()) {
            sql.append(" and m.campaign_id = any(?)");
            params.add(c.createArrayOf("uuid", f.campaigns().toArray()));
        }
        if (!f.sources().isEmpty()) {
            sql.append(" and m.source = any(?)");
            params.add(c.createArrayOf("text", f.sources().toArray()));
        }
        if (!f.versions().isEmpty()) {
            sql.append(" and m.version_id = any(?)");
            params.add(c.createArrayOf("uuid", f.versions().toArray()));
        }
        if (f.owner() != null) {
            sql.append(OWNED);
            params.add(f.owner());
        }
        switch (s.by()) {
            case CAMPAIGN -> sql.append(" and m.campaign_id is not distinct from ?::uuid");
            case SOURCE -> sql.append(" and m.source is not distinct from ?");
            case CRITERIA_VERSION -> sql.append(" and m.version_id is not distinct from ?::uuid");
            case OWNER -> sql.append(OWNED);
            case CUSTOM_ATTRIBUTE -> {
                sql.append(" and (select " + s.attribute().group() + " from (select m.workspace_id, m.lead_id) x0"
                        + s.attribute().join("x0") + ") is not distinct from ?");
                params.add(s.attribute().key());
            }
            case NONE -> {
            }
        }
        if (s.by() != MetricsQuery.Key.NONE) {
            params.add(s.key());
        }
        try (var ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (var rs = ps.executeQuery()) {
                rs.next();
                return MetricsQuality.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6));
            }
        }
    }
}
