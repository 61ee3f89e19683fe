package io.leadproof.evidence.backtesting;

import static io.leadproof.evidence.backtesting.BacktestStory.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.leadproof.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/**
 * A marketer wants more leads for sales. Under an old loose version (MQL at 30) ten strong leads were handed off (five
 * won, three lost, two rejected for NO_NEED) and three CTOs without budget who asked for a demo (rejected for
 * NO_BUDGET). The workspace now runs the default (MQL at 50) and publishes only backtested versions. The marketer
 * drafts MQL at 30 again: the backtest shows 30 % more handoffs, a lower precision and three more NO_BUDGET
 * rejections. She knocks out leads without budget, backtests again — the extra handoffs are gone and so are the
 * rejections — and RevOps publishes it, the payload showing that backtest.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LooserCriteriaScenarioTest {

    static final String WS = "backtest-looser";
    static String model;
    static String seeded;
    static String draft;
    static String baseline;
    static String secondBacktest;
    static final List<String> handoffs = new ArrayList<>();

    @Test
    @Order(1)
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void history_under_an_old_loose_version() {
        reps(WS, "sam", "sue");
        String[] ids = modelAndServedVersion();
        model = ids[0];
        seeded = ids[1];
        String loose = draft(model, seeded);
        threshold(loose, 30);
        publish(loose);
        for (int i = 0; i < 10; i++) {
            handoffs.add(handoffOf(lead("strong" + i + "@looser.contoso.com", "CTO", "APPROVED", null, "DEMO_REQUESTED:BOFU", "EBOOK_DOWNLOAD:TOFU")));
        }
        for (int i = 0; i < 3; i++) {
            String h = handoffOf(lead("nobudget" + i + "@looser.contoso.com", "CTO", "NONE", null, "DEMO_REQUESTED:BOFU"));
            assertThat(h).as("a CTO with a demo request (30) qualified under the loose version").isNotNull();
            reject(h, "NO_BUDGET");
        }
        for (int i = 0; i < 5; i++) {
            win(handoffs.get(i));
        }
        for (int i = 5; i < 8; i++) {
            lose(handoffs.get(i));
        }
        reject(handoffs.get(8), "NO_NEED");
        reject(handoffs.get(9), "NO_NEED");
        baseline = draft(model, seeded);
        assertThat(publish(baseline).getList("data.criteriaVersionPublish.userErrors")).isEmpty();
        var policy = GraphQL.ok("mutation { criteriaPublishPolicySet(input: {requireBacktest: true}) { policy { requireBacktest updatedBy } } }");
        assertThat(policy.getBoolean("data.criteriaPublishPolicySet.policy.requireBacktest")).isTrue();
    }

    @Test
    @Order(2)
    @TestSecurity(user = "mia", roles = "marketing", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void the_looser_draft_would_send_30_percent_more_leads_with_lower_precision_and_more_no_budget_rejections() {
        draft = draft(model, baseline);
        threshold(draft, 30);
        JsonPath json = backtest(draft, null, TwelveLeadBacktestStoryTest.nextFullSecond());
        String r = "data.criteriaBacktest.result.";
        assertThat(json.getInt(r + "compareWith.wouldBeMqls")).isEqualTo(10);
        assertThat(json.getInt(r + "tested.wouldBeMqls")).isEqualTo(13);
        double more = (json.getDouble(r + "tested.handoffsPerRepPerWeek") - json.getDouble(r + "compareWith.handoffsPerRepPerWeek"))
                / json.getDouble(r + "compareWith.handoffsPerRepPerWeek");
        assertThat(more).as("30 % more handoffs per rep and week").isCloseTo(0.3, within(1e-6));
        assertThat(json.getDouble(r + "compareWith.precision")).isCloseTo(0.5, within(1e-6));   // 5 won of 10 decided
        assertThat(json.getDouble(r + "tested.precision")).isCloseTo(5 / 13.0, within(1e-6));  // 5 won of 13 decided
        assertThat(json.getDouble(r + "difference.precision")).isNegative();
        assertThat(json.getInt(r + "newlyQualified.totalCount")).isEqualTo(3);
        assertThat(json.getList(r + "newlyQualified.rejectedByReason")).isEqualTo(List.of(Map.of("code", "NO_BUDGET", "count", 3)));
        assertThat(json.getList(r + "newlyQualified.edges.node.lead.email"))
                .containsExactly("nobudget0@looser.contoso.com", "nobudget1@looser.contoso.com", "nobudget2@looser.contoso.com");
    }

    @Test
    @Order(3)
    @TestSecurity(user = "mia", roles = "marketing", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void she_knocks_out_leads_without_budget() {
        knockOut(draft, "no-budget", "BUDGET_STATUS", "NONE");
    }

    @Test
    @Order(4)
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void revops_cannot_publish_the_edited_draft_before_it_is_backtested_again() {
        var refused = publish(draft);
        assertThat(refused.getList("data.criteriaVersionPublish.userErrors.code")).containsExactly("BACKTEST_REQUIRED");
        assertThat(GraphQL.ok("query($v: ID!) { criteriaVersion(id: $v) { status } }", Map.of("v", draft))
                .getString("data.criteriaVersion.status")).isEqualTo("DRAFT");
    }

    @Test
    @Order(5)
    @TestSecurity(user = "mia", roles = "marketing", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void the_tightened_draft_backtests_like_the_active_version() {
        JsonPath json = backtest(draft, null, TwelveLeadBacktestStoryTest.nextFullSecond());
        secondBacktest = json.getString("data.criteriaBacktest.id");
        String r = "data.criteriaBacktest.result.";
        assertThat(json.getInt(r + "tested.wouldBeMqls")).isEqualTo(10);
        assertThat(json.getDouble(r + "tested.precision")).isCloseTo(0.5, within(1e-6));
        assertThat(json.getInt(r + "newlyQualified.totalCount")).isZero();
        assertThat(json.getInt(r + "newlyExcluded.totalCount")).isZero();
    }

    @Test
    @Order(6)
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void revops_publishes_it_and_the_payload_shows_the_backtest() {
        var published = publish(draft);
        assertThat(published.getList("data.criteriaVersionPublish.userErrors")).isEmpty();
        assertThat(published.getString("data.criteriaVersionPublish.version.status")).isEqualTo("ACTIVE");
        assertThat(published.getString("data.criteriaVersionPublish.backtest.id")).isEqualTo(secondBacktest);
        assertThat(published.getString("data.criteriaVersionPublish.backtest.state")).isEqualTo("SUCCEEDED");
    }
}
