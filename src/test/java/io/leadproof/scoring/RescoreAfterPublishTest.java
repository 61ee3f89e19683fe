package io.leadproof.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadproof.support.Await;
import io.leadproof.support.GraphQL;
import io.leadproof.support.OwnerSql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * Revops publishes a copy of the criteria with another MQL threshold. The job starts when the publish commits, not at
 * the next poll (polling is hourly here), and reads the activities of each page of seven leads with one range scan:
 * every lead keeps exactly the fit and engagement it had, an erased lead in the middle of a page is not scored, and its
 * activities count for nobody else.
 */
@QuarkusTest
@TestProfile(QueuedJobsStartAtOnceProfile.class)
@TestSecurity(user = "ada", roles = "revops-admin",
        attributes = @SecurityAttribute(key = "workspaces", value = RescoreAfterPublishTest.WS, type = AttributeType.STRING_SET))
class RescoreAfterPublishTest {

    static final String WS = "rescore-publish";
    private static final String SCORES = "select lead_id || '=' || total || '/' || fit || '/' || engagement from lead_score"
            + " where workspace_id = ? and version_id = ?::uuid";

    @Test
    void a_publish_starts_its_rescore_at_once_and_every_lead_keeps_its_own_activities() {
        var leads = new ArrayList<Map<String, Object>>();
        var activities = new ArrayList<Map<String, Object>>();
        String at = Instant.now().minusSeconds(3600).toString();
        for (int i = 0; i < 45; i++) {
            String email = "lead" + i + "@publish.contoso.com";
            leads.add(Map.of("email", email, "jobTitle", i % 3 == 0 ? "CEO" : "Analyst"));
            for (int k = 0; k < i % 4; k++) {
                activities.add(Map.of("clientEventId", "e-" + i + "-" + k, "leadEmail", email, "occurredAt", at,
                        "type", k % 2 == 0 ? "DEMO_REQUESTED" : "EBOOK_DOWNLOAD", "funnelStage", k % 2 == 0 ? "BOFU" : "TOFU"));
            }
        }
        GraphQL.ok("mutation($i: LeadsImportInput!) { leadsImport(input: $i) { createdCount } }", Map.of("i", Map.of("leads", leads)));
        GraphQL.ok("mutation($i: ActivitiesRecordInput!) { activitiesRecord(input: $i) { recordedCount } }",
                Map.of("i", Map.of("activities", activities)));
        var model = GraphQL.ok("{ criteriaModels { id servedVersionId } }");
        String served = model.getString("data.criteriaModels[0].servedVersionId");
        String servedId = io.leadproof.common.NodeId.parse("CriteriaVersion", served).toString();

        List<String> ids = OwnerSql.strings("select id::text from lead where workspace_id = ? order by id", WS);
        String erased = ids.stream().filter(id -> OwnerSql.count("select count(*) from activity where workspace_id = ? and lead_id = ?::uuid",
                WS, id) > 0).skip(ids.size() / 4).findFirst().orElseThrow();
        var erasure = GraphQL.ok("mutation($id: ID!) { leadErase(input: {leadId: $id, reason: DATA_SUBJECT_REQUEST}) { userErrors { code } } }",
                Map.of("id", io.leadproof.common.NodeId.of("Lead", java.util.UUID.fromString(erased))));
        assertThat(erasure.getList("data.leadErase.userErrors")).isEmpty();
        Map<String, String> before = scores(servedId);
        before.remove(erased);
        assertThat(before).hasSize(44);
        assertThat(before.values().stream().map(s -> s.split("/")[2]).distinct()).as("engagement differs from lead to lead").hasSizeGreaterThan(2);
        a_page_around_the_erased_lead_reads_only_its_own_leads_activities(ids, erased);

        String draft = publishCopy(model.getString("data.criteriaModels[0].id"), served, 70);
        assertThat(scores(io.leadproof.common.NodeId.parse("CriteriaVersion", draft).toString()))
                .as("the same rules give every lead the same points; the erased lead has no score").isEqualTo(before);

        // Looser criteria: the job itself qualifies the leads that now reach 20 and, the workspace handing off
        // automatically, hands each of them to sales with the new version's evidence.
        long handoffsBefore = OwnerSql.count("select count(*) from handoff where workspace_id = ?", WS);
        String looser = publishCopy(model.getString("data.criteriaModels[0].id"), draft, 20);
        String looserId = io.leadproof.common.NodeId.parse("CriteriaVersion", looser).toString();
        String qualifiedLeads = " from lead_score s join lead l on l.workspace_id = s.workspace_id and l.id = s.lead_id"
                + " where s.workspace_id = ? and s.version_id = ?::uuid and s.qualified and l.erased_at is null";
        long handedOffByTheJob = OwnerSql.count("select count(*) from handoff where workspace_id = ? and version_id = ?::uuid",
                WS, looserId);
        assertThat(handedOffByTheJob).as("handoffs opened by the rescoring job").isPositive()
                .isEqualTo(OwnerSql.count("select count(*) from handoff where workspace_id = ?", WS) - handoffsBefore);
        assertThat(OwnerSql.strings("select distinct l.lifecycle_stage || ':' || (select count(*) from handoff h"
                + " where h.workspace_id = l.workspace_id and h.lead_id = l.id)" + qualifiedLeads, WS, looserId))
                .as("every qualified lead is with sales, through exactly one handoff").containsExactly("HANDED_OFF:1");
    }

    private static String publishCopy(String modelId, String fromVersion, int mql) {
        String version = GraphQL.ok("mutation($m: ID!, $v: ID) { criteriaDraftCreate(input: {modelId: $m, copyFromVersionId: $v}) { version { id } } }",
                Map.of("m", modelId, "v", fromVersion)).getString("data.criteriaDraftCreate.version.id");
        GraphQL.ok("mutation($v: ID!, $t: Int!) { criteriaThresholdsSet(input: {versionId: $v, mql: $t}) { version { id } } }",
                Map.of("v", version, "t", mql));
        GraphQL.ok("mutation($v: ID!) { criteriaVersionPublish(input: {versionId: $v}) { version { status } } }", Map.of("v", version));
        Await.until("the rescore to finish without a poll", Duration.ofSeconds(20), () -> "SUCCEEDED".equals(GraphQL.ok(
                "query($v: ID!) { criteriaVersion(id: $v) { scoringJob { state } } }", Map.of("v", version))
                .getString("data.criteriaVersion.scoringJob.state")));
        return version;
    }

    private static void a_page_around_the_erased_lead_reads_only_its_own_leads_activities(List<String> ids, String erased) {
        int at = ids.indexOf(erased);
        List<java.util.UUID> page = java.util.stream.Stream.concat(ids.subList(Math.max(0, at - 3), at).stream(),
                ids.subList(at + 1, Math.min(ids.size(), at + 4)).stream()).map(java.util.UUID::fromString).toList();
        try (var c = OwnerSql.connect()) {
            var read = LeadFacts.activitiesOfPage(c, WS, page, Instant.now().minus(Duration.ofDays(400)), Instant.now());
            assertThat(read).doesNotContainKey(java.util.UUID.fromString(erased));
            for (var lead : page) {
                assertThat(read.getOrDefault(lead, List.of())).as("activities of " + lead).hasSize((int) OwnerSql.count(
                        "select count(*) from activity where workspace_id = ? and lead_id = ?", WS, lead));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> scores(String versionId) {
        var result = new HashMap<String, String>();
        OwnerSql.strings(SCORES, WS, versionId).forEach(r -> result.put(r.substring(0, r.indexOf('=')), r.substring(r.indexOf('=') + 1)));
        return result;
    }
}
