package io.leadproof.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadproof.common.NodeId;
import io.leadproof.support.Await;
import io.leadproof.support.GraphQL;
import io.leadproof.support.OwnerSql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * Three of twenty leads were erased before RevOps publishes. Rescoring skips erased leads, so its total leaves them out
 * from the start, and processed reaches total: the progress ends at 100 %.
 */
@QuarkusTest
@TestSecurity(user = "ada", roles = "revops-admin",
        attributes = @SecurityAttribute(key = "workspaces", value = RescoreTotalTest.WS, type = AttributeType.STRING_SET))
class RescoreTotalTest {

    static final String WS = "rescore-total";

    @Test
    void erased_leads_are_not_counted_so_processed_reaches_total() throws Exception {
        var rows = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 20; i++) {
            rows.add(Map.of("email", "lead" + i + "@total.example", "jobTitle", "CTO"));
        }
        GraphQL.ok("mutation($i: LeadsImportInput!) { leadsImport(input: $i) { createdCount } }", Map.of("i", Map.of("leads", rows)));
        List<String> ids = OwnerSql.strings("select id::text from lead where workspace_id = ? order by id limit 3", WS);
        for (String id : ids) {
            GraphQL.ok("mutation($id: ID!) { leadErase(input: {leadId: $id, reason: DATA_SUBJECT_REQUEST}) { userErrors { code } } }",
                    Map.of("id", NodeId.of("Lead", java.util.UUID.fromString(id))));
        }
        var model = GraphQL.ok("{ criteriaModels { id servedVersionId } }");
        String version = GraphQL.ok("mutation($m: ID!, $v: ID) { criteriaDraftCreate(input: {modelId: $m, copyFromVersionId: $v}) { version { id } } }",
                Map.of("m", model.getString("data.criteriaModels[0].id"), "v", model.getString("data.criteriaModels[0].servedVersionId")))
                .getString("data.criteriaDraftCreate.version.id");
        String versionId = NodeId.parse("CriteriaVersion", version).toString();

        long queuedTotal;
        // Workers wait for this lock before they split the job into parts: the job's total can be read as queued.
        try (var hold = OwnerSql.connect()) {
            hold.setAutoCommit(false);
            hold.createStatement().execute("lock table scoring_job_part in access exclusive mode");
            GraphQL.ok("mutation($v: ID!) { criteriaVersionPublish(input: {versionId: $v}) { version { status } } }", Map.of("v", version));
            queuedTotal = OwnerSql.count("select total from scoring_job where workspace_id = ? and version_id = ?::uuid", WS, versionId);
            hold.rollback();
        }
        assertThat(queuedTotal).as("the total leaves the erased leads out").isEqualTo(17);

        Await.until("the rescore to finish", Duration.ofSeconds(30), () -> "SUCCEEDED".equals(OwnerSql.strings(
                "select state from scoring_job where workspace_id = ? and version_id = ?::uuid", WS, versionId).getFirst()));
        assertThat(OwnerSql.strings("select processed || '/' || total from scoring_job where workspace_id = ? and version_id = ?::uuid",
                WS, versionId)).containsExactly("17/17");
    }
}
