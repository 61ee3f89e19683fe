package io.leadproof.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadproof.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * The score and its ledger entry are written by one statement (new leads scored on arrival, revised leads scored after
 * the write): a new lead's entry has no old total, a total written again unchanged adds no entry, a changed total adds
 * one with the total before, and the stored score is the one the ledger names.
 */
@QuarkusTest
@TestSecurity(user = "ada", roles = { "revops-admin", "marketing" },
        attributes = @SecurityAttribute(key = "workspaces", value = "score-ledger", type = AttributeType.STRING_SET))
class ScoreLedgerStatementTest {

    static final String IMPORT = """
            mutation($i: LeadsImportInput!) { leadsImport(input: $i) { createdCount updatedCount leads { id } userErrors { code } } }""";
    static final String LEAD = """
            query($id: ID!) { lead(id: $id) { score { total }
              scoreHistory(first: 10) { edges { node { oldTotal newTotal cause } } } } }""";

    @Test
    void each_changed_total_is_one_ledger_entry_with_the_total_before() {
        var first = GraphQL.ok(IMPORT, Map.of("i", Map.of("leads", List.of(
                Map.of("externalId", "ledger-1", "email", "cto@buyer.contoso.com", "jobTitle", "CTO", "budgetStatus", "APPROVED"),
                Map.of("externalId", "ledger-2", "email", "dev@buyer.contoso.com", "jobTitle", "Engineer")))));
        assertThat(first.getInt("data.leadsImport.createdCount")).isEqualTo(2);
        String cto = first.getString("data.leadsImport.leads[0].id");
        String dev = first.getString("data.leadsImport.leads[1].id");
        int ctoTotal = total(cto);
        int devTotal = total(dev);
        assertThat(ctoTotal).as("C-level 10 + budget approved 15").isEqualTo(25);
        assertThat(history(cto)).containsExactly(entry(null, ctoTotal));
        assertThat(history(dev)).containsExactly(entry(null, devTotal));

        var again = GraphQL.ok(IMPORT, Map.of("i", Map.of("leads", List.of(
                Map.of("externalId", "ledger-1", "email", "cto@buyer.contoso.com", "jobTitle", "CTO", "budgetStatus", "APPROVED")))));
        assertThat(again.getInt("data.leadsImport.updatedCount")).isEqualTo(1);
        assertThat(history(cto)).as("the same total written again").containsExactly(entry(null, ctoTotal));

        var mixed = GraphQL.ok(IMPORT, Map.of("i", Map.of("leads", List.of(
                Map.of("externalId", "ledger-2", "email", "dev@buyer.contoso.com", "jobTitle", "CTO", "budgetStatus", "APPROVED"),
                Map.of("externalId", "ledger-3", "email", "vp@buyer.contoso.com", "jobTitle", "VP Sales")))));
        assertThat(mixed.getInt("data.leadsImport.createdCount")).isEqualTo(1);
        assertThat(mixed.getInt("data.leadsImport.updatedCount")).isEqualTo(1);
        String vp = mixed.getString("data.leadsImport.leads[1].id");
        assertThat(total(dev)).isEqualTo(25);
        assertThat(history(dev)).containsExactly(entry(devTotal, 25), entry(null, devTotal));
        assertThat(history(vp)).containsExactly(entry(null, total(vp)));
    }

    private static int total(String lead) {
        return GraphQL.ok(LEAD, Map.of("id", lead)).getInt("data.lead.score.total");
    }

    private static List<List<Object>> history(String lead) {
        var json = GraphQL.ok(LEAD, Map.of("id", lead));
        List<Object> olds = json.getList("data.lead.scoreHistory.edges.node.oldTotal");
        List<Object> news = json.getList("data.lead.scoreHistory.edges.node.newTotal");
        List<String> causes = json.getList("data.lead.scoreHistory.edges.node.cause");
        assertThat(causes).allMatch("LEAD_CHANGED"::equals);
        return java.util.stream.IntStream.range(0, news.size()).mapToObj(i -> entry((Integer) olds.get(i), (Integer) news.get(i))).toList();
    }

    private static List<Object> entry(Integer oldTotal, Integer newTotal) {
        return Arrays.asList(oldTotal, newTotal);
    }
}
