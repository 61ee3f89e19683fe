package io.leadproof.scoring;

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

/** A lead earns points, crosses the default MQL threshold once, and is rescored when RevOps publishes stricter criteria. */
@QuarkusTest
@TestSecurity(user = "ada", roles = { "revops-admin", "marketing" },
        attributes = @SecurityAttribute(key = "workspaces", value = "scoring-scenario", type = AttributeType.STRING_SET))
class ScoringScenarioTest {

    static final String LEAD = """
            query($id: ID!) { lead(id: $id) { lifecycleStage
              score { total fit engagement qualified knockedOutBy versionId contributions { ruleKey kind points evidence } }
              scoreHistory(first: 10) { edges { node { oldTotal newTotal cause qualified } } }
              mqlCrossings { versionId total crossedAt contributions { ruleKey points } } } }""";

    @Test
    void a_cto_with_budget_who_requests_a_demo_becomes_mql_once_and_is_rescored_after_a_publish() {
        var models = GraphQL.ok("{ criteriaModels { id name drivesHandoffs servedVersionId } }");
        assertThat(models.getList("data.criteriaModels.name")).containsExactly("Inbound B2B");
        String defaultVersion = models.getString("data.criteriaModels[0].servedVersionId");
        String modelId = models.getString("data.criteriaModels[0].id");

        String leadId = GraphQL.ok("""
                mutation { leadUpsert(input: {email: "cto@buyer.contoso.com", jobTitle: "CTO", budgetStatus: APPROVED}) { lead { id } } }""")
                .getString("data.leadUpsert.lead.id");
        var afterFit = GraphQL.ok(LEAD, Map.of("id", leadId));
        assertThat(afterFit.getInt("data.lead.score.fit")).isEqualTo(25); // C-level 10 + budget approved 15
        assertThat(afterFit.getBoolean("data.lead.score.qualified")).isFalse();
        assertThat(afterFit.getString("data.lead.lifecycleStage")).isEqualTo("NEW");

        String now = Instant.now().minusSeconds(60).toString();
        GraphQL.ok("mutation($i: ActivitiesRecordInput!) { activitiesRecord(input: $i) { recordedCount } }",
                Map.of("i", Map.of("activities", List.of(
                        Map.of("clientEventId", "s-1", "leadId", leadId, "type", "DEMO_REQUESTED", "funnelStage", "BOFU", "occurredAt", now),
                        Map.of("clientEventId", "s-2", "leadId", leadId, "type", "EBOOK_DOWNLOAD", "funnelStage", "TOFU", "occurredAt", now)))));
        var qualified = GraphQL.ok(LEAD, Map.of("id", leadId));
        assertThat(qualified.getString("data.lead.lifecycleStage")).as("MQL, then at once handed off by the handoff model")
                .isEqualTo("HANDED_OFF");
        assertThat(qualified.getInt("data.lead.score.total")).isEqualTo(50); // 25 fit + 20 BOFU + 5 TOFU eBook
        List<Integer> points = qualified.getList("data.lead.score.contributions.points");
        assertThat(points.stream().mapToInt(Integer::intValue).sum()).isEqualTo(50);
        assertThat(qualified.getList("data.lead.mqlCrossings")).hasSize(1);
        assertThat(qualified.getString("data.lead.mqlCrossings[0].versionId")).isEqualTo(defaultVersion);
        assertThat(qualified.getList("data.lead.scoreHistory.edges.node.newTotal")).containsExactly(50, 25);
        assertThat(qualified.getList("data.lead.scoreHistory.edges.node.cause")).containsExactly("ACTIVITY_RECORDED", "LEAD_CHANGED");

        // Stricter criteria: MQL at 60, and a rule for pricing-page interest.
        String draft = GraphQL.ok("mutation($m: ID!, $v: ID) { criteriaDraftCreate(input: {modelId: $m, copyFromVersionId: $v}) { version { id number status } } }",
                Map.of("m", modelId, "v", defaultVersion)).getString("data.criteriaDraftCreate.version.id");
        var bad = GraphQL.ok("""
                mutation($v: ID!) { criteriaRuleAdd(input: {versionId: $v, rule: {key: "big", label: "Big company", kind: FIT,
                  field: EMPLOYEE_COUNT, operator: CONTAINS, values: ["1000"], points: 5}}) { version { id } userErrors { field code } } }""",
                Map.of("v", draft));
        assertThat(bad.getList("data.criteriaRuleAdd.userErrors.field")).containsExactly(List.of("rule", "operator"));
        GraphQL.ok("mutation($v: ID!) { criteriaThresholdsSet(input: {versionId: $v, mql: 60}) { version { mqlThreshold } } }", Map.of("v", draft));
        var published = GraphQL.ok("mutation($v: ID!) { criteriaVersionPublish(input: {versionId: $v}) { version { status publishedAt } userErrors { code } } }",
                Map.of("v", draft));
        assertThat(published.getString("data.criteriaVersionPublish.version.status")).isEqualTo("ACTIVE");

        Await.until("the rescoring job to succeed", Duration.ofSeconds(30), () -> "SUCCEEDED".equals(GraphQL.ok(
                "query($v: ID!) { criteriaVersion(id: $v) { scoringJob { state } } }", Map.of("v", draft))
                .getString("data.criteriaVersion.scoringJob.state")));
        var job = GraphQL.ok("query($v: ID!) { criteriaVersion(id: $v) { scoringJob { processed total } } }", Map.of("v", draft));
        assertThat(job.getInt("data.criteriaVersion.scoringJob.processed")).isEqualTo(job.getInt("data.criteriaVersion.scoringJob.total"));

        var rescored = GraphQL.ok(LEAD, Map.of("id", leadId));
        assertThat(rescored.getString("data.lead.score.versionId")).isEqualTo(draft);
        assertThat(rescored.getBoolean("data.lead.score.qualified")).isFalse();
        assertThat(rescored.getString("data.lead.lifecycleStage")).as("qualification is an event; a stricter version does not undo it")
                .isEqualTo("HANDED_OFF");
        assertThat(rescored.getList("data.lead.mqlCrossings")).hasSize(1);
        var old = GraphQL.ok("query($v: ID!) { criteriaVersion(id: $v) { status retiredAt } }", Map.of("v", defaultVersion));
        assertThat(old.getString("data.criteriaVersion.status")).isEqualTo("RETIRED");
        var edit = GraphQL.ok("mutation($v: ID!) { criteriaRuleRemove(input: {versionId: $v, ruleKey: \"student\"}) { userErrors { code } } }",
                Map.of("v", draft));
        assertThat(edit.getList("data.criteriaRuleRemove.userErrors.code")).containsExactly("NOT_A_DRAFT");
    }
}
