package io.leadproof.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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

/** Round robin skips a rep on holiday; a handoff nobody answered within the SLA shows up as overdue. */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HandoffQueueTest {

    static final String WS = "handoff-queue";
    static String handoff;

    @AfterAll
    static void backToNow() {
        TestClock.reset();
    }

    @Test
    @Order(1)
    @TestSecurity(user = "kim", roles = "sales", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void a_rep_on_holiday_marks_herself_unavailable() {
        var refused = GraphQL.ok("mutation { salesRepSetMyAvailability(available: false) { userErrors { code } } }");
        assertThat(refused.getList("data.salesRepSetMyAvailability.userErrors.code")).containsExactly("NOT_FOUND");
    }

    @Test
    @Order(2)
    @TestSecurity(user = "ada", roles = { "revops-admin", "marketing" }, attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void round_robin_skips_the_unavailable_rep() {
        Members.rep(WS, "ann"); // kim signed in above; ann did elsewhere
        GraphQL.ok("mutation { salesRepUpsert(input: {userName: \"ann\", available: false}) { rep { available } } }");
        GraphQL.ok("mutation { salesRepUpsert(input: {userName: \"kim\"}) { rep { available } } }");
        GraphQL.ok("mutation { workspaceUpdate(input: {responseSlaHours: 4}) { workspace { responseSlaHours } } }");
        String lead = GraphQL.ok("mutation { leadUpsert(input: {email: \"q@queue.contoso.com\", jobTitle: \"Founder\", budgetStatus: APPROVED}) { lead { id } } }")
                .getString("data.leadUpsert.lead.id");
        GraphQL.ok("mutation($i: ActivitiesRecordInput!) { activitiesRecord(input: $i) { recordedCount } }", Map.of("i", Map.of("activities", List.of(
                Map.of("clientEventId", "q-1", "leadId", lead, "type", "DEMO_REQUESTED", "funnelStage", "BOFU", "occurredAt", OffsetDateTime.now().minusMinutes(1).toString()),
                Map.of("clientEventId", "q-2", "leadId", lead, "type", "EBOOK_DOWNLOAD", "funnelStage", "TOFU", "occurredAt", OffsetDateTime.now().minusMinutes(1).toString())))));
        var json = GraphQL.ok("query($id: ID!) { lead(id: $id) { handoffs { id owner createdAt dueAt overdue } } }", Map.of("id", lead));
        assertThat(json.getString("data.lead.handoffs[0].owner")).isEqualTo("kim");
        assertThat(Duration.between(OffsetDateTime.parse(json.getString("data.lead.handoffs[0].createdAt")),
                OffsetDateTime.parse(json.getString("data.lead.handoffs[0].dueAt")))).isEqualTo(Duration.ofHours(4));
        assertThat(json.getBoolean("data.lead.handoffs[0].overdue")).isFalse();
        handoff = json.getString("data.lead.handoffs[0].id");
    }

    @Test
    @Order(3)
    @TestSecurity(user = "kim", roles = "sales", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void five_hours_later_the_unanswered_handoff_is_overdue_until_the_rep_responds() {
        assertThat(GraphQL.ok("{ myHandoffs(overdue: true) { edges { node { id } } } }").getList("data.myHandoffs.edges")).isEmpty();
        TestClock.travel(Duration.ofHours(5));
        var overdue = GraphQL.ok("{ myHandoffs(overdue: true) { edges { node { id overdue } } } }");
        assertThat(overdue.getList("data.myHandoffs.edges.node.id")).containsExactly(handoff);
        assertThat(overdue.getList("data.myHandoffs.edges.node.overdue")).containsExactly(true);
        // the filter input (the style of leads and privacyAudit) says the same as the deprecated arguments
        assertThat(GraphQL.ok("{ myHandoffs(filter: {overdue: true, states: [PENDING]}) { totalCount edges { node { id } } } }")
                .getList("data.myHandoffs.edges.node.id")).containsExactly(handoff);
        assertThat(GraphQL.ok("{ myHandoffs(filter: {overdue: false}) { edges { node { id } } } }").getList("data.myHandoffs.edges")).isEmpty();
        assertThat(GraphQL.post("{ myHandoffs(overdue: true, filter: {overdue: true}) { edges { node { id } } } }")
                .getString("errors[0].message")).as("one form at a time").contains("either filter or");

        GraphQL.ok("mutation($h: ID!) { handoffLogTouch(input: {handoffId: $h, channel: EMAIL}) { handoff { firstResponseAt } } }", Map.of("h", handoff));
        assertThat(GraphQL.ok("{ myHandoffs(overdue: true) { edges { node { id } } } }").getList("data.myHandoffs.edges")).isEmpty();
        var late = GraphQL.ok("query($h: ID!) { handoff(id: $h) { overdue firstResponseAt } }", Map.of("h", handoff));
        assertThat(late.getBoolean("data.handoff.overdue")).as("answered, but after the SLA: still a breach").isTrue();
        var off = GraphQL.ok("mutation { salesRepSetMyAvailability(available: false) { rep { available } } }");
        assertThat(off.getBoolean("data.salesRepSetMyAvailability.rep.available")).isFalse();
    }
}
