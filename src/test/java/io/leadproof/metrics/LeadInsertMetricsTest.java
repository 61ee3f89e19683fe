package io.leadproof.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.leadproof.support.OwnerSql;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Inserted leads take the INSERT trigger's own path (metrics_add_new_leads, R__metrics_maintenance.sql): their facts
 * and +1 rollup deltas without the general refresh's comparisons. The other metrics tests insert one lead a statement;
 * here one statement inserts many leads over several days, months, campaigns, sources, MQL versions and stages, and
 * one statement inserts leads together with their handoffs. Facts and rollups must equal what metrics_rebuild
 * computes from scratch.
 */
@QuarkusTest
class LeadInsertMetricsTest {

    static final String WS = "metrics-lead-insert";
    private static final String LEAD_COLUMNS = "workspace_id, id, seniority, budget_status, authority, need, timeline,"
            + " lifecycle_stage, source, campaign_id, first_mql_at, first_mql_version_id, created_at, updated_at";
    // 90 leads: every 4th without campaign, 5 sources (one null), created every 17 hours from late January (two months,
    // UTC day edges), every 3rd an MQL of one of two versions, every 5th DISQUALIFIED
    private static final String LEADS = "select ?, gen_random_uuid(), 'UNKNOWN', 'UNKNOWN', 'UNKNOWN', 'UNKNOWN', 'UNKNOWN',"
            + " case when i % 5 = 0 then 'DISQUALIFIED' else 'NEW' end,"
            + " (array['PAID_SEARCH', 'EMAIL', 'REFERRAL', 'ORGANIC', null])[1 + i % 5],"
            + " case when i % 4 = 0 then null else (array[?, ?, ?]::uuid[])[1 + i % 3] end,"
            + " case when i % 3 = 0 then timestamptz '2026-01-20T23:30:00Z' + i * interval '17 hours' + interval '1 hour' end,"
            + " case when i % 3 = 0 then (array[?, ?]::uuid[])[1 + i % 2] end,"
            + " timestamptz '2026-01-20T23:30:00Z' + i * interval '17 hours', timestamptz '2026-01-20T23:30:00Z' + i * interval '17 hours'"
            + " from generate_series(1, 90) i";

    @Inject
    AgroalDataSource ds;

    @Test
    void one_statement_of_many_leads_counts_each_lead_once_in_its_own_cohort() {
        var data = new MetricsData(ds, WS);
        data.workspace("EUR", 24);
        UUID[] campaigns = { data.campaign(UUID.randomUUID(), "A", "EMAIL"), data.campaign(UUID.randomUUID(), "B", "PAID_SEARCH"),
                data.campaign(UUID.randomUUID(), "C", "EVENT") };
        UUID v1 = UUID.randomUUID(), v2 = UUID.randomUUID();

        OwnerSql.exec("insert into lead (" + LEAD_COLUMNS + ") " + LEADS, WS, campaigns[0], campaigns[1], campaigns[2], v1, v2);
        MetricsInvariants.check(ds, WS);
        assertThat(OwnerSql.count("select sum(leads) from metrics_daily_total where workspace_id = ?", WS)).isEqualTo(90);
        assertThat(OwnerSql.count("select sum(leads) from metrics_monthly_total where workspace_id = ?", WS)).isEqualTo(90);
        assertThat(OwnerSql.count("select count(distinct day) from metrics_daily where workspace_id = ?", WS)).isGreaterThan(40);
        assertThat(OwnerSql.count("select sum(mqls) from metrics_daily where workspace_id = ?", WS)).isEqualTo(30);
        assertThat(OwnerSql.count("select sum(bad) from metrics_daily where workspace_id = ?", WS)).isEqualTo(18);
        assertEqualsRebuild();

        // leads and their handoffs in one statement: whichever statement trigger runs first, each lead counts once
        OwnerSql.exec("with l as (insert into lead (" + LEAD_COLUMNS + ") " + LEADS + " returning workspace_id, id, created_at)"
                + " insert into handoff (workspace_id, id, lead_id, state, owner, version_id, score_total, score_fit,"
                + " score_engagement, contributions, lead_snapshot, created_at, created_by, due_at)"
                + " select workspace_id, gen_random_uuid(), id, 'PENDING', 'rep-' || (abs(hashtext(id::text)) % 3), ?, 70, 0, 0,"
                + " '[]'::jsonb, '{}'::jsonb, created_at + interval '1 hour', 'test', created_at + interval '25 hours'"
                + " from l where abs(hashtext(id::text)) % 2 = 0",
                WS, campaigns[0], campaigns[1], campaigns[2], v1, v2, v1);
        MetricsInvariants.check(ds, WS);
        assertThat(OwnerSql.count("select sum(leads) from metrics_daily_total where workspace_id = ?", WS)).isEqualTo(180);
        assertThat(OwnerSql.count("select sum(handoffs) from metrics_daily_total where workspace_id = ?", WS))
                .isEqualTo(OwnerSql.count("select count(*) from handoff where workspace_id = ?", WS)).isPositive();
        assertEqualsRebuild();
    }

    private static void assertEqualsRebuild() {
        List<String> maintained = state();
        OwnerSql.exec("select metrics_rebuild(?)", WS);
        assertThat(state()).as("maintained = rebuilt from scratch").containsExactlyElementsOf(maintained);
    }

    /** Facts rows and every rollup's non-zero sums per key (pending rows included), as sorted text. */
    private static List<String> state() {
        String lead = "sum(leads), sum(mqls), sum(handoffs), sum(accepted), sum(rejected), sum(bad), sum(sqls), sum(won), sum(lost), sum(revenue)";
        String handoff = "sum(handoffs), sum(responded), sum(late), sum(won), sum(won_amount)";
        String dims = "campaign_id, source, version_id, reject_code, reject_category";
        String[][] rollups = { { "metrics_daily", "day, " + dims, lead }, { "metrics_daily_owner", "day, owner, " + dims, lead },
                { "metrics_daily_total", "day, reject_code, reject_category", lead },
                { "metrics_monthly_total", "day, reject_code, reject_category", lead },
                { "metrics_daily_handoff", "day, band5, bucket", handoff }, { "metrics_monthly_handoff", "day, band5, bucket", handoff } };
        var rows = new ArrayList<String>();
        for (String[] r : rollups) {
            rows.addAll(OwnerSql.strings("select format('%s %s', '" + r[0] + "', t) from (select " + r[1] + ", " + r[2] + " from "
                    + r[0] + " where workspace_id = ? group by " + r[1] + " having (" + r[2] + ") is distinct from (" + r[2].replaceAll(
                            "sum\\(\\w+\\)", "0") + ")) t order by 1", WS));
        }
        rows.addAll(OwnerSql.strings("select format('%s', m) from metrics_lead m where workspace_id = ? order by 1", WS));
        rows.addAll(OwnerSql.strings("select format('%s', m) from metrics_handoff m where workspace_id = ? order by 1", WS));
        return rows;
    }
}
