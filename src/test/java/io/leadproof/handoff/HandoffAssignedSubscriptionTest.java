package io.leadproof.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.leadproof.e2e.Api;
import io.leadproof.e2e.RealTokenClient;
import io.leadproof.e2e.Subscriptions;
import io.quarkus.test.junit.QuarkusTest;

/** A rep subscribed over graphql-ws is pushed the handoff the moment it is assigned to them, and nothing of others. */
@QuarkusTest
class HandoffAssignedSubscriptionTest {

    static final String SUBSCRIBE = "subscription { handoffAssigned { handoffId leadId owner scoreTotal dueAt"
            + " handoff { __typename id state dueAt overdue evidence { total contributions { ruleKey } } } } }";

    @Test
    void sam_is_pushed_the_handoff_assigned_to_him() throws Exception {
        var admin = Api.as("ada.admin");
        var marketing = Api.as("mia.marketing");
        Api.as("sam.sales").ok("{ viewer { userName } }"); // a rep signs in once before RevOps can register them
        Api.as("sue.sales").ok("{ viewer { userName } }");
        admin.ok("mutation { salesRepUpsert(input: {userName: \"sam.sales\"}) { rep { userName } } }");
        admin.ok("mutation { salesRepUpsert(input: {userName: \"sue.sales\"}) { rep { userName } } }");
        String email = "push-" + UUID.randomUUID() + "@push.contoso.com";
        String lead = marketing.ok("mutation($e: String!) { leadUpsert(input: {email: $e, jobTitle: \"CFO\", budgetStatus: APPROVED}) { lead { id } } }",
                Map.of("e", email)).json().getString("data.leadUpsert.lead.id");
        marketing.ok("mutation($i: ActivitiesRecordInput!) { activitiesRecord(input: $i) { recordedCount } }", Map.of("i", Map.of("activities",
                List.of(Map.of("clientEventId", email + "-1", "leadId", lead, "type", "DEMO_REQUESTED", "funnelStage", "BOFU",
                        "occurredAt", OffsetDateTime.now().minusMinutes(1).toString()),
                        Map.of("clientEventId", email + "-2", "leadId", lead, "type", "EBOOK_DOWNLOAD", "funnelStage", "TOFU",
                                "occurredAt", OffsetDateTime.now().minusMinutes(1).toString())))));
        String handoff = admin.ok("query($id: ID!) { lead(id: $id) { handoffs { id } } }", Map.of("id", lead))
                .json().getString("data.lead.handoffs[0].id");

        String samToken = RealTokenClient.token("sam.sales");
        var pushed = CompletableFuture.supplyAsync(() -> Subscriptions.first(samToken, null, SUBSCRIBE, Map.of()));
        Thread.sleep(1000); // let the subscription register before the assignment commits
        admin.ok("mutation($h: ID!) { handoffAssign(input: {handoffId: $h, ownerId: \"sue.sales\"}) { handoff { owner } } }", Map.of("h", handoff));
        admin.ok("mutation($h: ID!) { handoffAssign(input: {handoffId: $h, ownerId: \"sam.sales\"}) { handoff { owner } } }", Map.of("h", handoff));

        var result = pushed.get();
        assertThat(result.errors()).isEmpty();
        assertThat(result.json().getString("data.handoffAssigned.handoffId")).isEqualTo(handoff);
        assertThat(result.json().getString("data.handoffAssigned.owner")).as("sue's assignment is not pushed to sam").isEqualTo("sam.sales");
        assertThat(result.json().getString("data.handoffAssigned.leadId")).isEqualTo(lead);
        assertThat(result.json().getInt("data.handoffAssigned.scoreTotal")).isGreaterThanOrEqualTo(50);
        // the Handoff itself, read in sam's workspace, so a normalised cache adds it to his queue without a refetch
        assertThat(result.json().getString("data.handoffAssigned.handoff.__typename")).isEqualTo("Handoff");
        assertThat(result.json().getString("data.handoffAssigned.handoff.id")).isEqualTo(handoff);
        assertThat(result.json().getString("data.handoffAssigned.handoff.state")).isEqualTo("PENDING");
        assertThat(result.json().getString("data.handoffAssigned.handoff.dueAt")).isNotNull();
        assertThat(result.json().getInt("data.handoffAssigned.handoff.evidence.total"))
                .isEqualTo(result.json().getInt("data.handoffAssigned.scoreTotal"));
        assertThat(result.json().getList("data.handoffAssigned.handoff.evidence.contributions")).isNotEmpty();
        // and the same Handoff as sam's queue holds it: the cache merges one record
        var queued = Api.as("sam.sales").ok("query($id: ID!) { node(id: $id) { ... on Handoff { id state lead { id } } } }", Map.of("id", handoff)).json();
        assertThat(queued.getString("data.node.id")).isEqualTo(handoff);
        assertThat(queued.getString("data.node.lead.id")).as("a rep follows Handoff.lead to the lead").isEqualTo(lead);
    }

    @Test
    void marketing_cannot_subscribe_to_assignments() {
        var result = Subscriptions.first(RealTokenClient.token("mia.marketing"), null, SUBSCRIBE, Map.of());
        assertThat(result.errors()).isNotEmpty();
    }
}
