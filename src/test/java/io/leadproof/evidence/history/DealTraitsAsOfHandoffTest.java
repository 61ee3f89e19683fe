package io.leadproof.evidence.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.leadproof.evidence.read.CohortQuery;
import io.leadproof.evidence.read.CohortReader;
import io.leadproof.lead.BudgetStatus;
import io.leadproof.security.WorkspaceScope;
import io.leadproof.support.GraphQL;
import io.leadproof.support.OwnerSql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * A CRM's deal carries its lead as the CRM knew it when the deal was handed over: budget unknown. Today the CRM says
 * the budget is approved. The analysis as of the handoff sees what was known then, not today's value; a deal whose
 * traits are refused lands nothing, the lead included.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DealTraitsAsOfHandoffTest {

    static final String WS = "deal-traits-as-of";
    static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC);
    static final String IMPORT = """
            mutation($i: DealsImportInput!) { dealsImport(input: $i) {
              handoffs { state imported } userErrors { field code message } } }""";

    @Inject
    CohortReader reader;
    @Inject
    WorkspaceScope scope;
    @Inject
    Clock clock;

    @Test
    @Order(1)
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void revops_imports_a_won_deal_with_the_lead_as_it_was_and_the_crm_approves_the_budget_later() {
        var won = deal("crm-deal-1", Map.of("externalId", "crm-lead-1", "email", "tess@crm.contoso.com", "jobTitle", "CTO",
                "budgetStatus", "UNKNOWN", "createdAt", NOW.minusDays(90).toString()));
        won.putAll(Map.of("acceptedAt", NOW.minusDays(59).toString(), "opportunityAt", NOW.minusDays(55).toString(),
                "wonAt", NOW.minusDays(30).toString(), "wonAmount", Map.of("amount", "9000.00", "currency", "USD")));
        var future = deal("crm-deal-2", Map.of("externalId", "crm-lead-2", "createdAt", NOW.minusDays(90).toString(),
                "observedAt", NOW.plusDays(2).toString()));
        var json = GraphQL.ok(IMPORT, Map.of("i", Map.of("deals", List.of(won, future))));
        assertThat(json.getList("data.dealsImport.handoffs.state")).containsExactly("WON");
        assertThat(json.getList("data.dealsImport.userErrors.code")).containsExactly("IN_FUTURE");
        assertThat(json.getList("data.dealsImport.userErrors[0].field")).containsExactly("deals", "1", "lead", "observedAt");

        var today = GraphQL.ok("mutation { leadUpsert(input: {externalId: \"crm-lead-1\", budgetStatus: APPROVED}) { lead { budgetStatus } } }");
        assertThat(today.getString("data.leadUpsert.lead.budgetStatus")).isEqualTo("APPROVED");
    }

    @Test
    @Order(2)
    void as_of_the_handoff_the_analysis_sees_the_budget_unknown() {
        scope.run(WS, () -> {
            var now = clock.instant();
            var cohort = reader.referenceLeads(CohortQuery.handedOff(WS, NOW.minusDays(365).toInstant(), now, now));
            assertThat(cohort).hasSize(1);
            assertThat(cohort.getFirst().traits().budgetStatus()).isEqualTo(BudgetStatus.UNKNOWN);
            assertThat(cohort.getFirst().traits().jobTitle()).isEqualTo("CTO");
        });
        assertThat(OwnerSql.strings("select r.budget_status || ' ' || (abs(extract(epoch from r.observed_at - h.created_at)) < 0.001) from lead_trait_revision r"
                + " join lead l on l.workspace_id = r.workspace_id and l.id = r.lead_id join handoff h on h.workspace_id = l.workspace_id"
                + " and h.lead_id = l.id where l.workspace_id = ? order by r.observed_at, r.id limit 1", WS))
                .as("the deal's traits were observed at the handoff").containsExactly("UNKNOWN true");
        assertThat(OwnerSql.strings("select count(*) from lead where workspace_id = ? and external_id = 'crm-lead-2'", WS))
                .as("the refused row left no lead").containsExactly("0");
    }

    private static Map<String, Object> deal(String id, Map<String, Object> lead) {
        var row = new HashMap<String, Object>();
        row.put("externalDealId", id);
        row.put("handedOffAt", NOW.minusDays(60).toString());
        row.put("lead", lead);
        return row;
    }
}
