package io.leadproof.evidence.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadproof.support.Await;
import io.leadproof.support.GraphQL;
import io.leadproof.support.OwnerSql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * A pod died in the middle of a served model's bulk prediction, which walks lead-id ranges (parts) in parallel: each
 * part's cursor persisted after its 7th lead, and its lease ran out a second ago. Another pod claims the pass and resumes
 * every part after its cursor: the leads left get their prediction, those already done are not written again, and the
 * pass ends DONE.
 */
@QuarkusTest
@TestSecurity(user = "sam", roles = { "revops-admin", "sales" },
        attributes = @SecurityAttribute(key = "workspaces", value = PredictionBulkResumeTest.WS, type = AttributeType.STRING_SET))
class PredictionBulkResumeTest {

    static final String WS = "predict-bulk-resume";

    @Test
    void a_bulk_prediction_left_by_a_dead_pod_resumes_after_its_cursor() {
        PlantedWorkspace.registerRep(WS);
        PlantedWorkspace.plant(PlantedWorkspace.groundTruth("resume", 50, 11, 1.0));
        String model = PlantedWorkspace.trainAndWait().getString("data.predictiveModel.id");
        awaitPredicted(model, 50);
        assertThat(pass()).containsExactly("DONE|null");

        // the dead pod got each part of the pass (lead-id ranges walked in parallel) to its 7th lead: cursors persisted there
        OwnerSql.exec("update prediction_bulk_part p set after_id = c.id, done = false, written = c.n from (select part, (array_agg(id order by id desc))[1] as id,"
                + " count(*)::int as n from (select b.part, l.id, row_number() over (partition by b.part order by l.id) as k"
                + " from prediction_bulk_part b join lead l on l.workspace_id = b.workspace_id and l.id >= b.lower_id"
                + " and (b.upper_id is null or l.id < b.upper_id) where b.workspace_id = ?) x where k <= 7 group by part) c"
                + " where p.workspace_id = ? and p.part = c.part", WS, WS);
        int done = (int) OwnerSql.count("select coalesce(sum(written), 0) from prediction_bulk_part where workspace_id = ?", WS);
        assertThat(OwnerSql.count("select count(*) from prediction_bulk_part where workspace_id = ?", WS)).as("parts").isGreaterThan(1);
        assertThat(done).isBetween(1, 49);
        String undone = "not exists (select from prediction_bulk_part b where b.workspace_id = lead_prediction.workspace_id"
                + " and lead_id >= b.lower_id and (b.upper_id is null or lead_id < b.upper_id) and lead_id <= b.after_id)";
        OwnerSql.exec("delete from lead_prediction where workspace_id = ? and " + undone, WS);
        OwnerSql.exec("update lead_prediction set computed_at = '2020-01-01T00:00:00Z' where workspace_id = ?", WS);
        OwnerSql.exec("update predictive_model set bulk_state = 'RUNNING', predicted_leads = ?,"
                + " bulk_lease_owner = 'dead-pod', bulk_lease_expires_at = now() - interval '1 second', bulk_finished_at = null"
                + " where workspace_id = ? and status = 'SERVED'", done, WS);
        assertThat(OwnerSql.count("select count(*) from lead_prediction where workspace_id = ?", WS)).isEqualTo(done);

        awaitPredicted(model, 50);
        assertThat(pass()).containsExactly("DONE|null");
        assertThat(OwnerSql.count("select count(*) from lead_prediction where workspace_id = ?", WS)).isEqualTo(50);
        assertThat(OwnerSql.count("select count(*) from lead_prediction where workspace_id = ?"
                + " and computed_at = '2020-01-01T00:00:00Z'", WS)).as("those done before the crash are not written again").isEqualTo(done);
        assertThat(OwnerSql.count("select count(*) from lead_prediction where workspace_id = ?"
                + " and computed_at > now() - interval '1 minute'", WS)).as("the rest, written by the new holder").isEqualTo(50 - done);
    }

    private static List<String> pass() {
        return OwnerSql.strings("select bulk_state || '|' || coalesce(bulk_lease_owner, 'null') from predictive_model"
                + " where workspace_id = ? and status = 'SERVED'", WS);
    }

    private static void awaitPredicted(String model, int leads) {
        Await.until("the bulk prediction", Duration.ofSeconds(30), () -> GraphQL.ok(PlantedWorkspace.MODEL, Map.of("id", model))
                .getInt("data.predictiveModel.predictedLeads") == leads && pass().equals(List.of("DONE|null")));
    }
}
