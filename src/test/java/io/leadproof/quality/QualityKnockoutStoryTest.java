package io.leadproof.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadproof.support.Await;
import io.leadproof.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * RevOps adds the INVALID knock-out to its model; a lead whose email then bounces is disqualified by it at the next
 * write: scoring reads the verdict the same transaction stored.
 */
@QuarkusTest
@TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = QualityKnockoutStoryTest.WS, type = AttributeType.STRING_SET))
class QualityKnockoutStoryTest {

    static final String WS = "quality-knockout-story";

    @Test
    void a_bounced_lead_is_knocked_out_by_a_rule_on_the_data_quality_status() {
        var model = GraphQL.ok("{ criteriaModels { id servedVersionId } }");
        String draft = GraphQL.ok("mutation($m: ID!, $v: ID) { criteriaDraftCreate(input: {modelId: $m, copyFromVersionId: $v}) { version { id } } }",
                Map.of("m", model.getString("data.criteriaModels[0].id"), "v", model.getString("data.criteriaModels[0].servedVersionId")))
                .getString("data.criteriaDraftCreate.version.id");
        var added = GraphQL.ok("mutation($i: CriteriaRuleAddInput!) { criteriaRuleAdd(input: $i) { userErrors { code message } } }",
                Map.of("i", Map.of("versionId", draft, "rule", Map.of("key", "invalid-contact-data", "label", "Invalid contact data",
                        "kind", "KNOCK_OUT", "field", "DATA_QUALITY", "operator", "EQUALS", "values", List.of("INVALID")))));
        assertThat(added.getList("data.criteriaRuleAdd.userErrors")).isEmpty();
        GraphQL.ok("mutation($v: ID!) { criteriaVersionPublish(input: {versionId: $v}) { version { status } } }", Map.of("v", draft));
        Await.until("the rescoring job to succeed", Duration.ofSeconds(30), () -> "SUCCEEDED".equals(GraphQL.ok(
                "query($v: ID!) { criteriaVersion(id: $v) { scoringJob { state } } }", Map.of("v", draft))
                .getString("data.criteriaVersion.scoringJob.state")));

        String lead = GraphQL.ok("mutation { leadUpsert(input: {email: \"emmy.noether@algebra-works.com\", companyDomain: \"algebra-works.com\","
                + " jobTitle: \"CTO\", budgetStatus: APPROVED}) { lead { id score { knockedOutBy } } } }").getString("data.leadUpsert.lead.id");
        GraphQL.ok("mutation($i: ActivitiesRecordInput!) { activitiesRecord(input: $i) { recordedCount } }", Map.of("i", Map.of("activities",
                List.of(Map.of("clientEventId", "emmy-bounce", "leadId", lead, "type", "EMAIL_BOUNCED", "occurredAt",
                        Instant.now().minusSeconds(30).toString())))));

        var score = GraphQL.ok("query($id: ID!) { lead(id: $id) { lifecycleStage score { knockedOutBy } dataQuality { status } } }",
                Map.of("id", lead)).getMap("data.lead");
        assertThat(score).isEqualTo(Map.of("lifecycleStage", "DISQUALIFIED", "score", Map.of("knockedOutBy", List.of("invalid-contact-data")),
                "dataQuality", Map.of("status", "INVALID")));
    }
}
