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
 * A pod died in the middle of a served model's bulk prediction: 20 of 50 leads predicted, the cursor persisted after
 * the 20th lead id, and its lease ran out a second ago. Another pod claims the pass and resumes after the cursor: the 30
 * leads left get their prediction, the 20 already done are not written again, and the pass ends DONE.
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

        List<String> ids = OwnerSql.strings("select id::text from lead where workspace_id = ? order by id", WS);
        String cursor = ids.get(19);
        OwnerSql.exec("delete from lead_prediction where workspace_id = ? and lead_id > ?::uuid", WS, cursor);
        OwnerSql.exec("update lead_prediction set computed_at = '2020-01-01T00:00:00Z' where workspace_id = ?", WS);
        OwnerSql.exec("update predictive_model set bulk_state = 'RUNNING', bulk_after = ?::uuid, predicted_leads = 20,"
                + " bulk_lease_owner = 'dead-pod', bulk_lease_expires_at = now() - interval '1 second', bulk_finished_at = null"
                + " where workspace_id = ? and status = 'SERVED'", cursor, WS);

        awaitPredicted(model, 50);
        assertThat(pass()).containsExactly("DONE|null");
        assertThat(OwnerSql.count("select count(*) from lead_prediction where workspace_id = ?", WS)).isEqualTo(50);
        assertThat(OwnerSql.count("select count(*) from lead_prediction where workspace_id = ? and lead_id <= ?::uuid"
                + " and computed_at = '2020-01-01T00:00:00Z'", WS, cursor)).as("the 20 done before the crash are not written again").isEqualTo(20);
        assertThat(OwnerSql.count("select count(*) from lead_prediction where workspace_id = ? and lead_id > ?::uuid"
                + " and computed_at > now() - interval '1 minute'", WS, cursor)).as("the 30 left, written by the new holder").isEqualTo(30);
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
