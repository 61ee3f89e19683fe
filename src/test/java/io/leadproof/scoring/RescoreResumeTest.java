package io.leadproof.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.leadproof.support.Await;
import io.leadproof.support.GraphQL;
import io.leadproof.support.LogCapture;
import io.leadproof.support.OwnerSql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * A worker died in the middle of a rescore: part 0 had scored up to its cursor, part 1 nothing, and its lease ran out a
 * moment ago — although its last chunk committed just now. Another worker takes the job over at its next poll (not 30 s
 * after the last chunk), says so in the log, scores exactly the leads that were left, and finishes it.
 */
@QuarkusTest
@TestSecurity(user = "ada", roles = "revops-admin",
        attributes = @SecurityAttribute(key = "workspaces", value = RescoreResumeTest.WS, type = AttributeType.STRING_SET))
class RescoreResumeTest {

    static final String WS = "rescore-resume";

    @Test
    void a_stale_job_is_taken_over_and_resumes_each_part_at_its_cursor() {
        var rows = new java.util.ArrayList<Map<String, Object>>();
        for (int i = 0; i < 40; i++) {
            rows.add(Map.of("email", "lead" + i + "@resume.example", "jobTitle", i % 2 == 0 ? "CTO" : "Analyst"));
        }
        var imported = GraphQL.ok("mutation($i: LeadsImportInput!) { leadsImport(input: $i) { createdCount userErrors { code } } }",
                Map.of("i", Map.of("leads", rows)));
        assertThat(imported.getList("data.leadsImport.userErrors")).isEmpty();
        String version = GraphQL.ok("{ criteriaModels { servedVersionId } }").getString("data.criteriaModels[0].servedVersionId");
        UUID versionId = io.leadproof.common.NodeId.parse("CriteriaVersion", version);
        UUID modelId = UUID.fromString(OwnerSql.strings("select model_id from criteria_version where workspace_id = ? and id = ?",
                WS, versionId).getFirst());

        // The crashed job: as of a later instant than the scores the leads have now, so its work is recognisable.
        UUID job = UUID.randomUUID();
        UUID median = UUID.fromString(OwnerSql.strings("select percentile_disc(0.5) within group (order by id)::text from lead"
                + " where workspace_id = ?", WS).getFirst());
        var parts = ScoringJobPart.split(job, List.of(io.leadproof.lead.LeadIdCuts.LOWEST, median));
        List<String> part0 = OwnerSql.strings("select id::text from lead where workspace_id = ? and id >= ? and id < ? order by id",
                WS, parts.get(0).lowerBound(), parts.get(0).upperBound());
        assertThat(part0).as("cut at the median id: the 19 ids below it in part 0").hasSize(19);
        String cursor = part0.get(part0.size() / 2);
        int before = part0.size() / 2 + 1;
        var logs = LogCapture.start();
        OwnerSql.exec("insert into scoring_job (workspace_id, id, model_id, version_id, state, total, processed, as_of, created_at,"
                + " started_at, heartbeat_at, lease_owner, lease_expires_at) values (?, ?, ?, ?, 'RUNNING', 40, ?,"
                + " now() + interval '1 second', now(), now(), now(), 'crashed-pod/1/dead', now() + interval '1 hour')",
                WS, job, modelId, versionId, before);
        OwnerSql.exec("insert into scoring_job_part (workspace_id, job_id, part, lower_bound, upper_bound, last_lead_id, processed)"
                + " values (?, ?, 0, ?, ?, ?::uuid, ?)", WS, job, parts.get(0).lowerBound(), parts.get(0).upperBound(), cursor, before);
        OwnerSql.exec("insert into scoring_job_part (workspace_id, job_id, part, lower_bound, upper_bound) values (?, ?, 1, ?, null)",
                WS, job, parts.get(1).lowerBound());
        // the lease runs out only once both parts are there: a worker polling between the inserts would see a job of one part
        OwnerSql.exec("update scoring_job set lease_expires_at = now() - interval '1 second' where workspace_id = ? and id = ?", WS, job);

        Await.until("the job to be taken over and finished", Duration.ofSeconds(15), () -> "SUCCEEDED".equals(
                OwnerSql.strings("select state from scoring_job where workspace_id = ? and id = ?", WS, job).getFirst()));
        logs.close();
        assertThat(logs.containing("Took over rescoring job " + job)).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("workspace " + WS, "from crashed-pod/1/dead", "lease ran out"));

        assertThat(OwnerSql.count("select processed from scoring_job where workspace_id = ? and id = ?", WS, job)).isEqualTo(40);
        assertThat(OwnerSql.count("select count(*) from scoring_job_part where workspace_id = ? and job_id = ? and done", WS, job)).isEqualTo(2);
        String rescored = "select count(*) from lead_score s join scoring_job j on j.workspace_id = s.workspace_id and j.id = ?"
                + " where s.workspace_id = ? and s.version_id = ? and s.as_of = j.as_of";
        assertThat(OwnerSql.count(rescored + " and s.lead_id <= ?::uuid", job, WS, versionId, cursor))
                .as("leads up to the cursor were done before the crash and are not scored again").isZero();
        assertThat(OwnerSql.count(rescored, job, WS, versionId)).as("every lead after a cursor is scored by the takeover")
                .isEqualTo(40 - before);
        assertThat(OwnerSql.count("select count(*) from lead_score where workspace_id = ? and version_id = ?", WS, versionId))
                .isEqualTo(40);
    }
}
