package io.leadproof.evidence.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
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
 * Twelve handoffs: three won after a demo request (each then attends a webinar, after the handoff), three accepted and
 * left quiet, six rejected for NO_BUDGET with no budget stated. The analysis judges each lead at its reference moment;
 * what sales' rejections say is read from the same handoffs; bad input comes back as user errors; another workspace
 * sees none of it.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignalAnalysisApiTest {
    static final String WS = "analysis-api";
    static final String QUERY = """
            query($input: SignalAnalysisInput!) { signalAnalysis(input: $input) {
              analysis { groupA { size } groupB { size } signals { key verdict groupA { count } groupB { count } } }
              userErrors { field code message } } }""";
    static OffsetDateTime start;

    @AfterAll
    static void backToNow() {
        TestClock.reset();
    }

    static Map<String, Object> window() {
        return Map.of("from", start.toString(), "to", OffsetDateTime.now().plus(TestClock.offset()).plusDays(1).toString());
    }

    static io.restassured.path.json.JsonPath analyse(Map<String, Object> extra) {
        Map<String, Object> input = new HashMap<>(Map.of("window", window()));
        input.putAll(extra);
        return GraphQL.ok(QUERY, Map.of("input", input));
    }

    @Test
    @Order(1)
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void three_wins_three_quiet_deals_and_six_rejections_for_budget() {
        start = OffsetDateTime.now().minusSeconds(1);
        var history = new DealHistory(WS, "api-" + System.nanoTime());
        for (int i = 0; i < 3; i++) {
            String lead = history.deal(DealHistory.End.WON, true, true);
            var json = GraphQL.ok("mutation($i: ActivitiesRecordInput!) { activitiesRecord(input: $i) { recordedCount } }",
                    Map.of("i", Map.of("activities", List.of(Map.of("clientEventId", lead + "-webinar-" + System.nanoTime(),
                            "leadId", lead, "type", "WEBINAR_ATTENDED", "occurredAt",
                            OffsetDateTime.now().plus(TestClock.offset()).plusMinutes(1).toString())))));
            assertThat(json.getInt("data.activitiesRecord.recordedCount")).isEqualTo(1);
        }
        history.deals(3, DealHistory.End.QUIET, 0, 0, 3).deals(6, DealHistory.End.REJECTED, 0, 0, 0);
        TestClock.travel(Duration.ofDays(40));
    }

    @Test
    @Order(2)
    @TestSecurity(user = "mia", roles = "marketing", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void each_lead_is_judged_at_its_reference_moment() {
        var atHandoff = analyse(Map.of());
        assertThat(atHandoff.getList("data.signalAnalysis.userErrors")).isEmpty();
        assertThat(atHandoff.getInt("data.signalAnalysis.analysis.groupA.size")).isEqualTo(3);
        assertThat(atHandoff.getInt("data.signalAnalysis.analysis.groupB.size")).as("quiet for 40 days: stalled").isEqualTo(3);
        List<String> keys = atHandoff.getList("data.signalAnalysis.analysis.signals.key");
        assertThat(keys).contains(AfternoonScenarioTest.DEMO);
        assertThat(keys).as("the webinar came after the handoff").noneMatch(k -> k.startsWith("behaviour:WEBINAR_ATTENDED"));

        var monthAfterCreation = analyse(Map.of("referenceMoment", Map.of("kind", "CREATED_PLUS_DAYS", "days", 30)));
        assertThat(monthAfterCreation.getList("data.signalAnalysis.userErrors")).isEmpty();
        assertThat(monthAfterCreation.<String>getList("data.signalAnalysis.analysis.signals.key"))
                .as("30 days after creation the webinar had happened").anyMatch(k -> k.startsWith("behaviour:WEBINAR_ATTENDED"));

        var rejected = analyse(Map.of("groupA", Map.of("outcomes", List.of("REJECTED"), "rejectionCategories", List.of("BUDGET"))));
        assertThat(rejected.getInt("data.signalAnalysis.analysis.groupA.size")).isEqualTo(6);
    }

    @Test
    @Order(3)
    @TestSecurity(user = "leo", roles = "leadership", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void the_rejections_say_no_budget_was_ever_stated() {
        var json = GraphQL.ok("""
                query($input: RejectionInsightsInput!) { rejectionInsights(input: $input) { insights { handoffs rejected accepted
                  reasons { reasonCode category rejected share trend { month rejected handoffs rate } signals { key verdict } }
                  categories { category rejected share }
                  findings { reasonCode signal { key groupA { count n } groupB { count n } } shareOfReason sentence } }
                  userErrors { code } } }""", Map.of("input", Map.of("window", window())));
        String i = "data.rejectionInsights.insights.";
        assertThat(json.getInt(i + "handoffs")).isEqualTo(12);
        assertThat(json.getInt(i + "rejected")).isEqualTo(6);
        assertThat(json.getInt(i + "accepted")).isEqualTo(6);
        assertThat(json.getString(i + "reasons[0].reasonCode")).isEqualTo("NO_BUDGET");
        assertThat(json.getFloat(i + "reasons[0].share")).isEqualTo(1.0f);
        assertThat(json.getInt(i + "reasons[0].trend[0].rejected")).isEqualTo(6);
        assertThat(json.getInt(i + "reasons[0].trend[0].handoffs")).isEqualTo(12);
        assertThat(json.getString(i + "categories[0].category")).isEqualTo("BUDGET");
        assertThat(json.getString(i + "findings[0].signal.key")).isEqualTo("trait:BUDGET_STATUS=∅");
        assertThat(json.getInt(i + "findings[0].signal.groupA.count")).isEqualTo(6);
        assertThat(json.getInt(i + "findings[0].signal.groupB.count")).isZero();
        assertThat(json.getString(i + "findings[0].sentence")).startsWith("100 % of NO_BUDGET rejections had budget status unknown");
    }

    @Test
    @Order(4)
    @TestSecurity(user = "mia", roles = "marketing", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void bad_input_gets_user_errors_never_a_500() {
        var later = OffsetDateTime.now();
        assertThat(codes(GraphQL.ok(QUERY, Map.of("input", Map.of("window", Map.of("from", later.toString(),
                "to", later.minusDays(1).toString())))))).containsExactly("WINDOW_REVERSED");
        assertThat(codes(GraphQL.ok(QUERY, Map.of("input", Map.of("window", Map.of("from", later.minusYears(6).toString(),
                "to", later.toString())))))).containsExactly("WINDOW_TOO_LONG");
        assertThat(codes(analyse(Map.of("groupB", Map.of("outcomes", List.of("WON", "LOST")))))).containsExactly("GROUPS_OVERLAP");
        assertThat(codes(analyse(Map.of("sampleSize", 0)))).containsExactly("SAMPLE_SIZE_OUT_OF_RANGE");
        assertThat(codes(analyse(Map.of("sampleSize", 1_000_000)))).containsExactly("SAMPLE_SIZE_OUT_OF_RANGE");
        assertThat(codes(analyse(Map.of("signalKeys", List.of("behaviour:TELEPATHY/BOFU:ANY"))))).containsExactly("UNKNOWN_SIGNAL");
        assertThat(codes(analyse(Map.of("referenceMoment", Map.of("kind", "CREATED_PLUS_DAYS"))))).containsExactly("INVALID_REFERENCE_MOMENT");
        assertThat(codes(analyse(Map.of("groupA", Map.of("outcomes", List.of("OPEN")))))).containsExactly("INVALID_GROUP");
        assertThat(codes(analyse(Map.of("filter", Map.of("campaignIds", List.of("gid://leadproof/Lead/00000000-0000-0000-0000-000000000001"))))))
                .containsExactly("NOT_FOUND");
        var suggest = GraphQL.ok("mutation($input: CriteriaSuggestInput!) { criteriaSuggest(input: $input) { version { id } userErrors { field code } } }",
                Map.of("input", Map.of("modelId", "gid://leadproof/CriteriaModel/00000000-0000-0000-0000-000000000001",
                        "analysis", Map.of("window", window(), "sampleSize", 0))));
        assertThat(suggest.getList("data.criteriaSuggest.userErrors.field")).containsExactly(List.of("input", "analysis", "sampleSize"));
        var unknownModel = GraphQL.ok("mutation($input: CriteriaSuggestInput!) { criteriaSuggest(input: $input) { version { id } userErrors { code } } }",
                Map.of("input", Map.of("modelId", "gid://leadproof/CriteriaModel/00000000-0000-0000-0000-000000000001",
                        "analysis", Map.of("window", window()))));
        assertThat(unknownModel.getList("data.criteriaSuggest.userErrors.code")).containsExactly("NOT_FOUND");
    }

    @Test
    @Order(5)
    @TestSecurity(user = "mia", roles = "marketing", attributes = @SecurityAttribute(key = "workspaces", value = "analysis-api-other", type = AttributeType.STRING_SET))
    void another_workspace_sees_none_of_it() {
        var json = analyse(Map.of());
        assertThat(json.getString("data.signalAnalysis.analysis")).isNull();
        assertThat(codes(json)).containsExactly("EMPTY_GROUP", "EMPTY_GROUP");
        var insights = GraphQL.ok("query($input: RejectionInsightsInput!) { rejectionInsights(input: $input) { insights { handoffs } } }",
                Map.of("input", Map.of("window", window())));
        assertThat(insights.getInt("data.rejectionInsights.insights.handoffs")).isZero();
    }

    static List<String> codes(io.restassured.path.json.JsonPath json) {
        String root = json.getMap("data").keySet().iterator().next().toString();
        return json.getList("data." + root + ".userErrors.code");
    }
}
