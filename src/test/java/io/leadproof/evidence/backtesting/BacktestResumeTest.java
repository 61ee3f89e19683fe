package io.leadproof.evidence.backtesting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.leadproof.common.NodeId;
import io.leadproof.support.GraphQL;
import io.leadproof.support.OwnerSql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * A pod died in the middle of a backtest: the job is RUNNING, 2 leads replayed, and its lease ran out a second ago.
 * Another pod claims it, replays it from the start and keeps the result; the job says it took two attempts.
 */
@QuarkusTest
class BacktestResumeTest {

    static final String WS = "backtest-resume";

    @Test
    @TestSecurity(user = "mia", roles = "marketing", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void a_backtest_left_by_a_dead_pod_is_taken_over_and_finished() {
        String version = BacktestStory.modelAndServedVersion()[1];
        BacktestStory.lead("one@resume.contoso.com", "CTO", "APPROVED", null, "DEMO_REQUESTED:BOFU", "EBOOK_DOWNLOAD:TOFU");
        BacktestStory.lead("two@resume.contoso.com", "Manager", null, null, "EBOOK_DOWNLOAD:TOFU");
        BacktestStory.lead("three@resume.contoso.com", "Student", null, null);
        Instant to = Instant.now().plusSeconds(1);
        UUID versionId = NodeId.parse("CriteriaVersion", version);
        UUID job = UUID.randomUUID();
        String request = new BacktestRequest(versionId, versionId, to.minus(Duration.ofDays(1)), to,
                BacktestMoment.AT_HANDOFF_OR_CREATED_PLUS_DAYS, 30, to, null, null, null, null, null, 10).toJson();
        OwnerSql.exec("insert into criteria_backtest (workspace_id, id, version_id, baseline_version_id, request, state, processed,"
                + " attempts, requested_by, created_at, started_at, heartbeat_at, lease_owner, lease_expires_at)"
                + " values (?, ?, ?, ?, ?::jsonb, 'RUNNING', 2, 1, 'mia', now(), now(), now(), 'dead-pod', now() - interval '1 second')",
                WS, job, versionId, versionId, request);

        var json = BacktestStory.awaitDone(NodeId.of("CriteriaBacktest", job));
        assertThat(json.getString("data.criteriaBacktest.state")).as(json.prettify()).isEqualTo("SUCCEEDED");
        assertThat(json.getInt("data.criteriaBacktest.attempts")).isEqualTo(2);
        assertThat(json.getInt("data.criteriaBacktest.processedLeads")).isEqualTo(3);
        assertThat(json.getInt("data.criteriaBacktest.result.tested.leads")).isEqualTo(3);
        assertThat(json.getInt("data.criteriaBacktest.result.tested.wouldBeMqls")).isEqualTo(1); // the CTO: 10 + 15 + 20 + 5
        assertThat(json.getInt("data.criteriaBacktest.result.actualHandoffs")).isEqualTo(1);
        assertThat(json.getInt("data.criteriaBacktest.result.newlyQualified.totalCount")).isZero();
        assertThat(OwnerSql.strings("select lease_owner from criteria_backtest where workspace_id = ? and id = ?", WS, job))
                .singleElement().isNotEqualTo("dead-pod");
        assertThat(GraphQL.ok("{ leads(first: 10) { edges { node { id } } } }").getList("data.leads.edges")).hasSize(3);
    }
}
