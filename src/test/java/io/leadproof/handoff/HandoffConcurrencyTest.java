package io.leadproof.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.leadproof.common.NodeId;
import io.leadproof.lead.ActivityService;
import io.leadproof.lead.ActivityTypes.ActivityInput;
import io.leadproof.lead.ActivityType;
import io.leadproof.lead.FunnelStage;
import io.leadproof.security.WorkspaceScope;
import io.leadproof.lead.LeadLifecycle;
import io.leadproof.lead.LifecycleMove;
import io.leadproof.support.Concurrently;
import io.leadproof.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/** Races the database must settle: one handoff per qualification, one winner per transition, one result per key. */
@QuarkusTest
@TestSecurity(user = "ada", roles = { "revops-admin", "marketing", "sales" },
        attributes = @SecurityAttribute(key = "workspaces", value = "handoff-race", type = AttributeType.STRING_SET))
class HandoffConcurrencyTest {

    static final String WS = "handoff-race";

    @Inject
    ActivityService activities;
    @Inject
    HandoffService handoffs;
    @Inject
    LeadLifecycle lifecycle;
    @Inject
    WorkspaceScope scope;

    @Test
    void a_lead_crossing_the_threshold_in_two_transactions_at_once_gets_exactly_one_handoff() throws Exception {
        GraphQL.ok("mutation { salesRepUpsert(input: {userName: \"ada\"}) { rep { userName } } }");
        String lead = GraphQL.ok("mutation { leadUpsert(input: {email: \"race@race.contoso.com\", jobTitle: \"CEO\", budgetStatus: APPROVED}) { lead { id } } }")
                .getString("data.leadUpsert.lead.id");
        var at = OffsetDateTime.now().minusMinutes(1);
        // Each batch alone lifts the lead from 25 to 45 (BOFU offer); together they reach 65. Either way it qualifies once both land.
        var results = Concurrently.run(
                () -> scope.call(WS, () -> activities.record(List.of(new ActivityInput("r-1", lead, null, null, ActivityType.DEMO_REQUESTED,
                        FunnelStage.BOFU, null, at, null), new ActivityInput("r-2", lead, null, null, ActivityType.EBOOK_DOWNLOAD,
                                FunnelStage.TOFU, null, at, null)))),
                () -> scope.call(WS, () -> activities.record(List.of(new ActivityInput("r-3", lead, null, null, ActivityType.TRIAL_STARTED,
                        FunnelStage.BOFU, null, at, null), new ActivityInput("r-4", lead, null, null, ActivityType.EBOOK_DOWNLOAD,
                                FunnelStage.TOFU, null, at, null)))));
        assertThat(results).allSatisfy(r -> assertThat(r.userErrors()).isEmpty());
        var json = GraphQL.ok("query($id: ID!) { lead(id: $id) { lifecycleStage handoffs { id state } } }", Map.of("id", lead));
        assertThat(json.getString("data.lead.lifecycleStage")).isEqualTo("HANDED_OFF");
        assertThat(json.getList("data.lead.handoffs")).hasSize(1);

        String handoff = json.getString("data.lead.handoffs[0].id");
        var acted = Concurrently.run(
                () -> scope.call(WS, () -> accept(handoff, null)),
                () -> scope.call(WS, () -> accept(handoff, null)));
        assertThat(acted.stream().filter(p -> p.userErrors().isEmpty())).as("exactly one accept wins").hasSize(1);
        assertThat(acted.stream().flatMap(p -> p.userErrors().stream()).map(e -> e.code().name())).containsExactly("INVALID_TRANSITION");

        var keyed = GraphQL.ok("mutation($h: ID!) { handoffLogTouch(input: {handoffId: $h, channel: CALL, note: \"intro\", idempotencyKey: \"k-1\"}) { handoff { id } userErrors { code } } }",
                Map.of("h", handoff));
        assertThat(keyed.getList("data.handoffLogTouch.userErrors")).isEmpty();
        var replay = GraphQL.ok("mutation($h: ID!) { handoffLogTouch(input: {handoffId: $h, channel: CALL, note: \"intro\", idempotencyKey: \"k-1\"}) { handoff { id } } }",
                Map.of("h", handoff));
        assertThat(replay.getString("data.handoffLogTouch.handoff.id")).isEqualTo(handoff);
        var events = GraphQL.ok("query($h: ID!) { handoff(id: $h) { events { type } } }", Map.of("h", handoff));
        assertThat(events.getList("data.handoff.events.type")).as("the retry did not log a second touch")
                .containsOnlyOnce("TOUCH_LOGGED");
        var reused = GraphQL.post("mutation($h: ID!) { handoffLogTouch(input: {handoffId: $h, channel: EMAIL, idempotencyKey: \"k-1\"}) { handoff { id } } }",
                Map.of("h", handoff));
        assertThat(reused.getString("errors[0].extensions.reason")).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    private HandoffTypes.Payload accept(String handoff, String key) {
        var input = new HandoffInputs.Accept(handoff, key);
        return handoffs.act(NodeId.parse("Handoff", handoff), key, "handoffAccept", input, (h, lead) -> {
            var now = java.time.Instant.now();
            var event = h.accept("ada", now);
            lifecycle.move(lead.id(), LifecycleMove.ACCEPT, now, null);
            return event;
        });
    }
}
