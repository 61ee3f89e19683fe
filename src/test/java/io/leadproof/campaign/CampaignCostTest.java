package io.leadproof.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadproof.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
@TestSecurity(user = "mia", roles = "marketing",
        attributes = @SecurityAttribute(key = "workspaces", value = "campaign-test", type = AttributeType.STRING_SET))
class CampaignCostTest {

    static final String COST = """
            mutation($i: CampaignCostRecordInput!) { campaignCostRecord(input: $i) {
              cost { incurredOn amount { amount currency } recordedBy } userErrors { field code } } }""";

    @Test
    void costs_add_up_exactly_in_the_reporting_currency_and_foreign_currency_is_refused() {
        var id = GraphQL.ok("mutation { campaignCreate(input: {name: \"Spring Webinar\", channel: EVENT, startsOn: \"2026-03-01\"}) { campaign { id } } }")
                .getString("data.campaignCreate.campaign.id");
        for (String amount : new String[] { "0.10", "0.20", "1000.05" }) {
            var ok = GraphQL.ok(COST, Map.of("i", Map.of("campaignId", id, "incurredOn", "2026-03-05",
                    "amount", Map.of("amount", amount, "currency", "USD"))));
            assertThat(ok.getString("data.campaignCostRecord.cost.recordedBy")).isEqualTo("mia");
        }
        var eur = GraphQL.ok(COST, Map.of("i", Map.of("campaignId", id, "incurredOn", "2026-03-05",
                "amount", Map.of("amount", "5", "currency", "EUR"))));
        assertThat(eur.getList("data.campaignCostRecord.userErrors.code")).containsExactly("CURRENCY_MISMATCH");
        var precise = GraphQL.ok(COST, Map.of("i", Map.of("campaignId", id, "incurredOn", "2026-03-05",
                "amount", Map.of("amount", "1.005", "currency", "USD"))));
        assertThat(precise.getList("data.campaignCostRecord.userErrors.code")).containsExactly("TOO_PRECISE");

        var total = GraphQL.ok("query($id: ID!) { campaign(id: $id) { totalCost { amount currency } costs { amount { amount } } } }", Map.of("id", id));
        assertThat(total.getString("data.campaign.totalCost.amount")).isEqualTo("1000.35");
        assertThat(total.getList("data.campaign.costs")).hasSize(3);
    }

    @Test
    void every_cost_entry_is_reached_page_by_page_newest_day_first() {
        var id = GraphQL.ok("mutation { campaignCreate(input: {name: \"Paged Costs\", channel: EMAIL}) { campaign { id } } }")
                .getString("data.campaignCreate.campaign.id");
        for (String day : new String[] { "2026-03-01", "2026-03-03", "2026-03-03", "2026-03-02", "2026-03-03" }) {
            GraphQL.ok(COST, Map.of("i", Map.of("campaignId", id, "incurredOn", day, "amount", Map.of("amount", "1", "currency", "USD"))));
        }
        String page = "query($id: ID!, $after: String) { campaign(id: $id) { costsConnection(first: 2, after: $after) {"
                + " totalCount edges { cursor node { id incurredOn } } pageInfo { hasNextPage endCursor } } } }";
        var days = new java.util.ArrayList<String>();
        var ids = new java.util.HashSet<String>();
        String after = null;
        do {
            var vars = new java.util.HashMap<String, Object>(Map.of("id", id));
            vars.put("after", after);
            var costs = GraphQL.ok(page, vars);
            assertThat(costs.getInt("data.campaign.costsConnection.totalCount")).isEqualTo(5);
            days.addAll(costs.getList("data.campaign.costsConnection.edges.node.incurredOn"));
            ids.addAll(costs.getList("data.campaign.costsConnection.edges.node.id"));
            after = costs.getBoolean("data.campaign.costsConnection.pageInfo.hasNextPage")
                    ? costs.getString("data.campaign.costsConnection.pageInfo.endCursor") : null;
        } while (after != null);
        assertThat(days).containsExactly("2026-03-03", "2026-03-03", "2026-03-03", "2026-03-02", "2026-03-01");
        assertThat(ids).hasSize(5);
    }

    @Test
    void a_duplicate_name_and_a_reversed_date_range_are_user_errors() {
        GraphQL.ok("mutation { campaignCreate(input: {name: \"Twice\", channel: EMAIL}) { campaign { id } } }");
        var twice = GraphQL.ok("mutation { campaignCreate(input: {name: \"Twice\", channel: EMAIL}) { campaign { id } userErrors { field code } } }");
        assertThat(twice.getList("data.campaignCreate.userErrors.code")).containsExactly("TAKEN");
        var reversed = GraphQL.ok("mutation { campaignCreate(input: {name: \"Back\", channel: EMAIL, startsOn: \"2026-05-01\", endsOn: \"2026-04-01\"}) { campaign { id } userErrors { field code } } }");
        assertThat(reversed.getList("data.campaignCreate.userErrors.code")).containsExactly("INVALID_RANGE");
        assertThat(reversed.getString("data.campaignCreate.campaign")).isNull();
    }
}
