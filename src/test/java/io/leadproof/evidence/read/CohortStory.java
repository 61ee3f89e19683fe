package io.leadproof.evidence.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.leadproof.support.GraphQL;
import io.leadproof.support.TestClock;

/** The GraphQL steps evidence stories share: a qualifying lead, its activities, sales' answers. */
final class CohortStory {

    private CohortStory() {
    }

    /** A CTO with an approved budget who requests a demo: qualifies under the default criteria and is handed off. */
    static String qualifyingLead(String email, String campaignId) {
        String id = GraphQL.ok("mutation($e: String!, $c: ID) { leadUpsert(input: {email: $e, jobTitle: \"CTO\","
                + " budgetStatus: APPROVED, campaignId: $c}) { lead { id } } }", variables(email, campaignId))
                .getString("data.leadUpsert.lead.id");
        activity(id, email + "-demo", "DEMO_REQUESTED", "BOFU");
        activity(id, email + "-ebook", "EBOOK_DOWNLOAD", "TOFU");
        return id;
    }

    private static Map<String, Object> variables(String email, String campaignId) {
        var variables = new java.util.HashMap<String, Object>();
        variables.put("e", email);
        variables.put("c", campaignId);
        return variables;
    }

    static void activity(String leadId, String clientEventId, String type, String stage) {
        var json = GraphQL.ok("mutation($i: ActivitiesRecordInput!) { activitiesRecord(input: $i) { recordedCount userErrors { code } } }",
                Map.of("i", Map.of("activities", List.of(Map.of("clientEventId", clientEventId, "leadId", leadId, "type", type,
                        "funnelStage", stage, "occurredAt", OffsetDateTime.now().plus(TestClock.offset()).minusMinutes(1).toString())))));
        assertThat(json.getInt("data.activitiesRecord.recordedCount")).isEqualTo(1);
    }

    static String handoffOf(String leadId) {
        return GraphQL.ok("query($id: ID!) { lead(id: $id) { handoffs { id } } }", Map.of("id", leadId))
                .getString("data.lead.handoffs[-1].id");
    }

    static void act(String mutation, String handoffId, String extra) {
        var json = GraphQL.ok("mutation($h: ID!) { " + mutation + "(input: {handoffId: $h" + extra + "}) { userErrors { code message } } }",
                Map.of("h", handoffId));
        assertThat(json.getList("data." + mutation + ".userErrors")).as(mutation).isEmpty();
    }
}
