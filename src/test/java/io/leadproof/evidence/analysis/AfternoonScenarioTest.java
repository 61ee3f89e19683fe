package io.leadproof.evidence.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.leadproof.support.GraphQL;
import io.leadproof.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * The practitioner's afternoon: 20 deals that closed and 20 that stalled; comparing what they showed before the handoff
 * names the demo request and the approved budget; a draft is suggested with its rationale; a human drops what she
 * disagrees with and RevOps publishes it.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AfternoonScenarioTest {
    static final String WS = "afternoon";
    static final String DEMO = "behaviour:DEMO_REQUESTED/BOFU:ANY";
    static final String BUDGET = "trait:BUDGET_STATUS=APPROVED";
    static OffsetDateTime start;
    static String draftId;
    static String demoRuleKey;

    @AfterAll
    static void backToNow() {
        TestClock.reset();
    }

    static Map<String, Object> window() {
        return Map.of("from", start.toString(), "to", OffsetDateTime.now().plus(TestClock.offset()).plusDays(1).toString());
    }

    @Test
    @Order(1)
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void twenty_deals_close_and_twenty_go_quiet_after_the_first_call() {
        start = OffsetDateTime.now().minusSeconds(1); // earlier runs against the same database lie before it
        new DealHistory(WS, "afternoon-" + System.nanoTime())
                .deals(20, DealHistory.End.WON, 14, 3, 17)
                .deals(20, DealHistory.End.QUIET, 4, 10, 14);
        TestClock.travel(Duration.ofDays(40));
    }

    @Test
    @Order(2)
    @TestSecurity(user = "mia", roles = "marketing", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void the_comparison_names_the_demo_request_and_the_budget() {
        var json = GraphQL.ok("""
                query($input: SignalAnalysisInput!) { signalAnalysis(input: $input) {
                  analysis { groupA { label size } groupB { label size } candidates
                    signals { key verdict pValue qValue test sentence groupA { count n } groupB { count n } lift { value lower } }
                    dealsA(first: 3) { totalCount edges { node { outcome budgetStatus behaviour lead { id } } } pageInfo { hasNextPage endCursor } }
                    dealsB(first: 20) { totalCount edges { node { outcome budgetStatus } } } }
                  userErrors { field code message } } }""",
                Map.of("input", Map.of("window", window(), "sampleSize", 20)));
        assertThat(json.getList("data.signalAnalysis.userErrors")).isEmpty();
        for (String group : List.of("dealsA", "dealsB")) { // capped like every page (QueryLimitsTest has no deals to page)
            var page = GraphQL.post("query($input: SignalAnalysisInput!) { signalAnalysis(input: $input) { analysis { %s(first: 101) { totalCount } } } }"
                    .formatted(group), Map.of("input", Map.of("window", window(), "sampleSize", 20)));
            assertThat(page.getString("errors[0].extensions.reason")).as(group + "(first: 101)").isEqualTo("INVALID_PAGE_SIZE");
        }
        String a = "data.signalAnalysis.analysis.";
        assertThat(json.getInt(a + "groupA.size")).isEqualTo(20);
        assertThat(json.getString(a + "groupB.label")).isEqualTo("stalled or lost deals");
        assertThat(json.getInt(a + "groupB.size")).isEqualTo(20);
        List<Map<String, Object>> signals = json.getList(a + "signals");
        Map<String, Object> demo = find(signals, DEMO);
        assertThat(demo.get("verdict")).isEqualTo("STRONG");
        assertThat(demo.get("test")).isEqualTo("BOSCHLOO");
        assertThat(demo.get("sentence")).asString().startsWith("Won deals had requested a demo (BOFU) before handoff 3.5× as often"
                + " as stalled or lost deals (14 of 20 vs 4 of 20); strong evidence");
        assertThat(find(signals, BUDGET).get("verdict")).isEqualTo("STRONG");
        assertThat(signals.subList(0, 2)).extracting(s -> s.get("verdict")).containsOnly("STRONG");
        assertThat(json.getInt(a + "dealsA.totalCount")).isEqualTo(20);
        assertThat(json.getList(a + "dealsA.edges")).hasSize(3);
        assertThat(json.getBoolean(a + "dealsA.pageInfo.hasNextPage")).isTrue();
        assertThat(json.getString(a + "dealsA.edges[0].node.lead.id")).startsWith("gid://leadproof/Lead/");
        assertThat(json.getList(a + "dealsB.edges.node.outcome")).containsOnly("STALLED");
        assertThat(json.getList(a + "dealsB.edges.node.budgetStatus")).filteredOn("APPROVED"::equals).hasSize(4);
    }

    @Test
    @Order(3)
    @TestSecurity(user = "mia", roles = "marketing", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void a_draft_is_suggested_with_its_rationale_and_nothing_is_published() {
        String modelId = GraphQL.ok("{ criteriaModels { id drivesHandoffs } }").getString("data.criteriaModels.find { it.drivesHandoffs }.id");
        var json = GraphQL.ok("""
                mutation($input: CriteriaSuggestInput!) { criteriaSuggest(input: $input) {
                  version { id status rules { key kind points pointsPerOccurrence rationale { signalKey countA nA countB nB verdict sentence } } }
                  changes { ruleKey rationale { change signalKey statistic } } notes userErrors { field code message } } }""",
                Map.of("input", Map.of("modelId", modelId, "analysis", Map.of("window", window(), "sampleSize", 20))));
        assertThat(json.getList("data.criteriaSuggest.userErrors")).isEmpty();
        assertThat(json.getString("data.criteriaSuggest.version.status")).isEqualTo("DRAFT");
        draftId = json.getString("data.criteriaSuggest.version.id");
        List<Map<String, Object>> rules = json.getList("data.criteriaSuggest.version.rules");
        assertThat(rules).extracting(r -> r.get("key")).as("copied from the active version")
                .contains("c-level-title", "budget-approved", "bofu-offer");
        assertThat(rules.stream().filter(r -> "budget-approved".equals(r.get("key"))).findFirst().orElseThrow().get("rationale"))
                .as("a rule written by hand has no rationale").isNull();
        Map<String, Object> demoRule = rules.stream().filter(r -> r.get("rationale") != null
                && DEMO.equals(((Map<?, ?>) r.get("rationale")).get("signalKey"))).findFirst().orElseThrow();
        demoRuleKey = (String) demoRule.get("key");
        assertThat(demoRule.get("kind")).isEqualTo("ENGAGEMENT");
        assertThat((Integer) demoRule.get("pointsPerOccurrence")).isPositive();
        Map<?, ?> rationale = (Map<?, ?>) demoRule.get("rationale");
        assertThat(rationale.get("countA")).isEqualTo(14);
        assertThat(rationale.get("countB")).isEqualTo(4);
        assertThat(rationale.get("sentence")).asString().contains("14 of 20 vs 4 of 20").contains("Evidence from handoffs");
        assertThat(json.getList("data.criteriaSuggest.changes.ruleKey")).contains(demoRuleKey);
        assertThat(json.getList("data.criteriaSuggest.notes")).as("the budget rule already exists")
                .anySatisfy(n -> assertThat(n).asString().contains("already tests"));
        assertThat(GraphQL.ok("query($id: ID!) { criteriaModel(id: $id) { servedVersionId } }", Map.of("id", modelId))
                .getString("data.criteriaModel.servedVersionId")).isNotEqualTo(draftId);
    }

    @Test
    @Order(4)
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void a_human_drops_what_she_disagrees_with_and_publishes() {
        var draft = GraphQL.ok("query($id: ID!) { criteriaVersion(id: $id) { rules { key rationale { signalKey } } } }", Map.of("id", draftId));
        List<String> others = draft.<Map<String, Object>>getList("data.criteriaVersion.rules").stream()
                .filter(r -> r.get("rationale") != null && !demoRuleKey.equals(r.get("key"))).map(r -> (String) r.get("key")).toList();
        for (String key : others) {
            var removed = GraphQL.ok("mutation($v: ID!, $k: String!) { criteriaRuleRemove(input: {versionId: $v, ruleKey: $k}) { userErrors { code } } }",
                    Map.of("v", draftId, "k", key));
            assertThat(removed.getList("data.criteriaRuleRemove.userErrors")).isEmpty();
        }
        var published = GraphQL.ok("mutation($v: ID!) { criteriaVersionPublish(input: {versionId: $v}) { version { status rules { key rationale { signalKey } } } userErrors { code } } }",
                Map.of("v", draftId));
        assertThat(published.getList("data.criteriaVersionPublish.userErrors")).isEmpty();
        assertThat(published.getString("data.criteriaVersionPublish.version.status")).isEqualTo("ACTIVE");
        List<Map<String, Object>> rules = published.getList("data.criteriaVersionPublish.version.rules");
        assertThat(rules.stream().filter(r -> r.get("rationale") != null).map(r -> r.get("key")).toList()).containsExactly(demoRuleKey);
    }

    static Map<String, Object> find(List<Map<String, Object>> signals, String key) {
        return signals.stream().filter(s -> key.equals(s.get("key"))).findFirst()
                .orElseThrow(() -> new AssertionError("no signal " + key + " among " + signals.stream().map(s -> s.get("key")).toList()));
    }
}
