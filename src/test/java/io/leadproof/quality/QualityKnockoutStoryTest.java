package io.leadproof.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadproof.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * The default model of a new workspace knocks out INVALID contact data: a lead whose email bounces is disqualified at
 * that write, since scoring reads the verdict the same transaction stored.
 */
@QuarkusTest
@TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = QualityKnockoutStoryTest.WS, type = AttributeType.STRING_SET))
class QualityKnockoutStoryTest {

    static final String WS = "quality-knockout-story";

    @Test
    void a_bounced_lead_is_knocked_out_by_the_default_models_rule_on_the_data_quality_status() {
        var model = GraphQL.ok("{ criteriaModels { servedVersionId } }");
        var rules = GraphQL.ok("query($v: ID!) { criteriaVersion(id: $v) { rules { key kind } } }",
                Map.of("v", model.getString("data.criteriaModels[0].servedVersionId"))).getList("data.criteriaVersion.rules");
        assertThat(rules).as("the seeded default model").contains(Map.of("key", "invalid-contact-data", "kind", "KNOCK_OUT"));

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
