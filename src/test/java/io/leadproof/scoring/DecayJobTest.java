package io.leadproof.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.leadproof.lead.Lead;
import io.leadproof.support.GraphQL;
import io.leadproof.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
@TestSecurity(user = "mia", roles = "marketing",
        attributes = @SecurityAttribute(key = "workspaces", value = "decay-test", type = AttributeType.STRING_SET))
class DecayJobTest {

    @Inject
    DecayJob decay;

    @AfterEach
    void now() {
        TestClock.reset();
    }

    @Test
    void engagement_that_leaves_its_window_is_taken_off_by_the_scheduled_rescore() {
        String lead = GraphQL.ok("mutation { leadUpsert(input: {email: \"old@decay.example\"}) { lead { id } } }").getString("data.leadUpsert.lead.id");
        GraphQL.ok("mutation($i: ActivitiesRecordInput!) { activitiesRecord(input: $i) { recordedCount } }", Map.of("i", Map.of("activities",
                List.of(Map.of("clientEventId", "d-1", "leadId", lead, "type", "EBOOK_DOWNLOAD", "funnelStage", "TOFU",
                        "occurredAt", OffsetDateTime.now().minusMinutes(1).toString())))));
        String query = "query($id: ID!) { lead(id: $id) { score { engagement } scoreHistory(first: 5) { edges { node { cause newTotal } } } } }";
        assertThat(GraphQL.ok(query, Map.of("id", lead)).getInt("data.lead.score.engagement")).isEqualTo(5);

        TestClock.travel(Duration.ofDays(91)); // the default eBook rule looks back 90 days
        assertThat(decay.runFor("decay-test")).isGreaterThanOrEqualTo(1);

        var after = GraphQL.ok(query, Map.of("id", lead));
        assertThat(after.getInt("data.lead.score.engagement")).isZero();
        assertThat(after.getString("data.lead.scoreHistory.edges[0].node.cause")).isEqualTo("DECAY");
        assertThat(decay.runFor("decay-test")).as("nothing left to move").isZero();
    }

    @Test
    void a_tenant_query_outside_any_workspace_scope_fails_closed() {
        var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        Thread outside = Thread.ofPlatform().unstarted(() -> {
            try {
                io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> Lead.count());
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        outside.start();
        try {
            outside.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(failure.get()).as("a job without a workspace must not read any tenant's rows").isNotNull();
        assertThatThrownBy(() -> {
            throw failure.get();
        }).hasStackTraceContaining("tenant");
    }
}
