package io.leadproof.evidence.analysisjob;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * Signal analysis jobs are for those who may run signalAnalysis: sales is refused; another workspace's job does not
 * exist here (not readable, not cancellable); bad input gets the user errors signalAnalysis gives and queues nothing.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignalAnalysisJobAccessTest {

    static final String WS = "analysis-job-access";
    static final String OTHER = "analysis-job-access-other";
    static String otherJob;

    @Test
    @Order(1)
    @TestSecurity(user = "olga", roles = "marketing", attributes = @SecurityAttribute(key = "workspaces", value = OTHER, type = AttributeType.STRING_SET))
    void another_workspace_queues_a_job_of_its_own() {
        otherJob = GraphQL.ok("mutation($i: SignalAnalysisInput!) { signalAnalysisStart(input: $i) { job { id } } }",
                Map.of("i", Map.of("window", JobDeals.WINDOW))).getString("data.signalAnalysisStart.job.id");
        assertThat(otherJob).isNotNull();
    }

    @Test
    @Order(2)
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void another_workspaces_job_cannot_be_read_or_cancelled_and_bad_input_queues_nothing() {
        assertThat(GraphQL.ok("query($id: ID!) { signalAnalysisJob(id: $id) { id } }", Map.of("id", otherJob))
                .getString("data.signalAnalysisJob")).isNull();
        assertThat(GraphQL.ok("query($id: ID!) { node(id: $id) { id } }", Map.of("id", otherJob)).getString("data.node")).isNull();
        var cancel = GraphQL.ok("mutation($j: ID!) { signalAnalysisCancel(input: {jobId: $j}) { job { id } userErrors { code field } } }",
                Map.of("j", otherJob));
        assertThat(cancel.getList("data.signalAnalysisCancel.userErrors.code")).containsExactly("NOT_FOUND");
        var notAJob = GraphQL.ok("mutation { signalAnalysisCancel(input: {jobId: \"gid://leadproof/Lead/00000000-0000-4000-8000-000000000001\"}) {"
                + " job { id } userErrors { code } } }");
        assertThat(notAJob.getList("data.signalAnalysisCancel.userErrors.code")).containsExactly("NOT_FOUND");
        var tooMany = GraphQL.ok("mutation($i: SignalAnalysisInput!) { signalAnalysisStart(input: $i) { job { id } userErrors { code } } }",
                Map.of("i", Map.of("window", JobDeals.WINDOW, "sampleSize", 1_000_000)));
        assertThat(tooMany.getList("data.signalAnalysisStart.userErrors.code")).containsExactly("SAMPLE_SIZE_OUT_OF_RANGE");
        var overlap = GraphQL.ok("mutation($i: SignalAnalysisInput!) { signalAnalysisStart(input: $i) { job { id } userErrors { code } } }",
                Map.of("i", Map.of("window", JobDeals.WINDOW, "groupA", Map.of("outcomes", java.util.List.of("WON")),
                        "groupB", Map.of("outcomes", java.util.List.of("WON", "LOST")))));
        assertThat(overlap.getList("data.signalAnalysisStart.userErrors.code")).containsExactly("GROUPS_OVERLAP");
    }

    @Test
    @Order(3)
    @TestSecurity(user = "sam", roles = "sales", attributes = @SecurityAttribute(key = "workspaces", value = OTHER, type = AttributeType.STRING_SET))
    void sales_may_neither_start_nor_read_a_job() {
        var started = GraphQL.post("mutation($i: SignalAnalysisInput!) { signalAnalysisStart(input: $i) { job { id } } }",
                Map.of("i", Map.of("window", JobDeals.WINDOW)));
        assertThat(started.getList("errors.extensions.code")).containsExactly("forbidden");
        var read = GraphQL.post("query($id: ID!) { signalAnalysisJob(id: $id) { id } }", Map.of("id", otherJob));
        assertThat(read.getList("errors.extensions.code")).containsExactly("forbidden");
        var node = GraphQL.post("query($id: ID!) { node(id: $id) { id } }", Map.of("id", otherJob));
        assertThat(node.getList("errors.extensions.code")).containsExactly("forbidden");
    }
}
