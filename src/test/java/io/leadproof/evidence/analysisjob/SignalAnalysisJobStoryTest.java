package io.leadproof.evidence.analysisjob;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * Leadership asks for the won-vs-lost analysis as a job: it is queued, run by a worker and its kept answer is the one
 * signalAnalysis gives, deals paged as of the job's outcomesAsOf; bad input queues nothing; a running job is cancelled
 * and keeps no answer; a job whose pod died is taken over and finished.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignalAnalysisJobStoryTest {

    static final String WS = "analysis-job-story";
    static final String START = """
            mutation($i: SignalAnalysisInput!) { signalAnalysisStart(input: $i) { job { id state outcomesAsOf } userErrors { field code } } }""";

    @Test
    @Order(1)
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void revops_imports_four_won_and_four_lost_deals() {
        JobDeals.importDeals("story", 4, 4);
    }

    @Test
    @Order(2)
    @TestSecurity(user = "leo", roles = "leadership", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void the_job_answers_what_signal_analysis_answers() throws InterruptedException {
        var input = Map.<String, Object>of("window", JobDeals.WINDOW);
        var direct = GraphQL.ok("query($i: SignalAnalysisInput!) { signalAnalysis(input: $i) { analysis { candidates"
                + " signals { key verdict groupA { count } groupB { count } } } } }", Map.of("i", input));
        var started = GraphQL.ok(START, Map.of("i", input));
        assertThat(started.getList("data.signalAnalysisStart.userErrors")).isEmpty();
        assertThat(started.getString("data.signalAnalysisStart.job.state")).isIn("QUEUED", "RUNNING", "SUCCEEDED");
        String id = started.getString("data.signalAnalysisStart.job.id");

        var job = JobDeals.awaitDone(id);
        assertThat(job.getString("data.signalAnalysisJob.state")).as(job.prettify()).isEqualTo("SUCCEEDED");
        assertThat(job.getDouble("data.signalAnalysisJob.progress")).isEqualTo(1.0);
        assertThat(job.getInt("data.signalAnalysisJob.attempts")).isEqualTo(1);
        assertThat(job.getInt("data.signalAnalysisJob.result.groupA.size")).isEqualTo(4);
        assertThat(job.getInt("data.signalAnalysisJob.result.groupB.size")).isEqualTo(4);
        assertThat(job.getInt("data.signalAnalysisJob.result.candidates")).isEqualTo(direct.getInt("data.signalAnalysis.analysis.candidates"));
        assertThat(job.getList("data.signalAnalysisJob.result.signals")).as("the same signals, counts and verdicts")
                .isEqualTo(direct.getList("data.signalAnalysis.analysis.signals"));
        assertThat(job.getList("data.signalAnalysisJob.result.signals.key")).contains("trait:BUDGET_STATUS=APPROVED");
        assertThat(job.getInt("data.signalAnalysisJob.result.dealsA.totalCount")).isEqualTo(4);
        assertThat(job.getList("data.signalAnalysisJob.result.dealsA.edges.node.outcome")).containsExactly("WON", "WON");
        assertThat(job.getList("data.signalAnalysisJob.result.dealsA.edges.node.budgetStatus")).containsExactly("APPROVED", "APPROVED");
        String after = job.getString("data.signalAnalysisJob.result.dealsA.pageInfo.endCursor");
        var next = GraphQL.ok("query($id: ID!, $a: String) { signalAnalysisJob(id: $id) { result { dealsA(first: 5, after: $a) {"
                + " edges { node { outcome lead { id } } } pageInfo { hasNextPage } } } } }", Map.of("id", id, "a", after));
        assertThat(next.getList("data.signalAnalysisJob.result.dealsA.edges")).hasSize(2);
        assertThat(next.getList("data.signalAnalysisJob.result.dealsA.edges.node.lead.id"))
                .doesNotContainAnyElementsOf(job.getList("data.signalAnalysisJob.result.dealsA.edges.node.lead.id"));
        var node = GraphQL.ok("query($id: ID!) { node(id: $id) { __typename ... on SignalAnalysisJob { state result { groupA { size } } } } }",
                Map.of("id", id));
        assertThat(node.getString("data.node.__typename")).isEqualTo("SignalAnalysisJob");
        assertThat(node.getInt("data.node.result.groupA.size")).isEqualTo(4);

        var refused = GraphQL.ok(START, Map.of("i", Map.of("window", Map.of("from", JobDeals.WINDOW.get("to"), "to", JobDeals.WINDOW.get("from")))));
        assertThat(refused.getList("data.signalAnalysisStart.userErrors.code")).containsExactly("WINDOW_REVERSED");
        assertThat(refused.getString("data.signalAnalysisStart.job")).isNull();
        var finished = GraphQL.ok("mutation($j: ID!) { signalAnalysisCancel(input: {jobId: $j}) { job { id } userErrors { code } } }", Map.of("j", id));
        assertThat(finished.getList("data.signalAnalysisCancel.userErrors.code")).containsExactly("NOT_RUNNING");
        assertThat(OwnerSql.strings("select count(*) from signal_analysis_job where workspace_id = ?", WS)).containsExactly("1");
    }

    @Test
    @Order(3)
    @TestSecurity(user = "mia", roles = "marketing", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void a_running_job_is_cancelled_and_keeps_no_answer() {
        UUID job = insertRunning("busy-pod", "now() + interval '1 hour'", 1);
        String id = NodeId.of("SignalAnalysisJob", job);
        var cancelled = GraphQL.ok("mutation($j: ID!) { signalAnalysisCancel(input: {jobId: $j}) { job { id state finishedAt } userErrors { code } } }",
                Map.of("j", id));
        assertThat(cancelled.getList("data.signalAnalysisCancel.userErrors")).isEmpty();
        assertThat(cancelled.getString("data.signalAnalysisCancel.job.state")).isEqualTo("CANCELLED");
        var read = GraphQL.ok(JobDeals.JOB, Map.of("id", id));
        assertThat(read.getString("data.signalAnalysisJob.state")).isEqualTo("CANCELLED");
        assertThat(read.getString("data.signalAnalysisJob.result")).isNull();
    }

    @Test
    @Order(4)
    @TestSecurity(user = "mia", roles = "marketing", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void a_job_left_by_a_dead_pod_is_taken_over_and_finished() throws InterruptedException {
        UUID job = insertRunning("dead-pod", "now() - interval '1 second'", 1);
        var json = JobDeals.awaitDone(NodeId.of("SignalAnalysisJob", job));
        assertThat(json.getString("data.signalAnalysisJob.state")).as(json.prettify()).isEqualTo("SUCCEEDED");
        assertThat(json.getInt("data.signalAnalysisJob.attempts")).isEqualTo(2);
        assertThat(json.getInt("data.signalAnalysisJob.result.groupA.size")).isEqualTo(4);
        assertThat(OwnerSql.strings("select lease_owner from signal_analysis_job where workspace_id = ? and id = ?", WS, job))
                .singleElement().isNotEqualTo("dead-pod");
    }

    /** A job RUNNING under {@code owner}'s lease, as a pod that started it leaves it. */
    private static UUID insertRunning(String owner, String leaseEnds, int attempts) {
        UUID job = UUID.randomUUID();
        String input = "{\"window\": {\"from\": \"" + JobDeals.WINDOW.get("from") + "\", \"to\": \"" + JobDeals.WINDOW.get("to") + "\"}}";
        OwnerSql.exec("insert into signal_analysis_job (workspace_id, id, input, as_of, state, progress, attempts, requested_by, created_at,"
                + " started_at, heartbeat_at, lease_owner, lease_expires_at) values (?, ?, ?::jsonb, now(), 'RUNNING', 0.1, " + attempts
                + ", 'mia', now(), now(), now(), ?, " + leaseEnds + ")", WS, job, input, owner);
        return job;
    }
}
