package io.leadproof.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.leadproof.e2e.Api;
import io.leadproof.e2e.RealTokenClient;
import io.leadproof.e2e.Subscriptions;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A rep subscribed over graphql-transport-ws is pushed the handoff the moment it is assigned to them, with its linked
 * objects as a query would give them, and nothing of others or of another workspace. handoffAssigned is non-null: a
 * caller without the sales role is refused with an error that carries the usual code, before any stream starts.
 */
@QuarkusTest
class HandoffAssignedSubscriptionTest {

    static final String SUBSCRIBE = "subscription { handoffAssigned { handoffId leadId owner scoreTotal dueAt"
            + " handoff { __typename id state dueAt overdue evidence { total contributions { ruleKey } version { id } }"
            + " lead { id } assignee { userName } events { type } eventsConnection(first: 10) { edges { node { type actor } } } } } }";

    @Test
    void sam_is_pushed_the_handoff_assigned_to_him_with_its_lead_and_events() throws Exception {
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
        // a rep of the same name in another workspace is assigned something first: that notice is not sam's here
        notify("globex", handoff, lead, "sam.sales", 7);
        admin.ok("mutation($h: ID!) { handoffAssign(input: {handoffId: $h, ownerId: \"sue.sales\"}) { handoff { owner } } }", Map.of("h", handoff));
        admin.ok("mutation($h: ID!) { handoffAssign(input: {handoffId: $h, ownerId: \"sam.sales\"}) { handoff { owner } } }", Map.of("h", handoff));

        var result = pushed.get();
        assertThat(result.errors()).as("%s", result).isEmpty();
        var json = result.json();
        assertThat(json.getString("data.handoffAssigned.handoffId")).isEqualTo(handoff);
        assertThat(json.getString("data.handoffAssigned.owner")).as("sue's assignment is not pushed to sam").isEqualTo("sam.sales");
        assertThat(json.getString("data.handoffAssigned.leadId")).isEqualTo(lead);
        assertThat(json.getInt("data.handoffAssigned.scoreTotal")).as("not the other workspace's notice").isGreaterThanOrEqualTo(50);
        // the Handoff itself, read in sam's workspace, so a normalised cache adds it to his queue without a refetch
        assertThat(json.getString("data.handoffAssigned.handoff.__typename")).isEqualTo("Handoff");
        assertThat(json.getString("data.handoffAssigned.handoff.id")).isEqualTo(handoff);
        assertThat(json.getString("data.handoffAssigned.handoff.state")).isEqualTo("PENDING");
        assertThat(json.getString("data.handoffAssigned.handoff.dueAt")).isNotNull();
        assertThat(json.getInt("data.handoffAssigned.handoff.evidence.total")).isEqualTo(json.getInt("data.handoffAssigned.scoreTotal"));
        assertThat(json.getList("data.handoffAssigned.handoff.evidence.contributions")).isNotEmpty();
        // its linked objects resolve inside the message as in a query
        assertThat(json.getString("data.handoffAssigned.handoff.evidence.version.id")).startsWith("gid://leadproof/CriteriaVersion/");
        assertThat(json.getString("data.handoffAssigned.handoff.lead.id")).isEqualTo(lead);
        assertThat(json.getString("data.handoffAssigned.handoff.assignee.userName")).isEqualTo("sam.sales");
        assertThat(json.getList("data.handoffAssigned.handoff.events.type")).contains("CREATED", "REASSIGNED");
        assertThat(json.getList("data.handoffAssigned.handoff.eventsConnection.edges.node.type"))
                .isEqualTo(json.getList("data.handoffAssigned.handoff.events.type"));
    }

    @Test
    void marketing_cannot_subscribe_to_assignments_whether_the_token_is_a_header_or_in_connection_init() {
        for (var result : List.of(Subscriptions.first(RealTokenClient.token("mia.marketing"), null, SUBSCRIBE, Map.of()),
                Subscriptions.firstWithTokenInInit(RealTokenClient.token("mia.marketing"), SUBSCRIBE, Map.of()))) {
            assertThat(result.codes()).as("%s", result).containsExactly(Api.FORBIDDEN);
            assertThat(result.reasons()).containsExactly("ROLE_REQUIRED");
            assertThat(result.errors().getFirst().get("message")).isEqualTo("Forbidden: handoffAssigned needs the role sales.");
            assertThat((Object) result.get("data")).isNull();
        }
    }

    @Test
    void nobody_subscribes_without_a_token() {
        for (var result : List.of(Subscriptions.first(null, null, SUBSCRIBE, Map.of()),
                Subscriptions.firstWithTokenInInit(null, SUBSCRIBE, Map.of()))) {
            assertThat(result.codes()).as("%s", result).containsExactly(Api.UNAUTHORIZED);
            assertThat(result.reasons()).containsExactly("UNAUTHENTICATED");
            assertThat((Object) result.get("data")).isNull();
        }
    }

    /** The NOTIFY an assignment sends, as another pod or workspace would send it. */
    private static void notify(String workspace, String handoff, String lead, String owner, int score) throws Exception {
        String payload = io.leadproof.common.Json.MAPPER.writeValueAsString(Map.of("workspaceId", workspace, "assignment",
                Map.of("handoffId", handoff, "leadId", lead, "owner", owner, "scoreTotal", score, "dueAt", OffsetDateTime.now().toString())));
        try (var c = Arc.container().instance(AgroalDataSource.class).get().getConnection();
                var s = c.prepareStatement("select pg_notify('" + HandoffNotifier.CHANNEL + "', ?)")) {
            s.setString(1, payload);
            s.execute();
        }
    }
}
