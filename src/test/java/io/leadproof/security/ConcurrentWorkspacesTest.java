package io.leadproof.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import io.leadproof.e2e.Api;
import io.leadproof.support.Concurrently;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Requests of two workspaces at the same moment, each with nested lists that GraphQL resolves in batches (campaign,
 * activities and score of every lead): every answer holds its own workspace's rows and nothing of the other's —
 * through the entity filter, the batched loaders and the per-transaction database setting alike.
 */
@QuarkusTest
class ConcurrentWorkspacesTest {

    static final int LEADS = 20;
    static final String QUERY = """
            query($s: String) {
              leads(first: 50, filter: { search: $s }) { edges { node {
                id email
                campaign { id name }
                activities(first: 5) { edges { node { id type } } }
                score { total }
              } } }
              campaigns(first: 100) { edges { node { id name } } }
              workspace { alias }
            }""";

    record Seeded(String workspace, Api api, Set<String> leadIds, Set<String> activityIds, String campaignName) {
    }

    static Seeded seed(String workspace, String admin, String run) {
        Api api = Api.as(admin);
        String campaignName = workspace + "-" + run;
        String campaignId = api.ok("""
                mutation($input: CampaignCreateInput!) { campaignCreate(input: $input) { campaign { id } userErrors { code } } }""",
                Map.of("input", Map.of("name", campaignName, "channel", "PAID_SEARCH"))).getString("data.campaignCreate.campaign.id");
        var rows = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < LEADS; i++) {
            rows.add(Map.of("email", workspace + "-" + i + "-" + run + "@concurrent.example", "campaignId", campaignId));
        }
        var imported = api.ok("""
                mutation($input: LeadsImportInput!) { leadsImport(input: $input) { createdCount leads { id } userErrors { code message } } }""",
                Map.of("input", Map.of("leads", rows)));
        assertThat(imported.<Integer>get("data.leadsImport.createdCount")).isEqualTo(LEADS);
        List<String> leadIds = imported.get("data.leadsImport.leads.id");
        var events = new ArrayList<Map<String, Object>>();
        for (String leadId : leadIds) {
            for (int e = 0; e < 2; e++) {
                events.add(Map.of("clientEventId", workspace + "-" + run + "-" + leadId + "-" + e, "leadId", leadId,
                        "type", "PAGE_VIEW", "occurredAt", "2026-01-0" + (e + 1) + "T10:00:00Z"));
            }
        }
        var recorded = api.ok("""
                mutation($input: ActivitiesRecordInput!) { activitiesRecord(input: $input) { recordedCount userErrors { code } } }""",
                Map.of("input", Map.of("activities", events)));
        assertThat(recorded.<Integer>get("data.activitiesRecord.recordedCount")).isEqualTo(2 * LEADS);
        var activityIds = new HashSet<String>(api.ok(QUERY, Map.of("s", run)).<List<String>>get("data.leads.edges.node.activities.edges.node.id.flatten()"));
        assertThat(activityIds).hasSize(2 * LEADS);
        return new Seeded(workspace, api, Set.copyOf(leadIds), activityIds, campaignName);
    }

    static void check(Seeded own, Seeded other, Api.Result result) {
        assertThat(result.errors()).as("%s", result).isEmpty();
        assertThat(result.getString("data.workspace.alias")).isEqualTo(own.workspace());
        List<String> leadIds = result.get("data.leads.edges.node.id");
        assertThat(leadIds).as("exactly this workspace's leads of the run").containsExactlyInAnyOrderElementsOf(own.leadIds());
        List<String> emails = result.get("data.leads.edges.node.email");
        assertThat(emails).allSatisfy(e -> assertThat(e).startsWith(own.workspace() + "-"));
        List<String> campaignNames = result.get("data.leads.edges.node.campaign.name");
        assertThat(campaignNames).hasSize(LEADS).containsOnly(own.campaignName());
        List<String> activityIds = result.get("data.leads.edges.node.activities.edges.node.id.flatten()");
        assertThat(activityIds).as("every lead's own two activities").hasSize(2 * LEADS)
                .containsExactlyInAnyOrderElementsOf(own.activityIds()).doesNotContainAnyElementsOf(other.activityIds());
        List<String> allCampaigns = result.get("data.campaigns.edges.node.name");
        assertThat(allCampaigns).contains(own.campaignName()).doesNotContain(other.campaignName());
    }

    @Test
    void two_workspaces_at_once_with_nested_batched_lists_see_only_their_own_rows() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Seeded acme = seed("acme", "ada.admin", run);
        Seeded globex = seed("globex", "gus.admin", run);

        for (int round = 0; round < 3; round++) {
            var calls = new ArrayList<Callable<Runnable>>();
            for (int i = 0; i < 6; i++) {
                Seeded own = i % 2 == 0 ? acme : globex;
                Seeded other = i % 2 == 0 ? globex : acme;
                calls.add(() -> {
                    var result = own.api().post(QUERY, Map.of("s", run));
                    return () -> check(own, other, result);
                });
            }
            @SuppressWarnings("unchecked")
            List<Runnable> checks = Concurrently.run(calls.toArray(Callable[]::new));
            checks.forEach(Runnable::run);
        }
    }
}
