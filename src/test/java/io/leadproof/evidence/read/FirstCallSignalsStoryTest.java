package io.leadproof.evidence.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.leadproof.evidence.core.AsOf;
import io.leadproof.evidence.core.FirstCallSignal;
import io.leadproof.security.WorkspaceScope;
import io.leadproof.support.GraphQL;
import io.leadproof.support.Members;
import io.leadproof.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * RevOps tunes the first-call signal taxonomy; Sam calls a fresh lead and logs what the call showed; a meeting two
 * weeks and a day later adds another signal. The cohort carries every signal with its time, and the first-call
 * window keeps only the first two.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstCallSignalsStoryTest {

    static final String WS = "first-call-signals";
    static String leadId;
    static String handoffId;
    static Instant start;

    @Inject
    CohortReader reader;
    @Inject
    WorkspaceScope scope;
    @Inject
    Clock clock;

    @AfterAll
    static void backToNow() {
        TestClock.reset();
    }

    @Test
    @Order(1)
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void revops_finds_the_nine_default_codes_adds_one_renames_one_and_retires_one() {
        assertThat(GraphQL.ok("{ firstCallSignalCodes { code } }").getList("data.firstCallSignalCodes.code", String.class))
                .containsExactlyInAnyOrder("BUDGET_CONFIRMED", "DECISION_MAKER_ENGAGED", "PAIN_STATED", "TIMELINE_UNDER_90_DAYS",
                        "COMPETITOR_EVALUATED", "CHAMPION_IDENTIFIED", "NEXT_STEP_BOOKED", "NO_CLEAR_PROJECT", "JUST_RESEARCHING");
        String create = "mutation($i: FirstCallSignalCodeCreateInput!) { firstCallSignalCodeCreate(input: $i) { signal { code label active } userErrors { field code } } }";
        assertThat(GraphQL.ok(create, Map.of("i", Map.of("code", "SECURITY_REVIEW_PASSED", "label", "Security review passed")))
                .getMap("data.firstCallSignalCodeCreate.signal")).isEqualTo(Map.of("code", "SECURITY_REVIEW_PASSED", "label", "Security review passed", "active", true));
        assertThat(GraphQL.ok(create, Map.of("i", Map.of("code", "lower", "label", "x"))).getList("data.firstCallSignalCodeCreate.userErrors.code"))
                .containsExactly("INVALID_CODE");
        assertThat(GraphQL.ok(create, Map.of("i", Map.of("code", "PAIN_STATED", "label", "again"))).getList("data.firstCallSignalCodeCreate.userErrors.code"))
                .containsExactly("TAKEN");
        String update = "mutation($i: FirstCallSignalCodeUpdateInput!) { firstCallSignalCodeUpdate(input: $i) { signal { code label active } userErrors { code } } }";
        assertThat(GraphQL.ok(update, Map.of("i", Map.of("code", "PAIN_STATED", "label", "Pain stated in their words")))
                .getString("data.firstCallSignalCodeUpdate.signal.label")).isEqualTo("Pain stated in their words");
        assertThat(GraphQL.ok(update, Map.of("i", Map.of("code", "JUST_RESEARCHING", "active", false)))
                .getBoolean("data.firstCallSignalCodeUpdate.signal.active")).isFalse();
        assertThat(GraphQL.ok(update, Map.of("i", Map.of("code", "NEVER_DEFINED", "active", false))).getList("data.firstCallSignalCodeUpdate.userErrors.code"))
                .containsExactly("NOT_FOUND");
        Members.rep(WS, "sam");
        GraphQL.ok("mutation { salesRepUpsert(input: {userName: \"sam\"}) { rep { userName } } }");
    }

    @Test
    @Order(2)
    @TestSecurity(user = "mia", roles = "marketing", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void marketing_hands_a_lead_to_sam_and_may_not_change_the_taxonomy() {
        start = Instant.now().plus(TestClock.offset()).minusSeconds(60);
        leadId = CohortStory.qualifyingLead("pia@signals.contoso.com", null);
        handoffId = CohortStory.handoffOf(leadId);
        var denied = GraphQL.post("mutation { firstCallSignalCodeCreate(input: {code: \"MINE\", label: \"Mine\"}) { signal { code } } }");
        assertThat(denied.getString("errors[0].extensions.code")).isEqualTo("forbidden");
    }

    @Test
    @Order(3)
    @TestSecurity(user = "sam", roles = "sales", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void sam_logs_the_first_call_with_its_signals_and_bad_codes_are_refused() {
        assertThat(touch("EMAIL", List.of("PAIN_STATED"))).containsExactly("SIGNALS_NEED_A_CONVERSATION");
        assertThat(touch("CALL", List.of("NOPE", "JUST_RESEARCHING", "PAIN_STATED"))).containsExactly("UNKNOWN_SIGNAL", "UNKNOWN_SIGNAL");
        assertThat(touch("CALL", List.of("BUDGET_CONFIRMED", "PAIN_STATED"))).isEmpty();
        TestClock.travel(Duration.ofDays(15));
        assertThat(touch("MEETING", List.of("NEXT_STEP_BOOKED"))).isEmpty();
    }

    @Test
    @Order(4)
    void the_cohort_carries_every_signal_and_the_window_keeps_the_first_call() {
        scope.run(WS, () -> {
            var now = clock.instant();
            var cohort = reader.referenceLeads(CohortQuery.handedOff(WS, start, now, now));
            assertThat(cohort).hasSize(1);
            var lead = cohort.getFirst();
            assertThat(lead.firstCallSignals()).extracting(FirstCallSignal::code)
                    .containsExactly("BUDGET_CONFIRMED", "PAIN_STATED", "NEXT_STEP_BOOKED");
            assertThat(lead.firstCallSignals()).allSatisfy(s -> assertThat(s.loggedAt()).isAfterOrEqualTo(lead.handedOffAt()));
            assertThat(AsOf.firstCallCodes(lead, AsOf.DEFAULT_FIRST_CALL_WINDOW)).containsExactly("BUDGET_CONFIRMED", "PAIN_STATED");
        });
    }

    private static List<String> touch(String channel, List<String> signals) {
        var json = GraphQL.ok("mutation($h: ID!, $c: TouchChannel!, $s: [String!]) { handoffLogTouch(input: {handoffId: $h, channel: $c,"
                + " note: \"first call\", signals: $s}) { handoff { id } userErrors { field code } } }",
                Map.of("h", handoffId, "c", channel, "s", signals));
        return json.getList("data.handoffLogTouch.userErrors.code");
    }
}
