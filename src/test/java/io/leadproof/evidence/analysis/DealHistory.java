package io.leadproof.evidence.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.leadproof.support.GraphQL;
import io.leadproof.support.Members;
import io.leadproof.support.TestClock;

/**
 * Test data builder: deals played through the public API as marketing and sales would. Every lead is a CTO and decision
 * maker who viewed the pricing page; what differs is planted per deal: a demo request (else a contact request, also
 * bottom of funnel) and an approved budget (else unknown). Each qualifies, is handed to the rep, accepted, and then won,
 * lost, rejected or left quiet (stalled once the clock moves on by more than the stall period).
 */
final class DealHistory {
    enum End { WON, LOST, QUIET, REJECTED }

    private final String prefix;
    private int n;
    final List<String> handoffs = new ArrayList<>();

    DealHistory(String workspace, String prefix) {
        this.prefix = prefix;
        Members.rep(workspace, "sam");
        GraphQL.ok("mutation { salesRepUpsert(input: {userName: \"sam\"}) { rep { userName } } }");
    }

    /** {@code count} deals ending in {@code end}: the first {@code withDemo} requested a demo, those in [budgetFrom, budgetTo) had a budget. */
    DealHistory deals(int count, End end, int withDemo, int budgetFrom, int budgetTo) {
        for (int i = 0; i < count; i++) {
            deal(end, i < withDemo, i >= budgetFrom && i < budgetTo);
        }
        return this;
    }

    String deal(End end, boolean demo, boolean budget) {
        String email = prefix + "-" + (n++) + "@deals.contoso.com";
        String leadId = GraphQL.ok("mutation($e: String!, $b: BudgetStatus!) { leadUpsert(input: {email: $e, jobTitle: \"CTO\","
                + " authority: DECISION_MAKER, budgetStatus: $b}) { lead { id } userErrors { code } } }",
                Map.of("e", email, "b", budget ? "APPROVED" : "UNKNOWN")).getString("data.leadUpsert.lead.id");
        String at = OffsetDateTime.now().plus(TestClock.offset()).minusMinutes(1).toString();
        var recorded = GraphQL.ok("mutation($i: ActivitiesRecordInput!) { activitiesRecord(input: $i) { recordedCount } }",
                Map.of("i", Map.of("activities", List.of(
                        Map.of("clientEventId", email + "-pricing", "leadId", leadId, "type", "PRICING_PAGE_VIEW", "occurredAt", at),
                        Map.of("clientEventId", email + "-bofu", "leadId", leadId, "type", demo ? "DEMO_REQUESTED" : "CONTACT_REQUESTED",
                                "funnelStage", "BOFU", "occurredAt", at)))));
        assertThat(recorded.getInt("data.activitiesRecord.recordedCount")).isEqualTo(2);
        String handoff = GraphQL.ok("query($id: ID!) { lead(id: $id) { handoffs { id } } }", Map.of("id", leadId))
                .getString("data.lead.handoffs[-1].id");
        assertThat(handoff).as("the lead qualified and was handed off").isNotNull();
        handoffs.add(handoff);
        if (end == End.REJECTED) {
            act("handoffReject", handoff, ", reasonCode: \"NO_BUDGET\"");
            return leadId;
        }
        act("handoffAccept", handoff, "");
        switch (end) {
            case WON -> {
                act("opportunityCreate", handoff, ", name: \"Deal " + n + "\"");
                act("dealWin", handoff, ", amount: {amount: \"1000.00\", currency: \"" + currency() + "\"}");
            }
            case LOST -> {
                act("opportunityCreate", handoff, ", name: \"Deal " + n + "\"");
                act("dealLose", handoff, ", reason: \"Chose another vendor\"");
            }
            default -> { }
        }
        return leadId;
    }

    private static String currency() {
        return GraphQL.ok("{ workspace { reportingCurrency } }").getString("data.workspace.reportingCurrency");
    }

    static void act(String mutation, String handoffId, String extra) {
        var json = GraphQL.ok("mutation($h: ID!) { " + mutation + "(input: {handoffId: $h" + extra + "}) { userErrors { code message } } }",
                Map.of("h", handoffId));
        assertThat(json.getList("data." + mutation + ".userErrors")).as(mutation).isEmpty();
    }
}
