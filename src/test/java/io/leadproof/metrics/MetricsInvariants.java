package io.leadproof.metrics;

import static org.assertj.core.api.Assertions.assertThat;


import javax.sql.DataSource;

/** Internal invariants of the metrics tables (V4__metrics.sql), checked against the base tables. */
final class MetricsInvariants {

    private static final String SUMS = "sum(leads)::bigint, sum(mqls)::bigint, sum(handoffs)::bigint, sum(accepted)::bigint,"
            + " sum(rejected)::bigint, sum(bad)::bigint, sum(sqls)::bigint, sum(won)::bigint, sum(lost)::bigint, sum(revenue)";
    private static final String KEY = "day, campaign_id, source, version_id, reject_code, reject_category";

    private MetricsInvariants() {
    }

    /** Facts equal their definition over the base tables; rollups (pending rows included) equal the sums of the facts. */
    static void check(DataSource ds, String ws) {
        assertThat(differences(ds, ws, "select * from metrics_lead where workspace_id = ?", "select * from metrics_lead_src where workspace_id = ?"))
                .as("metrics_lead = metrics_lead_src").isZero();
        assertThat(differences(ds, ws, "select * from metrics_handoff where workspace_id = ?",
                "select * from metrics_handoff_src where workspace_id = ?")).as("metrics_handoff = metrics_handoff_src").isZero();
        String nonZero = " having sum(leads) <> 0 or sum(mqls) <> 0 or sum(handoffs) <> 0 or sum(accepted) <> 0 or sum(rejected) <> 0"
                + " or sum(bad) <> 0 or sum(sqls) <> 0 or sum(won) <> 0 or sum(lost) <> 0 or sum(revenue) <> 0";
        assertThat(differences(ds, ws, "select " + KEY + ", " + SUMS + " from metrics_daily where workspace_id = ? group by " + KEY + nonZero,
                "select " + KEY + ", " + SUMS.replace("sum(leads)", "count(*)") + " from metrics_lead where workspace_id = ? group by " + KEY))
                .as("metrics_daily = sums of metrics_lead").isZero();
        assertThat(differences(ds, ws, "select owner, " + KEY + ", " + SUMS + " from metrics_daily_owner where workspace_id = ? group by owner, "
                + KEY + nonZero, "select owner, " + KEY + ", " + SUMS.replace("sum(leads)", "count(*)")
                + " from metrics_owner_unit where workspace_id = ? group by owner, " + KEY))
                .as("metrics_daily_owner = sums of the lead-and-owner units").isZero();
        String total = "day, reject_code, reject_category";
        assertThat(differences(ds, ws, "select " + total + ", " + SUMS + " from metrics_daily_total where workspace_id = ? group by "
                + total + nonZero, "select " + total + ", " + SUMS.replace("sum(leads)", "count(*)")
                + " from metrics_lead where workspace_id = ? group by " + total)).as("metrics_daily_total = sums of metrics_lead").isZero();
        String hsums = "sum(handoffs)::bigint, sum(responded)::bigint, sum(late)::bigint, sum(won)::bigint, sum(won_amount)";
        String hNonZero = " having sum(handoffs) <> 0 or sum(responded) <> 0 or sum(late) <> 0 or sum(won) <> 0 or sum(won_amount) <> 0";
        assertThat(differences(ds, ws, "select day, band5, bucket, " + hsums + " from metrics_daily_handoff where workspace_id = ?"
                + " group by day, band5, bucket" + hNonZero,
                "select day, floor(score_total / 5.0)::int, null::smallint, count(*), count(responded_at), count(*) filter (where"
                + " responded_at > due_at), sum(won)::bigint, coalesce(sum(won_amount), 0) from metrics_handoff where workspace_id = ?"
                + " group by 1, 2 union all select day, null, response_bucket, count(*), count(*), 0, 0, 0 from metrics_handoff"
                + " where workspace_id = ? and response_bucket is not null group by 1, 3")).as("metrics_daily_handoff = sums of metrics_handoff").isZero();
        String month = "date_trunc('month', day)::date";
        assertThat(differences(ds, ws, "select day, reject_code, reject_category, " + SUMS + " from metrics_monthly_total where"
                + " workspace_id = ? group by 1, 2, 3" + nonZero, "select " + month + ", reject_code, reject_category, " + SUMS
                + " from metrics_daily_total where workspace_id = ? group by 1, 2, 3" + nonZero))
                .as("metrics_monthly_total = months of metrics_daily_total").isZero();
        assertThat(differences(ds, ws, "select day, band5, bucket, " + hsums + " from metrics_monthly_handoff where workspace_id = ?"
                + " group by 1, 2, 3" + hNonZero, "select " + month + ", band5, bucket, " + hsums + " from metrics_daily_handoff"
                + " where workspace_id = ? group by 1, 2, 3" + hNonZero)).as("metrics_monthly_handoff = months of metrics_daily_handoff").isZero();
    }

    static void compact(DataSource ds, String ws, int keys) {
        Db.in(ds, ws, c -> {
            try (var ps = c.prepareStatement("select metrics_compact(?, ?)")) {
                ps.setString(1, ws);
                ps.setInt(2, keys);
                ps.executeQuery().close();
            }
            return null;
        });
    }

    private static long differences(DataSource ds, String ws, String a, String b) {
        String x = "select * from (" + a + ") x", y = "select * from (" + b + ") y";
        String sql = "select count(*) from ((" + x + " except all " + y + ") union all (" + y + " except all " + x + ")) d";
        return Db.in(ds, ws, c -> {
            try (var ps = c.prepareStatement(sql)) {
                for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++) {
                    ps.setString(i, ws);
                }
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
