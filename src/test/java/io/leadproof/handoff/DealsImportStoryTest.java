package io.leadproof.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.leadproof.support.GraphQL;
import io.leadproof.support.Members;
import io.leadproof.support.OwnerSql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * RevOps brings six months of CRM history: 20 won deals, 20 that went quiet after the first call, one rejection, and
 * five rows the CRM got wrong. The good rows land with their own dates, the bad ones are named row by row; a second
 * upload changes nothing. The history shows in the funnel metrics and in the signal analysis (budget confirmed on the
 * first call, 14 of 20 won vs 4 of 20 stalled), and never in Sam's queue, an assignment or an SLA breach.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DealsImportStoryTest {

    static final String WS = "deals-import-story";
    static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC);
    static final String IMPORT = """
            mutation($i: DealsImportInput!) { dealsImport(input: $i) {
              handoffs { id state imported externalDealId dueAt overdue owner createdAt closedAt }
              userErrors { field code message } } }""";
    static List<String> firstIds;

    @Test
    @Order(1)
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void revops_imports_the_history_and_the_bad_rows_are_named() {
        Members.rep(WS, "sam");
        GraphQL.ok("mutation { salesRepUpsert(input: {userName: \"sam\"}) { rep { userName } } }");
        var leads = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 45; i++) {
            leads.add(Map.of("externalId", "crm-lead-" + i, "email", "buyer" + i + "@history.contoso.com",
                    "createdAt", NOW.minusDays(200).toString()));
        }
        GraphQL.ok("mutation($i: LeadsImportInput!) { leadsImport(input: $i) { userErrors { code } } }", Map.of("i", Map.of("leads", leads)));

        var json = GraphQL.ok(IMPORT, Map.of("i", Map.of("deals", batch())));
        assertThat(json.getList("data.dealsImport.userErrors.code")).containsExactly("NOT_FOUND", "IN_FUTURE", "CONFLICTING_OUTCOMES",
                "UNKNOWN_REASON", "UNKNOWN_SIGNAL", "OUT_OF_ORDER");
        assertThat(json.getList("data.dealsImport.userErrors.field", List.class)).containsExactly(
                List.of("deals", "41", "leadExternalId"), List.of("deals", "42", "handedOffAt"), List.of("deals", "43", "lostAt"),
                List.of("deals", "44", "rejectionReasonCode"), List.of("deals", "45", "firstCallSignals", "0"),
                List.of("deals", "46", "handedOffAt"));
        List<Map<String, Object>> handoffs = json.getList("data.dealsImport.handoffs");
        assertThat(handoffs).hasSize(41).allSatisfy(h -> {
            assertThat(h.get("imported")).isEqualTo(true);
            assertThat(h.get("dueAt")).isNull();
            assertThat(h.get("overdue")).isEqualTo(false);
            assertThat(h.get("owner")).isEqualTo("sam");
        });
        assertThat(handoffs).extracting(h -> h.get("state")).containsOnly("WON", "ACCEPTED", "REJECTED");
        assertThat(OffsetDateTime.parse((String) handoffs.getFirst().get("createdAt")).toLocalDate()).isEqualTo(NOW.minusDays(180).toLocalDate());
        firstIds = handoffs.stream().map(h -> (String) h.get("id")).toList();
        assertThat(OwnerSql.strings("select lifecycle_stage from lead where workspace_id = ? and external_id in ('crm-lead-0', 'crm-lead-20', 'crm-lead-40')"
                + " order by external_id", WS)).containsExactly("WON", "SAL", "RECYCLED");
    }

    @Test
    @Order(2)
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void a_second_upload_of_the_same_history_changes_nothing() {
        long events = OwnerSql.count("select count(*) from handoff_event where workspace_id = ?", WS);
        var json = GraphQL.ok(IMPORT, Map.of("i", Map.of("deals", batch().subList(0, 41))));
        assertThat(json.getList("data.dealsImport.userErrors")).isEmpty();
        assertThat(json.getList("data.dealsImport.handoffs.id", String.class)).containsExactlyElementsOf(firstIds);
        assertThat(OwnerSql.count("select count(*) from handoff where workspace_id = ?", WS)).isEqualTo(41);
        assertThat(OwnerSql.count("select count(*) from handoff_event where workspace_id = ?", WS)).isEqualTo(events);
    }

    @Test
    @Order(3)
    @TestSecurity(user = "sam", roles = "sales", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void sams_queue_holds_none_of_it_and_nobody_was_assigned_anything() {
        assertThat(GraphQL.ok("{ myHandoffs { edges { node { id } } } }").getList("data.myHandoffs.edges")).isEmpty();
        assertThat(OwnerSql.count("select count(*) from handoff_event where workspace_id = ? and type in ('ASSIGNED', 'REASSIGNED')", WS)).isZero();
        assertThat(OwnerSql.count("select count(*) from sales_rep where workspace_id = ? and last_assigned_at is not null", WS)).isZero();
    }

    @Test
    @Order(4)
    @TestSecurity(user = "leo", roles = "leadership", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void the_history_counts_in_the_metrics_and_breaches_no_sla() {
        var m = GraphQL.ok("query($f: Date!, $t: Date!) { metrics(window: {from: $f, to: $t}) { handoffs accepted rejected won slaBreaches"
                + " acceptanceRate conversion { sqlToWon } } }",
                Map.of("f", LocalDate.now().minusDays(210).toString(), "t", LocalDate.now().plusDays(1).toString()));
        assertThat(m.getInt("data.metrics.handoffs")).isEqualTo(41);
        assertThat(m.getInt("data.metrics.won")).isEqualTo(20);
        assertThat(m.getInt("data.metrics.rejected")).isEqualTo(1);
        assertThat(m.getInt("data.metrics.slaBreaches")).isZero();
        assertThat(m.getDouble("data.metrics.conversion.sqlToWon")).isEqualTo(1.0);
    }

    @Test
    @Order(5)
    @TestSecurity(user = "leo", roles = "leadership", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void the_analysis_finds_the_budget_confirmed_on_the_first_call() {
        var json = GraphQL.ok("query($input: SignalAnalysisInput!) { signalAnalysis(input: $input) { analysis {"
                + " groupA { size } groupB { size } signals { key verdict groupA { count } groupB { count } } } userErrors { code } } }",
                Map.of("input", Map.of("window", Map.of("from", NOW.minusDays(200).toString(), "to", NOW.plusDays(1).toString()))));
        assertThat(json.getList("data.signalAnalysis.userErrors")).isEmpty();
        assertThat(json.getInt("data.signalAnalysis.analysis.groupA.size")).isEqualTo(20);
        assertThat(json.getInt("data.signalAnalysis.analysis.groupB.size")).isEqualTo(20);
        List<Map<String, Object>> signals = json.getList("data.signalAnalysis.analysis.signals");
        var budget = signals.stream().filter(s -> s.get("key").equals("first-call:BUDGET_CONFIRMED")).findFirst().orElseThrow();
        assertThat(budget.get("verdict")).isEqualTo("STRONG");
        assertThat(budget.get("groupA")).isEqualTo(Map.of("count", 14));
        assertThat(budget.get("groupB")).isEqualTo(Map.of("count", 4));
    }

    /** Rows 0–19 won, 20–39 quiet since the first call, 40 rejected; 41–45 what the CRM got wrong. */
    static List<Map<String, Object>> batch() {
        var rows = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 41; i++) {
            OffsetDateTime handedOff = NOW.minusDays(180).plusHours(i);
            var row = deal(i, handedOff);
            if (i == 40) {
                row.put("rejectedAt", handedOff.plusDays(1).toString());
                row.put("rejectionReasonCode", "NO_BUDGET");
                row.put("rejectionNotes", "No budget this year");
            } else {
                row.put("acceptedAt", handedOff.plusDays(1).toString());
                row.put("firstCallAt", handedOff.plusDays(2).toString());
                row.put("firstCallNotes", "Discovery call");
                boolean budget = i < 20 ? i < 14 : i < 24;
                row.put("firstCallSignals", budget ? List.of("BUDGET_CONFIRMED", "PAIN_STATED") : List.of("PAIN_STATED"));
            }
            if (i < 20) {
                row.put("opportunityAt", handedOff.plusDays(5).toString());
                row.put("wonAt", handedOff.plusDays(40).toString());
                row.put("wonAmount", Map.of("amount", "12000.00", "currency", "USD"));
            }
            rows.add(row);
        }
        var unknownLead = deal(41, NOW.minusDays(100));
        unknownLead.remove("leadExternalId");
        unknownLead.put("leadExternalId", "crm-lead-nobody");
        rows.add(unknownLead);
        rows.add(deal(42, NOW.plusDays(3)));
        var both = deal(43, NOW.minusDays(100));
        both.putAll(Map.of("acceptedAt", NOW.minusDays(99).toString(), "opportunityAt", NOW.minusDays(98).toString(),
                "wonAt", NOW.minusDays(90).toString(), "wonAmount", Map.of("amount", "100.00", "currency", "USD"),
                "lostAt", NOW.minusDays(90).toString(), "lostReason", "Price"));
        rows.add(both);
        var reason = deal(44, NOW.minusDays(100));
        reason.putAll(Map.of("rejectedAt", NOW.minusDays(99).toString(), "rejectionReasonCode", "NOT_A_REASON"));
        rows.add(reason);
        var signal = deal(45, NOW.minusDays(100));
        signal.putAll(Map.of("firstCallAt", NOW.minusDays(99).toString(), "firstCallSignals", List.of("NOT_A_SIGNAL")));
        rows.add(signal);
        var beforeTheLead = deal(46, NOW.minusDays(300)); // the lead was created 200 days ago: the rule's own code, not a conflict
        beforeTheLead.put("leadExternalId", "crm-lead-44");
        rows.add(beforeTheLead);
        return rows;
    }

    private static Map<String, Object> deal(int i, OffsetDateTime handedOff) {
        var row = new HashMap<String, Object>();
        row.put("externalDealId", "crm-deal-" + i);
        row.put("leadExternalId", "crm-lead-" + (i == 45 ? 44 : i));
        row.put("handedOffAt", handedOff.toString());
        row.put("ownerId", "sam");
        return row;
    }
}
