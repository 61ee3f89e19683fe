package io.leadproof.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.leadproof.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/** A nested list query costs a constant number of SQL statements, whatever the number of leads (no N+1). */
@QuarkusTest
@TestSecurity(user = "leo", roles = { "leadership", "marketing" },
        attributes = @SecurityAttribute(key = "workspaces", value = "batching-test", type = AttributeType.STRING_SET))
class NestedBatchingTest {

    @Inject
    SessionFactory sessionFactory;

    static boolean seeded;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        var campaign = GraphQL.ok("mutation { campaignCreate(input: {name: \"Batch\", channel: EVENT}) { campaign { id } } }")
                .getString("data.campaignCreate.campaign.id");
        var leads = new ArrayList<Map<String, Object>>();
        var events = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 30; i++) {
            leads.add(Map.of("externalId", "b-" + i, "email", "b" + i + "@batch.example", "campaignId", campaign));
            for (int k = 0; k < 4; k++) {
                events.add(Map.of("clientEventId", "b-" + i + "-" + k, "leadExternalId", "b-" + i, "type", "PAGE_VIEW",
                        "occurredAt", OffsetDateTime.parse("2026-01-01T10:00:00Z").plusHours(k).toString()));
            }
        }
        GraphQL.ok("mutation($i: LeadsImportInput!) { leadsImport(input: $i) { createdCount } }", Map.of("i", Map.of("leads", leads)));
        GraphQL.ok("mutation($i: ActivitiesRecordInput!) { activitiesRecord(input: $i) { recordedCount } }",
                Map.of("i", Map.of("activities", events)));
        seeded = true;
    }

    @Test
    void thirty_leads_with_campaign_cost_and_activities_take_a_constant_number_of_statements() {
        var stats = sessionFactory.getStatistics();
        stats.clear();
        var json = GraphQL.ok("""
                { leads(first: 30) { edges { node { email
                    campaign { name totalCost { amount currency } }
                    activities(first: 3) { edges { node { type occurredAt } } pageInfo { hasNextPage } } } } } }""");
        long statements = stats.getPrepareStatementCount();

        List<Object> nodes = json.getList("data.leads.edges.node");
        assertThat(nodes).hasSize(30);
        assertThat(json.getList("data.leads.edges.node.activities.edges", List.class)).allSatisfy(e -> assertThat(e).hasSize(3));
        assertThat(json.getList("data.leads.edges.node.activities.pageInfo.hasNextPage")).containsOnly(true);
        assertThat(json.getList("data.leads.edges.node.campaign.name")).containsOnly("Batch");
        // leads page, campaigns of the page, their cost totals, activities of the page; the workspace row for the currency
        assertThat(statements).as("SQL statements for the nested query").isLessThanOrEqualTo(5);
    }
}
