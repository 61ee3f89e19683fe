package io.leadproof.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.leadproof.support.GraphQL;
import io.leadproof.support.OwnerSql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/** A workspace that existed before its defaults did (an upgrade) gets them on first use, exactly once. */
@QuarkusTest
@TestSecurity(user = "ada", roles = "revops-admin",
        attributes = @SecurityAttribute(key = "workspaces", value = "pre-existing", type = AttributeType.STRING_SET))
class DefaultsForExistingWorkspacesTest {

    @Test
    void a_workspace_row_without_defaults_gets_the_default_model_and_reasons_on_first_use_and_its_leads_are_scored() {
        OwnerSql.exec("insert into workspace (workspace_id, name) values ('pre-existing', 'Pre-existing') on conflict do nothing");
        OwnerSql.exec("insert into lead (workspace_id, id, email, email_normalized, job_title, seniority, budget_status, authority,"
                + " need, timeline, lifecycle_stage, created_at, updated_at) values ('pre-existing', gen_random_uuid(), 'old@pre.example',"
                + " 'old@pre.example', 'CEO', 'C_LEVEL', 'APPROVED', 'UNKNOWN', 'UNKNOWN', 'UNKNOWN', 'NEW', now(), now())");
        assertThat(OwnerSql.count("select count(*) from criteria_model where workspace_id = 'pre-existing'")).isZero();

        var models = GraphQL.ok("{ criteriaModels { name drivesHandoffs servedVersionId } }");
        assertThat(models.getList("data.criteriaModels.name")).containsExactly(DefaultCriteriaSeeder.MODEL_NAME);
        assertThat(models.getList("data.criteriaModels.drivesHandoffs")).containsExactly(true);
        assertThat(GraphQL.ok("{ rejectionReasons { code } }").getList("data.rejectionReasons.code")).contains("NO_BUDGET", "SPAM_OR_BOT");
        assertThat(GraphQL.ok("{ workspace { name } }").getString("data.workspace.name")).isEqualTo("Pre-existing");
        io.leadproof.support.Await.until("the lead that predates the model to be scored", java.time.Duration.ofSeconds(30),
                () -> GraphQL.ok("{ leads(first: 1) { edges { node { score { fit } } } } }").getString("data.leads.edges[0].node.score.fit") != null);
        assertThat(GraphQL.ok("{ leads(first: 1) { edges { node { score { fit } } } } }").getInt("data.leads.edges[0].node.score.fit"))
                .isEqualTo(25); // C-level 10 + budget approved 15
    }
}
