package io.leadproof.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.leadproof.support.GraphQL;
import io.leadproof.support.OwnerSql;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.junit.QuarkusTest;

/** The demo a new user sees after `make run`: campaigns with costs, scored leads, and handoffs that have owners. */
@QuarkusTest
class DemoDataTest {

    static final String WS = "demo-data-test";
    static final String HISTORY_WS = "demo-history-test";

    @Inject
    DemoData demo;

    @Test
    void seeding_twice_gives_one_set_of_data_and_every_handoff_goes_to_a_registered_rep() {
        demo.seed(WS, 60, 5L, "sam.sales", "Sam Sales", "sue.sales", "Sue Sales");
        long leads = count("lead");
        long activities = count("activity");
        demo.seed(WS, 60, 5L, "sam.sales", "Sam Sales", "sue.sales", "Sue Sales");

        assertThat(leads).as("60 leads and the contacts of the past deals").isEqualTo(60 + DemoData.HISTORY_DEALS);
        assertThat(count("lead")).as("a restart updates rather than duplicates").isEqualTo(leads);
        assertThat(count("activity")).isEqualTo(activities).isPositive();
        assertThat(count("campaign")).isEqualTo(DemoGenerator.CAMPAIGNS.size());
        assertThat(count("campaign_cost")).isPositive();
        assertThat(OwnerSql.strings("select user_name from sales_rep where workspace_id = ? order by 1", WS))
                .containsExactly("sam.sales", "sue.sales");
        assertThat(OwnerSql.count("select count(*) from lead_score where workspace_id = ?", WS)).isGreaterThanOrEqualTo(leads);
        assertThat(count("handoff")).as("some demo leads qualify and are handed off").isPositive();
        assertThat(OwnerSql.strings("select distinct coalesce(owner, '(none)') from handoff where workspace_id = ? order by 1", WS))
                .containsExactly("sam.sales", "sue.sales");
    }

    @Test
    @TestSecurity(user = "leo", roles = "leadership", attributes = @SecurityAttribute(key = "workspaces", value = HISTORY_WS, type = AttributeType.STRING_SET))
    void a_newcomers_first_signal_analysis_finds_the_planted_signals_and_the_leadership_rates_are_filled() {
        demo.seed(HISTORY_WS, 60, 7L, "sam.sales", "Sam Sales", "sue.sales", "Sue Sales");
        demo.seed(HISTORY_WS, 60, 7L, "sam.sales", "Sam Sales", "sue.sales", "Sue Sales");
        assertThat(OwnerSql.count("select count(*) from handoff where workspace_id = ? and imported", HISTORY_WS))
                .as("six months of deals, imported once").isEqualTo(DemoData.HISTORY_DEALS);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        var json = GraphQL.ok("query($input: SignalAnalysisInput!) { signalAnalysis(input: $input) { analysis {"
                + " groupA { size } groupB { size } signals { key verdict } } userErrors { code } } }",
                Map.of("input", Map.of("window", Map.of("from", now.minusDays(200).toString(), "to", now.plusDays(1).toString()))));
        assertThat(json.getList("data.signalAnalysis.userErrors")).isEmpty();
        assertThat(json.getInt("data.signalAnalysis.analysis.groupA.size")).isPositive();
        List<Map<String, Object>> signals = json.getList("data.signalAnalysis.analysis.signals");
        Map<String, Object> verdicts = new java.util.HashMap<>();
        signals.forEach(s -> verdicts.put((String) s.get("key"), s.get("verdict")));
        assertThat(verdicts).containsEntry("first-call:BUDGET_CONFIRMED", "STRONG").containsEntry("first-call:DECISION_MAKER_ENGAGED", "STRONG")
                .containsEntry("first-call:JUST_RESEARCHING", "STRONG");
        assertThat(verdicts.get("first-call:PAIN_STATED")).as("planted at the same rate in both groups").isNotEqualTo("STRONG");

        var m = GraphQL.ok("query($f: Date!, $t: Date!) { metrics(window: {from: $f, to: $t}) { qualificationRate acceptanceRate badLeadRate"
                + " conversion { leadToMql mqlToSal salToSql sqlToWon leadToWon } } }",
                Map.of("f", LocalDate.now().minusMonths(7).toString(), "t", LocalDate.now().plusDays(1).toString()));
        assertThat(m.getMap("data.metrics")).as("every leadership rate has a value").doesNotContainValue(null);
        assertThat(m.getMap("data.metrics.conversion")).doesNotContainValue(null);
    }

    private static long count(String table) {
        return OwnerSql.count("select count(*) from " + table + " where workspace_id = ?", WS);
    }
}
