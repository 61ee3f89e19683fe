package io.leadproof.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.leadproof.support.GraphQL;
import io.leadproof.support.Members;
import io.leadproof.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * The story of one lead: it downloads a BOFU offer, crosses the threshold, is handed to a rep by
 * round robin, is rejected for NO_BUDGET and recycled, re-qualifies a month later on new engagement,
 * is accepted by the next rep, becomes an opportunity and is won; leadership then reads the campaign's metrics, every
 * number worked out by hand from this one story.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HandoffStoryTest {

    static final String WS = "handoff-story";
    static String leadId;
    static String campaignId;
    static String firstHandoff;
    static String secondHandoff;
    static Instant start;

    @AfterAll
    static void backToNow() {
        TestClock.reset();
    }

    @Test
    @Order(1)
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void revops_registers_two_reps_and_a_campaign_with_its_cost() {
        campaignId = GraphQL.ok("mutation { campaignCreate(input: {name: \"Navy webinar series\", channel: EVENT}) { campaign { id } } }")
                .getString("data.campaignCreate.campaign.id");
        var cost = GraphQL.ok("mutation($c: ID!, $d: Date!) { campaignCostRecord(input: {campaignId: $c, incurredOn: $d,"
                + " amount: {amount: \"3000.00\", currency: \"USD\"}}) { userErrors { code } } }",
                Map.of("c", campaignId, "d", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString()));
        assertThat(cost.getList("data.campaignCostRecord.userErrors")).isEmpty();
        for (String rep : List.of("sam", "sue")) {
            Members.rep(WS, rep); // both have signed in to the workspace as sales once
            var json = GraphQL.ok("mutation($u: String!) { salesRepUpsert(input: {userName: $u}) { rep { userName available } } }", Map.of("u", rep));
            assertThat(json.getBoolean("data.salesRepUpsert.rep.available")).isTrue();
        }
    }

    @Test
    @Order(2)
    @TestSecurity(user = "mia", roles = "marketing", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void a_cto_with_budget_requests_a_demo_and_is_handed_to_the_first_rep() {
        start = Instant.now();
        leadId = GraphQL.ok("mutation($c: ID) { leadUpsert(input: {email: \"grace@navy.contoso.com\", jobTitle: \"CTO\", budgetStatus: APPROVED,"
                + " campaignId: $c}) { lead { id } } }", Map.of("c", campaignId)).getString("data.leadUpsert.lead.id");
        record(List.of(event("story-1", "DEMO_REQUESTED", "BOFU"), event("story-2", "EBOOK_DOWNLOAD", "TOFU")));

        var lead = lead();
        assertThat(lead.getString("data.lead.lifecycleStage")).isEqualTo("HANDED_OFF");
        assertThat(lead.getList("data.lead.handoffs")).hasSize(1);
        firstHandoff = lead.getString("data.lead.handoffs[0].id");
        assertThat(lead.getString("data.lead.handoffs[0].owner")).isEqualTo("sam");
        assertThat(lead.getInt("data.lead.handoffs[0].evidence.total")).isEqualTo(50);
        assertThat(lead.getList("data.lead.handoffs[0].evidence.contributions.ruleKey"))
                .contains("c-level-title", "budget-approved", "bofu-offer", "tofu-ebook");
        assertThat(lead.getList("data.lead.handoffs[0].events.type")).containsExactly("CREATED", "ASSIGNED");
        assertThat(lead.getList("data.lead.handoffs[0].events.actor")).containsOnly("leadproof");
        var due = OffsetDateTime.parse(lead.getString("data.lead.handoffs[0].dueAt"));
        var created = OffsetDateTime.parse(lead.getString("data.lead.handoffs[0].createdAt"));
        assertThat(Duration.between(created, due)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    @Order(3)
    @TestSecurity(user = "sam", roles = "sales", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void sam_finds_it_in_his_queue_and_rejects_it_for_no_budget() {
        var queue = GraphQL.ok("{ myHandoffs { edges { node { id state overdue } } } }");
        assertThat(queue.getList("data.myHandoffs.edges.node.id")).containsExactly(firstHandoff);
        var rejected = GraphQL.ok("""
                mutation($h: ID!) { handoffReject(input: {handoffId: $h, reasonCode: "NO_BUDGET", notes: "Budget frozen until Q3"}) {
                  handoff { state firstResponseAt rejection { code category notes disposition } } userErrors { code } } }""",
                Map.of("h", firstHandoff));
        assertThat(rejected.getList("data.handoffReject.userErrors")).isEmpty();
        assertThat(rejected.getString("data.handoffReject.handoff.state")).isEqualTo("REJECTED");
        assertThat(rejected.getString("data.handoffReject.handoff.rejection.category")).isEqualTo("BUDGET");
        assertThat(rejected.getString("data.handoffReject.handoff.rejection.disposition")).isEqualTo("RECYCLED");
        assertThat(rejected.getString("data.handoffReject.handoff.firstResponseAt")).isNotNull();
    }

    @Test
    @Order(4)
    @TestSecurity(user = "mia", roles = "marketing", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void marketing_sees_why_and_a_month_later_the_lead_engages_again_and_requalifies() {
        var lead = lead();
        assertThat(lead.getString("data.lead.lifecycleStage")).isEqualTo("RECYCLED");
        assertThat(lead.getString("data.lead.handoffs[0].rejection.notes")).isEqualTo("Budget frozen until Q3");

        TestClock.travel(Duration.ofDays(30));
        record(List.of(event("story-3", "WEBINAR_ATTENDED", "MOFU")));
        var again = lead();
        assertThat(again.getString("data.lead.lifecycleStage")).isEqualTo("HANDED_OFF");
        assertThat(again.getList("data.lead.handoffs")).hasSize(2);
        secondHandoff = again.getString("data.lead.handoffs[1].id");
        assertThat(again.getString("data.lead.handoffs[1].owner")).as("round robin moves on").isEqualTo("sue");
        var created = OffsetDateTime.parse(again.getString("data.lead.handoffs[1].createdAt")).toInstant();
        assertThat(Duration.between(start, created)).isGreaterThanOrEqualTo(Duration.ofDays(30));
        assertThat(again.getList("data.lead.mqlCrossings")).as("MQL under a version is recorded once").hasSize(1);
    }

    @Test
    @Order(5)
    @TestSecurity(user = "sue", roles = "sales", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void sue_accepts_opens_an_opportunity_and_wins_it() {
        var accept = GraphQL.ok("mutation($h: ID!) { handoffAccept(input: {handoffId: $h, idempotencyKey: \"acc-1\"}) { handoff { state } userErrors { code } } }",
                Map.of("h", secondHandoff));
        assertThat(accept.getString("data.handoffAccept.handoff.state")).isEqualTo("ACCEPTED");
        var retry = GraphQL.ok("mutation($h: ID!) { handoffAccept(input: {handoffId: $h, idempotencyKey: \"acc-1\"}) { handoff { state } userErrors { code } } }",
                Map.of("h", secondHandoff));
        assertThat(retry.getList("data.handoffAccept.userErrors")).as("a retry returns the first result").isEmpty();
        var opportunity = GraphQL.ok("mutation($h: ID!) { opportunityCreate(input: {handoffId: $h, name: \"Navy – 50 seats\"}) { handoff { state } } }",
                Map.of("h", secondHandoff));
        assertThat(opportunity.getString("data.opportunityCreate.handoff.state")).isEqualTo("OPPORTUNITY");
        var won = GraphQL.ok("mutation($h: ID!) { dealWin(input: {handoffId: $h, amount: {amount: \"12000.00\", currency: \"USD\"}}) { handoff { state wonAmount { amount currency } } } }",
                Map.of("h", secondHandoff));
        assertThat(won.getString("data.dealWin.handoff.state")).isEqualTo("WON");
        assertThat(won.getString("data.dealWin.handoff.wonAmount.amount")).isEqualTo("12000.00");
        var late = GraphQL.ok("mutation($h: ID!) { handoffReject(input: {handoffId: $h, reasonCode: \"NO_NEED\"}) { handoff { state } userErrors { code } } }",
                Map.of("h", secondHandoff));
        assertThat(late.getList("data.handoffReject.userErrors.code")).containsExactly("INVALID_TRANSITION");
    }

    @Test
    @Order(6)
    @TestSecurity(user = "leo", roles = "leadership", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void the_whole_story_is_in_the_audit_log() {
        var lead = lead();
        assertThat(lead.getString("data.lead.lifecycleStage")).isEqualTo("WON");
        assertThat(lead.getList("data.lead.handoffs[0].events.type")).containsExactly("CREATED", "ASSIGNED", "REJECTED");
        assertThat(lead.getList("data.lead.handoffs[0].events.actor")).containsExactly("leadproof", "leadproof", "sam");
        assertThat(lead.getList("data.lead.handoffs[1].events.type"))
                .containsExactly("CREATED", "ASSIGNED", "ACCEPTED", "OPPORTUNITY_CREATED", "WON");
        assertThat(lead.getList("data.lead.handoffs[1].events.actor")).containsExactly("leadproof", "leadproof", "sue", "sue", "sue");
        List<String> times = lead.getList("data.lead.handoffs[1].events.occurredAt");
        assertThat(times).isSortedAccordingTo((a, b) -> OffsetDateTime.parse(a).compareTo(OffsetDateTime.parse(b)));
        assertThat(Duration.between(start, OffsetDateTime.parse(times.getFirst()).toInstant())).isGreaterThanOrEqualTo(Duration.ofDays(30));
        assertThat(lead.getList("data.lead.handoffs[1].events.toState")).containsExactly("PENDING", "PENDING", "ACCEPTED", "OPPORTUNITY", "WON");

        String page = "query($h: ID!, $after: String) { handoff(id: $h) { eventsConnection(first: 2, after: $after) {"
                + " totalCount edges { node { type } } pageInfo { hasNextPage endCursor } } } }";
        var types = new java.util.ArrayList<String>();
        String after = null;
        do {
            var vars = new java.util.HashMap<String, Object>(Map.of("h", secondHandoff));
            vars.put("after", after);
            var events = GraphQL.ok(page, vars);
            assertThat(events.getInt("data.handoff.eventsConnection.totalCount")).isEqualTo(5);
            types.addAll(events.getList("data.handoff.eventsConnection.edges.node.type"));
            after = events.getBoolean("data.handoff.eventsConnection.pageInfo.hasNextPage")
                    ? events.getString("data.handoff.eventsConnection.pageInfo.endCursor") : null;
        } while (after != null);
        assertThat(types).as("paged like the whole log").containsExactly("CREATED", "ASSIGNED", "ACCEPTED", "OPPORTUNITY_CREATED", "WON");
        var tooMany = GraphQL.post("query($h: ID!) { handoff(id: $h) { eventsConnection(first: 101) { totalCount } } }", Map.of("h", secondHandoff));
        assertThat(tooMany.getString("errors[0].extensions.reason")).as("page cap (QueryLimitsTest leaves this probe to the story)")
                .isEqualTo("INVALID_PAGE_SIZE");
    }

    @Test
    @Order(7)
    @TestSecurity(user = "leo", roles = "leadership", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void leadership_sees_one_lead_that_cost_3000_and_won_12000() {
        var today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        Map<String, Object> m = GraphQL.ok("""
                query($w: MetricsWindowInput!, $f: MetricsFilterInput) { metrics(window: $w, filter: $f) {
                  leads mqls qualificationRate handoffs accepted rejected acceptanceRate rejectionsByReason { code category count }
                  badLeads badLeadRate sqls won lost conversion { leadToMql mqlToSal salToSql sqlToWon leadToWon }
                  revenue { amount currency } responseTime { responded medianSeconds } slaBreaches
                  scoreBandOutcomes { from handoffs won winRate averageWonAmount { amount } }
                  spend { total { amount } cpl { amount } costPerMql { amount } costPerSal { amount } costPerSql { amount } cpa { amount } roi } } }""",
                Map.of("w", Map.of("from", today.minusDays(1).toString(), "to", today.plusDays(40).toString()),
                        "f", Map.of("campaignIds", List.of(campaignId)))).getMap("data.metrics");
        var expected = new java.util.LinkedHashMap<String, Object>();
        expected.put("leads", 1);            // Grace
        expected.put("mqls", 1);             // she crossed 50 once
        expected.put("qualificationRate", "1.0000");
        expected.put("handoffs", 1);         // leads handed off, not handoffs: she was handed off twice
        expected.put("accepted", 1);         // the second handoff was accepted and won
        expected.put("rejected", 1);         // the first was rejected for NO_BUDGET
        expected.put("acceptanceRate", "0.5000");
        expected.put("badLeads", 1);
        expected.put("badLeadRate", "1.0000");
        expected.put("sqls", 1);
        expected.put("won", 1);
        expected.put("lost", 0);
        expected.put("slaBreaches", 0);      // both responses came within minutes of the handoff
        assertThat(m).containsAllEntriesOf(expected);
        assertThat(m.get("rejectionsByReason")).isEqualTo(List.of(Map.of("code", "NO_BUDGET", "category", "BUDGET", "count", 1)));
        assertThat(m.get("conversion")).isEqualTo(Map.of("leadToMql", "1.0000", "mqlToSal", "1.0000", "salToSql", "1.0000",
                "sqlToWon", "1.0000", "leadToWon", "1.0000"));
        assertThat(m.get("revenue")).isEqualTo(Map.of("amount", "12000.00", "currency", "USD"));
        assertThat(m.get("spend")).isEqualTo(Map.of("total", Map.of("amount", "3000.00"), "cpl", Map.of("amount", "3000.00"),
                "costPerMql", Map.of("amount", "3000.00"), "costPerSal", Map.of("amount", "3000.00"),
                "costPerSql", Map.of("amount", "3000.00"), "cpa", Map.of("amount", "3000.00"), "roi", "3.0000")); // (12000 − 3000) / 3000
        @SuppressWarnings("unchecked")
        var response = (Map<String, Object>) m.get("responseTime");
        assertThat(response.get("responded")).isEqualTo(2);
        assertThat(((Number) response.get("medianSeconds")).longValue()).isBetween(0L, 600L);
        @SuppressWarnings("unchecked")
        var bands = (List<Map<String, Object>>) m.get("scoreBandOutcomes");
        assertThat(bands.stream().mapToInt(b -> (Integer) b.get("handoffs")).sum()).isEqualTo(2);
        assertThat(bands.stream().mapToInt(b -> (Integer) b.get("won")).sum()).isEqualTo(1);
        assertThat(bands.getFirst().get("from")).as("the first handoff's frozen score was exactly 50").isEqualTo(50);
    }

    private static Map<String, Object> event(String id, String type, String stage) {
        return Map.of("clientEventId", id, "leadId", leadId, "type", type, "funnelStage", stage,
                "occurredAt", OffsetDateTime.now().plus(TestClock.offset()).minusMinutes(1).toString());
    }

    private static void record(List<Map<String, Object>> events) {
        var json = GraphQL.ok("mutation($i: ActivitiesRecordInput!) { activitiesRecord(input: $i) { recordedCount userErrors { code } } }",
                Map.of("i", Map.of("activities", events)));
        assertThat(json.getInt("data.activitiesRecord.recordedCount")).isEqualTo(events.size());
    }

    private static io.restassured.path.json.JsonPath lead() {
        return GraphQL.ok("""
                query($id: ID!) { lead(id: $id) { lifecycleStage mqlCrossings { versionId }
                  handoffs { id state owner createdAt dueAt
                    evidence { total contributions { ruleKey points } lead { key value } }
                    rejection { code category notes disposition }
                    events { type actor occurredAt fromState toState } } } }""", Map.of("id", leadId));
    }
}
