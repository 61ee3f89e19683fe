package io.leadproof.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadproof.support.GraphQL;
import io.leadproof.support.Members;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/** A workspace that hands off by hand: MQLs wait for marketing, who picks the rep; a retried call hands off once. */
@QuarkusTest
@TestSecurity(user = "ada", roles = { "revops-admin", "marketing" },
        attributes = @SecurityAttribute(key = "workspaces", value = "manual-handoff", type = AttributeType.STRING_SET))
class ManualHandoffTest {

    static final String CREATE = """
            mutation($l: ID!, $k: String) { handoffCreate(input: {leadId: $l, ownerId: "lee", idempotencyKey: $k}) {
              handoff { id owner state evidence { total } events { type } } userErrors { code } } }""";

    @Test
    void an_mql_waits_for_marketing_to_hand_it_to_the_chosen_rep() {
        GraphQL.ok("mutation { workspaceUpdate(input: {handoffMode: MANUAL}) { workspace { handoffMode } } }");
        Members.rep("manual-handoff", "lee");
        GraphQL.ok("mutation { salesRepUpsert(input: {userName: \"lee\"}) { rep { userName } } }");
        String lead = GraphQL.ok("mutation { leadUpsert(input: {email: \"m@manual.contoso.com\", jobTitle: \"COO\", budgetStatus: APPROVED}) { lead { id } } }")
                .getString("data.leadUpsert.lead.id");
        var tooEarly = GraphQL.ok(CREATE, Map.of("l", lead));
        assertThat(tooEarly.getList("data.handoffCreate.userErrors.code")).containsExactly("NOT_MQL");

        GraphQL.ok("mutation($i: ActivitiesRecordInput!) { activitiesRecord(input: $i) { recordedCount } }", Map.of("i", Map.of("activities", List.of(
                Map.of("clientEventId", "m-1", "leadId", lead, "type", "DEMO_REQUESTED", "funnelStage", "BOFU", "occurredAt", OffsetDateTime.now().minusMinutes(1).toString()),
                Map.of("clientEventId", "m-2", "leadId", lead, "type", "EBOOK_DOWNLOAD", "funnelStage", "TOFU", "occurredAt", OffsetDateTime.now().minusMinutes(1).toString())))));
        var waiting = GraphQL.ok("query($id: ID!) { lead(id: $id) { lifecycleStage handoffs { id } } }", Map.of("id", lead));
        assertThat(waiting.getString("data.lead.lifecycleStage")).isEqualTo("MQL");
        assertThat(waiting.getList("data.lead.handoffs")).isEmpty();

        var created = GraphQL.ok(CREATE, Map.of("l", lead, "k", "hand-1"));
        assertThat(created.getList("data.handoffCreate.userErrors")).isEmpty();
        assertThat(created.getString("data.handoffCreate.handoff.owner")).isEqualTo("lee");
        assertThat(created.getInt("data.handoffCreate.handoff.evidence.total")).isEqualTo(50);
        assertThat(created.getList("data.handoffCreate.handoff.events.type")).containsExactly("CREATED", "ASSIGNED");
        var retried = GraphQL.ok(CREATE, Map.of("l", lead, "k", "hand-1"));
        assertThat(retried.getString("data.handoffCreate.handoff.id")).isEqualTo(created.getString("data.handoffCreate.handoff.id"));
        var handedOff = GraphQL.ok("query($id: ID!) { lead(id: $id) { lifecycleStage handoffs { id } } }", Map.of("id", lead));
        assertThat(handedOff.getString("data.lead.lifecycleStage")).isEqualTo("HANDED_OFF");
        assertThat(handedOff.getList("data.lead.handoffs")).hasSize(1);
    }
}
