package io.leadproof.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.leadproof.support.OwnerSql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * During a rolling deploy the pods of the previous release still claim their jobs with the six per-kind functions that
 * claim_leased_job replaced (R__leased_job_claims.sql keeps them for one release). Called as the application role
 * calls them, with their old arguments, each still claims the oldest job of its kind, through the one rule: the job is
 * RUNNING under the old pod's lease, and the answer has the old function's columns.
 */
@QuarkusTest
@TestProfile(LeasedJobClaimsProfile.class)
class RollingDeployClaimsTest {

    static final String WS = "rolling-deploy-claims";
    static final String OLD_POD = "pod-of-the-previous-release";

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void nothingLeftForTheWorkers() {
        OwnerSql.exec("update scoring_job set state = 'FAILED' where workspace_id = ?", WS);
        OwnerSql.exec("update criteria_backtest set state = 'FAILED' where workspace_id = ?", WS);
        OwnerSql.exec("update signal_analysis_job set state = 'FAILED' where workspace_id = ?", WS);
        OwnerSql.exec("update import_job set state = 'FAILED' where workspace_id = ?", WS);
        OwnerSql.exec("update predictive_model set status = 'FAILED', bulk_state = case when bulk_state is null then null else 'STOPPED' end"
                + " where workspace_id = ?", WS);
    }

    @Test
    void each_old_claim_function_still_claims_its_kind_through_claim_leased_job() throws SQLException {
        OwnerSql.exec("insert into workspace (workspace_id, name) values (?, ?) on conflict do nothing", WS, WS);
        // planted as the oldest jobs of the database, so each claim takes the one planted here
        UUID rescoring = UUID.randomUUID();
        OwnerSql.exec("insert into scoring_job (workspace_id, id, model_id, version_id, state, as_of, created_at)"
                + " values (?, ?, ?, ?, 'QUEUED', now(), now() - interval '20 years')", WS, rescoring, UUID.randomUUID(), UUID.randomUUID());
        UUID backtest = UUID.randomUUID();
        OwnerSql.exec("insert into criteria_backtest (workspace_id, id, version_id, baseline_version_id, request, state, requested_by, created_at)"
                + " values (?, ?, ?, ?, '{}'::jsonb, 'QUEUED', 'ada', now() - interval '20 years')", WS, backtest, UUID.randomUUID(), UUID.randomUUID());
        UUID analysis = UUID.randomUUID();
        OwnerSql.exec("insert into signal_analysis_job (workspace_id, id, input, as_of, state, requested_by, created_at)"
                + " values (?, ?, '{}'::jsonb, now(), 'QUEUED', 'mia', now() - interval '20 years')", WS, analysis);
        UUID csv = UUID.randomUUID();
        OwnerSql.exec("insert into import_job (workspace_id, id, kind, state, dry_run, mapping_name, mapping, created_by, created_at)"
                + " values (?, ?, 'LEADS', 'QUEUED', false, 'm', '{}'::jsonb, 'rita', now() - interval '20 years')", WS, csv);
        UUID training = UUID.randomUUID();
        OwnerSql.exec("insert into predictive_model (workspace_id, id, version, status, trigger, created_at)"
                + " values (?, ?, 1, 'QUEUED', 'ON_DEMAND', now() - interval '20 years')", WS, training);
        UUID bulk = UUID.randomUUID();
        UUID lastPredicted = UUID.randomUUID();
        OwnerSql.exec("insert into predictive_model (workspace_id, id, version, status, trigger, bulk_state, bulk_after, created_at)"
                + " values (?, ?, 2, 'TRAINED', 'ON_DEMAND', 'PENDING', ?, now() - interval '20 years')", WS, bulk, lastPredicted);

        assertThat(claim("claim_scoring_job")).containsExactly("workspace_id", "job_id", "taken_from", "lease_ended_at", WS, rescoring.toString());
        assertThat(claim("claim_criteria_backtest")).containsExactly("workspace_id", "job_id", "taken_from", "lease_ended_at", WS, backtest.toString());
        assertThat(claim("claim_signal_analysis_job")).containsExactly("workspace_id", "job_id", "taken_from", "lease_ended_at", WS, analysis.toString());
        assertThat(claim("claim_import_job")).containsExactly("workspace_id", "job_id", "taken_from", WS, csv.toString());
        assertThat(claim("claim_predictive_training")).containsExactly("workspace_id", "model_id", "taken_from", WS, training.toString());
        assertThat(claim("claim_prediction_bulk")).as("the bulk pass resumes after its last lead")
                .containsExactly("workspace_id", "model_id", "after_lead", "taken_from", WS, bulk.toString(), lastPredicted.toString());

        String held = "state || '|' || lease_owner || '|' || (lease_expires_at > now() + interval '25 seconds')";
        assertThat(OwnerSql.strings("select " + held + " from scoring_job where workspace_id = ?", WS)).containsExactly("RUNNING|" + OLD_POD + "|true");
        assertThat(OwnerSql.strings("select " + held + " || '|' || attempts from criteria_backtest where workspace_id = ?", WS))
                .as("counted as the one rule counts a backtest's attempts").containsExactly("RUNNING|" + OLD_POD + "|true|1");
        assertThat(OwnerSql.strings("select " + held + " from signal_analysis_job where workspace_id = ?", WS)).containsExactly("RUNNING|" + OLD_POD + "|true");
        assertThat(OwnerSql.strings("select " + held + " from import_job where workspace_id = ?", WS)).containsExactly("RUNNING|" + OLD_POD + "|true");
        assertThat(OwnerSql.strings("select status || '|' || lease_owner from predictive_model where workspace_id = ? and id = ?", WS, training))
                .containsExactly("RUNNING|" + OLD_POD);
        assertThat(OwnerSql.strings("select bulk_state || '|' || bulk_lease_owner from predictive_model where workspace_id = ? and id = ?", WS, bulk))
                .containsExactly("RUNNING|" + OLD_POD);
    }

    /** The result columns of the old function as the application role calls it, then the workspace and id it claimed. */
    private List<String> claim(String function) throws SQLException {
        var answer = new ArrayList<String>();
        try (var c = dataSource.getConnection();
                var ps = c.prepareStatement("select * from " + function + "(?, interval '30 seconds')")) {
            ps.setString(1, OLD_POD);
            try (var rs = ps.executeQuery()) {
                var meta = rs.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    answer.add(meta.getColumnName(i));
                }
                if (rs.next()) {
                    answer.add(rs.getString("workspace_id"));
                    answer.add(rs.getString(2));
                    if (function.equals("claim_prediction_bulk")) {
                        answer.add(rs.getString("after_lead"));
                    }
                }
            }
        }
        return answer;
    }
}
