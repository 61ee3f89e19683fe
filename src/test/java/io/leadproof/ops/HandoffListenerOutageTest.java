package io.leadproof.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.leadproof.e2e.Api;
import io.leadproof.e2e.RealTokenClient;
import io.leadproof.support.Await;
import io.leadproof.support.DatabaseOutageProfile;
import io.leadproof.support.DatabaseProxy;
import io.leadproof.support.LiveSubscription;
import io.leadproof.support.Management;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Sam is subscribed to his assignments when the database goes away (every connection dropped, new ones refused) and
 * comes back. Meanwhile readiness says the handoff listener is down; afterwards it is up again by itself, and the next
 * handoff assigned to Sam reaches the subscription he opened before the outage.
 */
@QuarkusTest
@TestProfile(DatabaseOutageProfile.class)
class HandoffListenerOutageTest {

    static final String SUBSCRIBE = "subscription { handoffAssigned { handoffId owner } }";

    @DatabaseOutageProfile.Proxy
    DatabaseProxy database;

    @Test
    void the_next_assignment_reaches_a_subscriber_after_the_database_came_back() throws Exception {
        var admin = Api.as("ada.admin");
        String handoff = aHandoff(admin, Api.as("mia.marketing"));
        awaitReadiness(200);

        try (var sam = LiveSubscription.open(RealTokenClient.token("sam.sales"), SUBSCRIBE)) {
            assign(admin, handoff, "sam.sales");
            assertThat(sam.next(Duration.ofSeconds(10))).as("pushed before the outage").isNotNull();

            database.cut();
            JsonPath down = awaitReadiness(503);
            assertThat(down.getString("checks.find { it.name == 'Background loops' }.status")).isEqualTo("DOWN");
            assertThat(down.getString("checks.find { it.name == 'Background loops' }.data.'handoff-listener'")).startsWith("DOWN since");
            Management.get("/q/health/live").then().statusCode(200);

            database.restore();
            JsonPath up = awaitReadiness(200);
            assertThat(up.getString("checks.find { it.name == 'Background loops' }.data.'handoff-listener'")).startsWith("UP since");

            assign(admin, handoff, "sue.sales");
            assign(admin, handoff, "sam.sales");
            JsonPath pushed = sam.next(Duration.ofSeconds(15));
            assertThat(pushed).as("the assignment after the outage reaches Sam").isNotNull();
            assertThat(pushed.getString("data.handoffAssigned.handoffId")).isEqualTo(handoff);
            assertThat(pushed.getString("data.handoffAssigned.owner")).isEqualTo("sam.sales");
        }
    }

    static JsonPath awaitReadiness(int status) {
        Await.until("readiness " + status, Duration.ofSeconds(30), () -> Management.get("/q/health/ready").statusCode() == status);
        return Management.get("/q/health/ready").jsonPath();
    }

    static void assign(Api admin, String handoff, String rep) {
        admin.ok("mutation($h: ID!, $o: String!) { handoffAssign(input: {handoffId: $h, ownerId: $o}) { handoff { owner } } }",
                Map.of("h", handoff, "o", rep));
    }

    /** A lead that qualifies at once, and the handoff it gets. */
    static String aHandoff(Api admin, Api marketing) {
        // A rep is a member who has signed in with the sales role before RevOps registers them.
        Api.as("sam.sales").ok("{ viewer { userName } }");
        Api.as("sue.sales").ok("{ viewer { userName } }");
        admin.ok("mutation { salesRepUpsert(input: {userName: \"sam.sales\"}) { rep { userName } } }");
        admin.ok("mutation { salesRepUpsert(input: {userName: \"sue.sales\"}) { rep { userName } } }");
        String email = "outage-" + UUID.randomUUID() + "@outage.contoso.com";
        String lead = marketing.ok("mutation($e: String!) { leadUpsert(input: {email: $e, jobTitle: \"CFO\", budgetStatus: APPROVED}) { lead { id } } }",
                Map.of("e", email)).json().getString("data.leadUpsert.lead.id");
        String at = OffsetDateTime.now().minusMinutes(1).toString();
        marketing.ok("mutation($i: ActivitiesRecordInput!) { activitiesRecord(input: $i) { recordedCount } }", Map.of("i", Map.of("activities",
                List.of(Map.of("clientEventId", email + "-1", "leadId", lead, "type", "DEMO_REQUESTED", "funnelStage", "BOFU", "occurredAt", at),
                        Map.of("clientEventId", email + "-2", "leadId", lead, "type", "EBOOK_DOWNLOAD", "funnelStage", "TOFU", "occurredAt", at)))));
        return admin.ok("query($id: ID!) { lead(id: $id) { handoffs { id } } }", Map.of("id", lead)).json().getString("data.lead.handoffs[0].id");
    }
}
