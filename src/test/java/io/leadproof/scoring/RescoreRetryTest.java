package io.leadproof.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.leadproof.support.Await;
import io.leadproof.support.GraphQL;
import io.leadproof.support.LogCapture;
import io.leadproof.support.OwnerSql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/**
 * RevOps publishes while writing scores fails — a fault injected with a test-only trigger on lead_score of this
 * workspace. A fault that clears up is retried away and the job succeeds; one that persists through every attempt fails
 * the job, says why and what it means, and once it is fixed scoringJobResume finishes the job where it stopped.
 */
@QuarkusTest
@TestSecurity(user = "ada", roles = "revops-admin",
        attributes = @SecurityAttribute(key = "workspaces", value = RescoreRetryTest.WS, type = AttributeType.STRING_SET))
class RescoreRetryTest {

    static final String WS = "rescore-retry";
    static final String JOB = "query($v: ID!) { criteriaVersion(id: $v) { status scoringJob { id state processed total error } } }";

    @AfterEach
    void no_fault_left() {
        OwnerSql.exec("drop trigger if exists injected_fault on lead_score");
    }

    @Test
    void a_chunk_that_fails_twice_is_retried_and_the_job_succeeds() {
        String model = leads(30);
        injectFault("nextval('rescore_retry_faults') <= 2");
        try (var logs = LogCapture.start()) {
            String version = publishCopy(model);
            awaitJob(version, "SUCCEEDED");
            var job = job(version);
            assertThat(job.getInt("data.criteriaVersion.scoringJob.processed")).isEqualTo(30)
                    .isEqualTo(job.getInt("data.criteriaVersion.scoringJob.total"));
            assertThat(logs.containing("failed (attempt 1 of 4), retrying")).isNotEmpty();
            assertThat(logs.containing("is now FAILED")).isEmpty();
        }
    }

    @Test
    void a_fault_that_persists_fails_the_job_until_it_is_resumed() {
        String model = leads(30);
        String served = GraphQL.ok("{ criteriaModels { servedVersionId } }").getString("data.criteriaModels[0].servedVersionId");
        injectFault("true");
        String version;
        // the job's failure is expected here: its ERROR (with the injected fault's stack) is asserted, not printed
        try (var logs = LogCapture.quiet("io.leadproof.scoring.RescoreWorker", "org.hibernate.orm.jdbc.error")) {
            version = publishCopy(model);
            awaitJob(version, "FAILED");
            assertThat(logs.containing("is now FAILED until resume")).isNotEmpty();
        }

        var failed = job(version);
        assertThat(failed.getString("data.criteriaVersion.status")).as("the version stays published").isEqualTo("ACTIVE");
        assertThat(failed.getString("data.criteriaVersion.scoringJob.error"))
                .startsWith("Stopped after 4 failed attempts: ERROR: injected fault").contains("(incident ");
        assertThat(GraphQL.ok("{ criteriaModels { servedVersionId } }").getString("data.criteriaModels[0].servedVersionId"))
                .as("the old scores stay served").isEqualTo(served);
        String jobId = failed.getString("data.criteriaVersion.scoringJob.id");
        assertThat(GraphQL.ok("query($id: ID!) { node(id: $id) { ... on ScoringJob { state } } }", Map.of("id", jobId))
                .getString("data.node.state")).isEqualTo("FAILED");

        no_fault_left();
        var resumed = resume(jobId);
        assertThat(resumed.getList("data.scoringJobResume.userErrors")).isEmpty();
        assertThat(resumed.getString("data.scoringJobResume.job.state")).isIn("QUEUED", "RUNNING", "SUCCEEDED");
        awaitJob(version, "SUCCEEDED");
        var done = job(version);
        assertThat(done.getInt("data.criteriaVersion.scoringJob.processed")).isEqualTo(30)
                .isEqualTo(done.getInt("data.criteriaVersion.scoringJob.total"));
        assertThat(done.getString("data.criteriaVersion.scoringJob.error")).isNull();
        assertThat(GraphQL.ok("{ criteriaModels { servedVersionId } }").getString("data.criteriaModels[0].servedVersionId"))
                .isEqualTo(version);

        assertThat(resume(jobId).getList("data.scoringJobResume.userErrors.code")).containsExactly("NOT_FAILED");
    }

    private static JsonPath resume(String jobId) {
        return GraphQL.ok("mutation($j: ID!) { scoringJobResume(input: {jobId: $j}) { job { id state } userErrors { code field } } }",
                Map.of("j", jobId));
    }

    /** Leads for this workspace, once; the id of its criteria model. */
    private static String leads(int count) {
        if (GraphQL.ok("{ leads(first: 1) { edges { node { id } } } }").getList("data.leads.edges").isEmpty()) {
            var rows = new ArrayList<Map<String, Object>>();
            for (int i = 0; i < count; i++) {
                rows.add(Map.of("email", "lead" + i + "@retry.example", "jobTitle", i % 2 == 0 ? "CTO" : "Analyst"));
            }
            GraphQL.ok("mutation($i: LeadsImportInput!) { leadsImport(input: $i) { createdCount } }", Map.of("i", Map.of("leads", rows)));
        }
        return GraphQL.ok("{ criteriaModels { id } }").getString("data.criteriaModels[0].id");
    }

    /** Every write of a score of this workspace fails while {@code condition} holds. */
    private static void injectFault(String condition) {
        OwnerSql.exec("create sequence if not exists rescore_retry_faults");
        OwnerSql.exec("select setval('rescore_retry_faults', 1, false)");
        OwnerSql.exec("create or replace function injected_fault() returns trigger language plpgsql security definer as $$ begin"
                + " if " + condition + " then raise exception 'injected fault'; end if; return new; end $$");
        OwnerSql.exec("create trigger injected_fault before insert or update on lead_score for each row"
                + " when (new.workspace_id = '" + WS + "') execute function injected_fault()");
    }

    private static String publishCopy(String model) {
        String served = GraphQL.ok("{ criteriaModels { servedVersionId } }").getString("data.criteriaModels[0].servedVersionId");
        String version = GraphQL.ok("mutation($m: ID!, $v: ID) { criteriaDraftCreate(input: {modelId: $m, copyFromVersionId: $v}) { version { id } } }",
                Map.of("m", model, "v", served)).getString("data.criteriaDraftCreate.version.id");
        GraphQL.ok("mutation($v: ID!) { criteriaVersionPublish(input: {versionId: $v}) { version { status } } }", Map.of("v", version));
        return version;
    }

    private static JsonPath job(String version) {
        return GraphQL.ok(JOB, Map.of("v", version));
    }

    private static void awaitJob(String version, String state) {
        Await.until("the rescoring job to be " + state, Duration.ofSeconds(30),
                () -> state.equals(job(version).getString("data.criteriaVersion.scoringJob.state")));
    }
}
