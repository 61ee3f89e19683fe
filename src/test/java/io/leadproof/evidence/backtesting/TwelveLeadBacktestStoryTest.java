package io.leadproof.evidence.backtesting;

import static io.leadproof.evidence.backtesting.BacktestStory.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.leadproof.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/**
 * Twelve leads, every figure worked out by hand. Last quarter the workspace ran a loose version P (the default rules,
 * MQL at 30); then it went back to the default (B, MQL at 50). Marketing drafts T: MQL at 30 again, but influencers
 * knocked out, and backtests T against B over the week the twelve leads arrived.
 *
 * <pre>
 * lead  traits                     activities        total  handed off (under P)   outcome            B(50)  T(30, no influencers)
 * ann   CTO, budget approved       demo, ebook        50    yes                    WON                 MQL    MQL
 * ben   CTO, budget approved       demo, ebook        50    yes                    REJECTED NO_BUDGET  MQL    MQL
 * cat   CEO, budget approved       demo ×2            65    yes                    LOST                MQL    MQL
 * dan   VP, budget approved        demo, ebook ×2     50    yes                    OPEN                MQL    MQL
 * eve   CTO, approved, influencer  demo, ebook        50    yes                    REJECTED NO_AUTHORITY MQL  knocked out
 * fay   CTO, approved, influencer  demo ×2            65    yes                    WON                 MQL    knocked out
 * gus   CTO, budget approved       demo               45    yes                    REJECTED NO_BUDGET  -      MQL
 * hal   VP, budget approved        ebook ×2           30    yes                    WON                 -      MQL
 * ivy   VP                         demo               25    no                     -                   -      -
 * jon   CTO                        ebook              15    no                     -                   -      -
 * kim   student                    demo ×2            40    no (knocked out)       -                   -      -
 * lee   CTO, budget approved       ebook              30    yes                    REJECTED NO_BUDGET  -      MQL
 * </pre>
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwelveLeadBacktestStoryTest {

    static final String WS = "backtest-twelve";
    static String model;
    static String seeded;
    static String tested;
    static String baseline;
    static final Map<String, String> leads = new LinkedHashMap<>();
    static String backtestId;

    @Test
    @Order(1)
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void last_quarter_revops_ran_a_loose_version() {
        reps(WS, "sam", "sue");
        String[] ids = modelAndServedVersion();
        model = ids[0];
        seeded = ids[1];
        String loose = draft(model, seeded);
        threshold(loose, 30);
        assertThat(publish(loose).getList("data.criteriaVersionPublish.userErrors")).isEmpty();
    }

    @Test
    @Order(2)
    @TestSecurity(user = "mia", roles = "marketing", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void twelve_leads_arrive() {
        String demo = "DEMO_REQUESTED:BOFU";
        String ebook = "EBOOK_DOWNLOAD:TOFU";
        leads.put("ann", lead("ann@twelve.contoso.com", "CTO", "APPROVED", null, demo, ebook));
        leads.put("ben", lead("ben@twelve.contoso.com", "CTO", "APPROVED", null, demo, ebook));
        leads.put("cat", lead("cat@twelve.contoso.com", "CEO", "APPROVED", null, demo, demo));
        leads.put("dan", lead("dan@twelve.contoso.com", "VP Sales", "APPROVED", null, demo, ebook, ebook));
        leads.put("eve", lead("eve@twelve.contoso.com", "CTO", "APPROVED", "INFLUENCER", demo, ebook));
        leads.put("fay", lead("fay@twelve.contoso.com", "CTO", "APPROVED", "INFLUENCER", demo, demo));
        leads.put("gus", lead("gus@twelve.contoso.com", "CTO", "APPROVED", null, demo));
        leads.put("hal", lead("hal@twelve.contoso.com", "VP Marketing", "APPROVED", null, ebook, ebook));
        leads.put("ivy", lead("ivy@twelve.contoso.com", "VP Finance", null, null, demo));
        leads.put("jon", lead("jon@twelve.contoso.com", "CTO", null, null, ebook));
        leads.put("kim", lead("kim@twelve.contoso.com", "Student", null, null, demo, demo));
        leads.put("lee", lead("lee@twelve.contoso.com", "CTO", "APPROVED", null, ebook));
    }

    @Test
    @Order(3)
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void sales_answers_and_revops_returns_to_the_default_rules() {
        for (String never : List.of("ivy", "jon", "kim")) {
            assertThat(handoffOf(leads.get(never))).as(never + " never qualified").isNull();
        }
        win(handoffOf(leads.get("ann")));
        reject(handoffOf(leads.get("ben")), "NO_BUDGET");
        lose(handoffOf(leads.get("cat")));
        assertThat(handoffOf(leads.get("dan"))).as("dan's handoff stays open").isNotNull();
        reject(handoffOf(leads.get("eve")), "NO_AUTHORITY");
        win(handoffOf(leads.get("fay")));
        reject(handoffOf(leads.get("gus")), "NO_BUDGET");
        win(handoffOf(leads.get("hal")));
        reject(handoffOf(leads.get("lee")), "NO_BUDGET");
        baseline = draft(model, seeded);
        assertThat(publish(baseline).getList("data.criteriaVersionPublish.userErrors")).isEmpty();
    }

    @Test
    @Order(4)
    @TestSecurity(user = "mia", roles = "marketing", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void marketing_backtests_mql_at_30_without_influencers_against_the_active_version() {
        tested = draft(model, baseline);
        threshold(tested, 30);
        knockOut(tested, "no-influencers", "AUTHORITY", "INFLUENCER");
        JsonPath json = backtest(tested, null, nextFullSecond());
        backtestId = json.getString("data.criteriaBacktest.id");
        assertThat(json.getString("data.criteriaBacktest.state")).as(json.prettify()).isEqualTo("SUCCEEDED");
        String r = "data.criteriaBacktest.result.";
        assertThat(json.getInt(r + "actualHandoffs")).isEqualTo(9);   // all but ivy, jon, kim
        assertThat(json.getInt(r + "wonLeads")).isEqualTo(3);         // ann, fay, hal

        // B: ann ben cat dan eve fay (6 of 12); decided 5 (dan open): won ann fay, rejected ben (BUDGET) eve (AUTHORITY)
        figures(json, r + "compareWith.", 12, 6, 5, 2, 2);
        assertThat(json.getDouble(r + "compareWith.qualificationRate")).isCloseTo(0.5, within(1e-6));
        assertThat(json.getDouble(r + "compareWith.handoffsPerRepPerWeek")).isCloseTo(3.0, within(1e-6)); // 6 / 1 week / 2 reps
        assertThat(json.getDouble(r + "compareWith.precision")).isCloseTo(0.4, within(1e-6));             // 2 / 5
        assertThat(json.getDouble(r + "compareWith.recall")).isCloseTo(2 / 3.0, within(1e-6));            // ann, fay of 3 won
        assertThat(json.getDouble(r + "compareWith.badLeadRate")).isCloseTo(0.4, within(1e-6));           // 2 / 5
        assertThat(categories(json, r + "compareWith.")).containsEntry("BUDGET", 0.2).containsEntry("AUTHORITY", 0.2);

        // T: ann ben cat dan gus hal lee (7 of 12); decided 6: won ann hal, rejected ben gus lee (all BUDGET)
        figures(json, r + "tested.", 12, 7, 6, 2, 3);
        assertThat(json.getDouble(r + "tested.qualificationRate")).isCloseTo(7 / 12.0, within(1e-6));
        assertThat(json.getDouble(r + "tested.handoffsPerRepPerWeek")).isCloseTo(3.5, within(1e-6));
        assertThat(json.getDouble(r + "tested.precision")).isCloseTo(1 / 3.0, within(1e-6));
        assertThat(json.getDouble(r + "tested.recall")).isCloseTo(2 / 3.0, within(1e-6));
        assertThat(json.getDouble(r + "tested.badLeadRate")).isCloseTo(0.5, within(1e-6));
        assertThat(categories(json, r + "tested.")).containsEntry("BUDGET", 0.5).containsEntry("AUTHORITY", 0.0);

        // AUC, won (50, 65, 30) against the 9 others (50 50 50 65 45 40 30 25 15), ties half:
        // 50 beats 45 40 30 25 15 and ties three 50s: 6.5; 65 beats eight and ties one: 8.5; 30 beats 25 15, ties 30: 2.5
        double auc = (6.5 + 8.5 + 2.5) / 27;
        assertThat(json.getDouble(r + "tested.auc")).isCloseTo(auc, within(1e-6));
        assertThat(json.getDouble(r + "compareWith.auc")).isCloseTo(auc, within(1e-6));

        var d = r + "difference.";
        assertThat(json.getInt(d + "wouldBeMqls")).isEqualTo(1);
        assertThat(json.getDouble(d + "qualificationRate")).isCloseTo(1 / 12.0, within(1e-6));
        assertThat(json.getDouble(d + "handoffsPerRepPerWeek")).isCloseTo(0.5, within(1e-6));
        assertThat(json.getDouble(d + "precision")).isCloseTo(1 / 3.0 - 0.4, within(1e-6));
        assertThat(json.getDouble(d + "recall")).isCloseTo(0.0, within(1e-6));
        assertThat(json.getDouble(d + "badLeadRate")).isCloseTo(0.1, within(1e-6));

        assertThat(json.getList(r + "newlyQualified.edges.node.lead.email"))
                .containsExactly("gus@twelve.contoso.com", "hal@twelve.contoso.com", "lee@twelve.contoso.com");
        assertThat(json.getList(r + "newlyQualified.edges.node.outcome")).containsExactly("REJECTED", "WON", "REJECTED");
        assertThat(json.getInt(r + "newlyQualified.totalCount")).isEqualTo(3);
        assertThat(json.getList(r + "newlyQualified.rejectedByReason")).isEqualTo(List.of(Map.of("code", "NO_BUDGET", "count", 2)));
        assertThat(json.getList(r + "newlyExcluded.edges.node.lead.email")).containsExactly("eve@twelve.contoso.com", "fay@twelve.contoso.com");
        assertThat(json.getList(r + "newlyExcluded.edges.node.rejectionCode")).containsExactly("NO_AUTHORITY", null);
        assertThat(json.getList(r + "newlyExcluded.byOutcome")).isEqualTo(List.of(Map.of("outcome", "WON", "count", 1),
                Map.of("outcome", "REJECTED", "count", 1)));
    }

    @Test
    @Order(5)
    @TestSecurity(user = "leo", roles = "leadership", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void leadership_reads_the_score_bands_later_by_id_and_from_the_version() {
        JsonPath json = awaitDone(backtestId);
        List<Map<String, Object>> bands = json.getList("data.criteriaBacktest.result.tested.scoreBands");
        // [30,40): hal won, lee rejected; [40,50): kim (never handed off), gus rejected; [50,60): ann won, ben, eve rejected,
        // dan open; [60,70): cat lost, fay won
        assertBand(bands, 30, 2, 2, 1);
        assertBand(bands, 40, 2, 1, 0);
        assertBand(bands, 50, 4, 3, 1);
        assertBand(bands, 60, 2, 2, 1);
        var version = GraphQL.ok("query($v: ID!) { criteriaVersion(id: $v) { latestBacktest { id } backtests(first: 5) { totalCount edges { node { id state } } } } }",
                Map.of("v", tested));
        assertThat(version.getString("data.criteriaVersion.latestBacktest.id")).isEqualTo(backtestId);
        assertThat(version.getInt("data.criteriaVersion.backtests.totalCount")).isEqualTo(1);
        assertThat(version.getList("data.criteriaVersion.backtests.edges.node.state")).containsExactly("SUCCEEDED");
        var node = GraphQL.ok("query($id: ID!) { node(id: $id) { id ... on CriteriaBacktest { state version { id } compareWith { id } } } }",
                Map.of("id", backtestId));
        assertThat(node.getString("data.node.version.id")).isEqualTo(tested);
        assertThat(node.getString("data.node.compareWith.id")).isEqualTo(baseline);

        // the changed-side pages are capped like every page (QueryLimitsTest cannot build a finished backtest cheaply)
        for (String side : List.of("newlyQualified", "newlyExcluded")) {
            for (int first : new int[] { 101, 0 }) {
                var page = GraphQL.post("query($id: ID!) { criteriaBacktest(id: $id) { result { %s(first: %d) { totalCount } } } }"
                        .formatted(side, first), Map.of("id", backtestId));
                assertThat(page.getString("errors[0].extensions.reason")).as(side + "(first: " + first + ")").isEqualTo("INVALID_PAGE_SIZE");
            }
        }
    }

    private static void assertBand(List<Map<String, Object>> bands, int from, int leads, int decided, int won) {
        var band = bands.stream().filter(b -> ((Number) b.get("from")).intValue() == from).findFirst().orElseThrow();
        assertThat(band).containsEntry("to", from + 10).containsEntry("leads", leads).containsEntry("decided", decided).containsEntry("won", won);
        double[] interval = wilson(won, decided);
        assertThat(((Number) band.get("winRate")).doubleValue()).isCloseTo((double) won / decided, within(1e-6));
        assertThat(((Number) band.get("winRateLower")).doubleValue()).isCloseTo(interval[0], within(1e-6));
        assertThat(((Number) band.get("winRateUpper")).doubleValue()).isCloseTo(interval[1], within(1e-6));
    }

    private static void figures(JsonPath json, String at, int leads, int mqls, int decided, int won, int rejected) {
        assertThat(json.getInt(at + "leads")).isEqualTo(leads);
        assertThat(json.getInt(at + "wouldBeMqls")).isEqualTo(mqls);
        assertThat(json.getInt(at + "decidedAmongMqls")).isEqualTo(decided);
        assertThat(json.getInt(at + "wonAmongMqls")).isEqualTo(won);
        assertThat(json.getInt(at + "rejectedAmongMqls")).isEqualTo(rejected);
    }

    private static Map<String, Double> categories(JsonPath json, String at) {
        List<Map<String, Object>> rows = json.getList(at + "badLeadRateByCategory");
        var map = new LinkedHashMap<String, Double>();
        rows.forEach(row -> map.put((String) row.get("category"), Math.round(((Number) row.get("rate")).doubleValue() * 1e6) / 1e6));
        return map;
    }

    /**
     * The window ends at a whole second that has passed (a window may not end in the future): the handoffs made a moment
     * ago in the same second as "now" would otherwise fall after a truncated end.
     */
    static Instant nextFullSecond() {
        Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        try {
            Thread.sleep(Math.max(0, java.time.Duration.between(Instant.now(), end).toMillis() + 5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return end;
    }
}
