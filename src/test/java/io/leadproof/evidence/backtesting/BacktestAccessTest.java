package io.leadproof.evidence.backtesting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.leadproof.common.NodeId;
import io.leadproof.support.GraphQL;
import io.leadproof.support.OwnerSql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/** Bad input gets a clear user error and queues nothing; other workspaces' versions and backtests do not exist here. */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BacktestAccessTest {

    static final String WS = "backtest-access";
    static final String OTHER = "backtest-access-other";
    static String otherVersion;
    static String otherBacktest;
    static final Instant TO = Instant.now().truncatedTo(ChronoUnit.DAYS);

    @Test
    @Order(1)
    @TestSecurity(user = "olga", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = OTHER, type = AttributeType.STRING_SET))
    void another_workspace_backtests_its_own_version() {
        otherVersion = BacktestStory.modelAndServedVersion()[1];
        var json = start(Map.of("versionId", otherVersion, "from", TO.minus(Duration.ofDays(30)).toString(), "to", TO.toString()));
        otherBacktest = json.getString("data.criteriaBacktestStart.backtest.id");
        assertThat(otherBacktest).isNotNull();
    }

    @Test
    @Order(2)
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void bad_input_is_refused_with_a_user_error_and_queues_nothing() {
        String version = BacktestStory.modelAndServedVersion()[1];
        String from = TO.minus(Duration.ofDays(30)).toString();
        assertRefused(Map.of("versionId", NodeId.of("CriteriaVersion", UUID.randomUUID()), "from", from, "to", TO.toString()),
                "NOT_FOUND", "versionId");
        assertRefused(Map.of("versionId", otherVersion, "from", from, "to", TO.toString()), "NOT_FOUND", "versionId");
        assertRefused(Map.of("versionId", version, "compareWithVersionId", otherVersion, "from", from, "to", TO.toString()),
                "NOT_FOUND", "compareWithVersionId");
        assertRefused(Map.of("versionId", "gid://leadproof/Lead/" + UUID.randomUUID(), "from", from, "to", TO.toString()),
                "INVALID_ID", "versionId");
        assertRefused(Map.of("versionId", version, "from", TO.minus(Duration.ofDays(5 * 365 + 3)).toString(), "to", TO.toString()),
                "WINDOW_TOO_LONG", "to");
        assertRefused(Map.of("versionId", version, "from", from, "to", Instant.now().plus(Duration.ofDays(2)).toString()),
                "INVALID_WINDOW", "to");
        assertRefused(Map.of("versionId", version, "from", TO.toString(), "to", from), "INVALID_WINDOW", "to");
        assertRefused(Map.of("versionId", version, "from", from, "to", TO.toString(), "momentDays", 400), "OUT_OF_RANGE", "momentDays");
        assertRefused(Map.of("versionId", version, "from", from, "to", TO.toString(), "scoreBandWidth", 0), "OUT_OF_RANGE", "scoreBandWidth");
        assertRefused(Map.of("versionId", version, "from", from, "to", TO.toString(),
                "filter", Map.of("campaignIds", List.of("not-an-id"))), "INVALID_ID", "filter");
        assertRefused(Map.of("versionId", version, "from", from, "to", TO.toString(),
                "badOutcomes", Map.of("outcomes", List.of("LOST", "WON"))), "INVALID_GROUP", "badOutcomes");
        assertRefused(Map.of("versionId", version, "from", from, "to", TO.toString(),
                "goodOutcomes", Map.of("outcomes", List.of("OPEN"))), "INVALID_GROUP", "goodOutcomes");
        assertRefused(Map.of("versionId", version, "from", from, "to", TO.toString(),
                "badOutcomes", Map.of("outcomes", List.of("LOST"), "rejectionCategories", List.of("BUDGET"))), "INVALID_GROUP", "badOutcomes");
        var listed = GraphQL.ok("query($v: ID!) { criteriaVersion(id: $v) { backtests { totalCount } } }", Map.of("v", version));
        assertThat(listed.getInt("data.criteriaVersion.backtests.totalCount")).as("nothing was queued").isZero();
    }

    @Test
    @Order(3)
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void another_workspaces_backtest_cannot_be_read_or_cancelled() {
        assertThat(GraphQL.ok("query($id: ID!) { criteriaBacktest(id: $id) { id } }", Map.of("id", otherBacktest))
                .getString("data.criteriaBacktest")).isNull();
        assertThat(GraphQL.ok("query($id: ID!) { node(id: $id) { id } }", Map.of("id", otherBacktest)).getString("data.node")).isNull();
        var cancel = cancel(otherBacktest);
        assertThat(cancel.getList("data.criteriaBacktestCancel.userErrors.code")).containsExactly("NOT_FOUND");
    }

    @Test
    @Order(4)
    @TestSecurity(user = "mia", roles = "marketing", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void a_cancelled_backtest_keeps_no_result_and_cannot_be_cancelled_again() {
        String version = BacktestStory.modelAndServedVersion()[1];
        UUID job = UUID.randomUUID();
        String request = new BacktestRequest(NodeId.parse("CriteriaVersion", version), NodeId.parse("CriteriaVersion", version),
                TO.minus(Duration.ofDays(30)), TO, BacktestMoment.AT_HANDOFF, 30, TO, null, null, null, null, null, 10).toJson();
        // running on a pod that is alive (its lease lasts an hour): no worker here claims it
        OwnerSql.exec("insert into criteria_backtest (workspace_id, id, version_id, baseline_version_id, request, state, requested_by,"
                + " created_at, started_at, heartbeat_at, lease_owner, lease_expires_at) values (?, ?, ?, ?, ?::jsonb, 'RUNNING', 'mia',"
                + " now(), now(), now(), 'busy-pod', now() + interval '1 hour')", WS, job, NodeId.parse("CriteriaVersion", version),
                NodeId.parse("CriteriaVersion", version), request);
        String id = NodeId.of("CriteriaBacktest", job);
        var cancelled = cancel(id);
        assertThat(cancelled.getList("data.criteriaBacktestCancel.userErrors")).isEmpty();
        assertThat(cancelled.getString("data.criteriaBacktestCancel.backtest.state")).isEqualTo("CANCELLED");
        var read = GraphQL.ok("query($id: ID!) { criteriaBacktest(id: $id) { state result { actualHandoffs } finishedAt } }", Map.of("id", id));
        assertThat(read.getString("data.criteriaBacktest.state")).isEqualTo("CANCELLED");
        assertThat(read.getString("data.criteriaBacktest.result")).isNull();
        assertThat(read.getString("data.criteriaBacktest.finishedAt")).isNotNull();
        var again = cancel(id);
        assertThat(again.getList("data.criteriaBacktestCancel.userErrors.code")).containsExactly("NOT_RUNNING");
        assertThat(cancel("not-an-id").getList("data.criteriaBacktestCancel.userErrors.code")).containsExactly("INVALID_ID");
    }

    @Test
    @Order(5)
    @TestSecurity(user = "sam", roles = "sales", attributes = @SecurityAttribute(key = "workspaces", value = OTHER, type = AttributeType.STRING_SET))
    void sales_neither_starts_nor_reads_backtests() {
        var started = GraphQL.post("mutation($i: CriteriaBacktestStartInput!) { criteriaBacktestStart(input: $i) { backtest { id } } }",
                Map.of("i", Map.of("versionId", otherVersion, "from", TO.minus(Duration.ofDays(3)).toString(), "to", TO.toString())));
        assertThat(started.getList("errors.extensions.code")).containsExactly("forbidden");
        var node = GraphQL.post("query($id: ID!) { node(id: $id) { id } }", Map.of("id", otherBacktest));
        assertThat(node.getList("errors.extensions.code")).containsExactly("forbidden");
    }

    private static JsonPath start(Map<String, Object> input) {
        return GraphQL.ok("mutation($i: CriteriaBacktestStartInput!) { criteriaBacktestStart(input: $i) {"
                + " backtest { id state } userErrors { field code message } } }", Map.of("i", new HashMap<>(input)));
    }

    private static void assertRefused(Map<String, Object> input, String code, String field) {
        var json = start(input);
        assertThat(json.getString("data.criteriaBacktestStart.backtest")).as(input.toString()).isNull();
        assertThat(json.getList("data.criteriaBacktestStart.userErrors.code")).as(input.toString()).containsExactly(code);
        assertThat(json.getList("data.criteriaBacktestStart.userErrors[0].field")).as(input.toString()).first().isEqualTo(field);
    }

    private static JsonPath cancel(String id) {
        return GraphQL.ok("mutation($b: ID!) { criteriaBacktestCancel(input: {backtestId: $b}) { backtest { id state }"
                + " userErrors { code message } } }", Map.of("b", id));
    }
}
