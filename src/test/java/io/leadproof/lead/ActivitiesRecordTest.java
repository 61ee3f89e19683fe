package io.leadproof.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.leadproof.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
@TestSecurity(user = "mia", roles = "marketing",
        attributes = @SecurityAttribute(key = "workspaces", value = "activities-test", type = AttributeType.STRING_SET))
class ActivitiesRecordTest {

    static final String RECORD = """
            mutation($i: ActivitiesRecordInput!) { activitiesRecord(input: $i) {
              recordedCount duplicateCount activities { id clientEventId type } userErrors { field code } } }""";

    String leadId;

    @BeforeEach
    void lead() {
        leadId = GraphQL.ok("mutation { leadUpsert(input: {externalId: \"act-1\", email: \"act@acts.contoso.com\"}) { lead { id } } }")
                .getString("data.leadUpsert.lead.id");
    }

    @Test
    void a_retried_batch_records_nothing_twice_and_returns_the_first_result() {
        Map<String, Object> batch = Map.of("i", Map.of("activities", List.of(
                Map.of("clientEventId", "e-1", "leadId", leadId, "type", "EBOOK_DOWNLOAD", "funnelStage", "TOFU",
                        "contentTag", "guide", "occurredAt", "2026-03-01T09:00:00Z"),
                Map.of("clientEventId", "e-2", "leadEmail", "ACT@acts.contoso.com", "type", "DEMO_REQUESTED", "funnelStage", "BOFU",
                        "occurredAt", "2026-03-02T09:00:00Z"))));
        var first = GraphQL.ok(RECORD, batch);
        assertThat(first.getInt("data.activitiesRecord.recordedCount")).isEqualTo(2);
        var again = GraphQL.ok(RECORD, batch);
        assertThat(again.getInt("data.activitiesRecord.recordedCount")).isZero();
        assertThat(again.getInt("data.activitiesRecord.duplicateCount")).isEqualTo(2);
        assertThat(again.getList("data.activitiesRecord.activities.id"))
                .isEqualTo(first.getList("data.activitiesRecord.activities.id"));

        var lead = GraphQL.ok("query($id: ID!) { lead(id: $id) { activities(first: 1) { edges { cursor node { type } } pageInfo { hasNextPage endCursor } } } }",
                Map.of("id", leadId));
        assertThat(lead.getList("data.lead.activities.edges.node.type")).containsExactly("DEMO_REQUESTED");
        assertThat(lead.getBoolean("data.lead.activities.pageInfo.hasNextPage")).isTrue();
        var next = GraphQL.ok("query($id: ID!, $after: String) { lead(id: $id) { activities(first: 5, after: $after) { edges { node { type } } pageInfo { hasNextPage } } } }",
                Map.of("id", leadId, "after", lead.getString("data.lead.activities.pageInfo.endCursor")));
        assertThat(next.getList("data.lead.activities.edges.node.type")).containsExactly("EBOOK_DOWNLOAD");
        assertThat(next.getBoolean("data.lead.activities.pageInfo.hasNextPage")).isFalse();
    }

    @Test
    void the_general_path_pages_and_counts_activities_in_the_request_read() {
        String leadId = GraphQL.ok("mutation { leadUpsert(input: {externalId: \"act-pages\", email: \"pages@acts.contoso.com\"}) { lead { id } } }")
                .getString("data.leadUpsert.lead.id");
        GraphQL.ok(RECORD, Map.of("i", Map.of("activities", List.of(
                Map.of("clientEventId", "p-1", "leadId", leadId, "type", "PAGE_VIEW", "occurredAt", "2026-03-01T09:00:00Z",
                        "properties", List.of(Map.of("key", "path", "value", "/pricing"), Map.of("key", "lang", "value", "de"))),
                Map.of("clientEventId", "p-2", "leadId", leadId, "type", "WEBINAR_ATTENDED", "funnelStage", "MOFU",
                        "contentTag", "q1-webinar", "occurredAt", "2026-03-02T09:00:00.123456Z"),
                Map.of("clientEventId", "p-3", "leadId", leadId, "type", "DEMO_REQUESTED", "occurredAt", "2026-03-03T09:00:00Z")))));
        // totalCount is not compiled, so the whole request takes the general path (ActivityRows on RequestReads)
        String page = """
                query($id: ID!, $after: String) { lead(id: $id) { activities(first: 2, after: $after) { totalCount
                  edges { node { clientEventId type funnelStage contentTag occurredAt properties { key value } } }
                  pageInfo { hasNextPage endCursor } } } }""";
        var first = GraphQL.ok(page, Map.of("id", leadId));
        assertThat(first.getInt("data.lead.activities.totalCount")).isEqualTo(3);
        assertThat(first.getList("data.lead.activities.edges.node.clientEventId")).containsExactly("p-3", "p-2");
        assertThat(first.getString("data.lead.activities.edges[1].node.funnelStage")).isEqualTo("MOFU");
        assertThat(first.getString("data.lead.activities.edges[1].node.contentTag")).isEqualTo("q1-webinar");
        assertThat(first.getString("data.lead.activities.edges[1].node.occurredAt")).startsWith("2026-03-02T09:00:00.123456");
        assertThat(first.getBoolean("data.lead.activities.pageInfo.hasNextPage")).isTrue();
        var second = GraphQL.ok(page, Map.of("id", leadId, "after", first.getString("data.lead.activities.pageInfo.endCursor")));
        assertThat(second.getList("data.lead.activities.edges.node.clientEventId")).containsExactly("p-1");
        assertThat(second.getList("data.lead.activities.edges[0].node.properties.key")).containsExactly("lang", "path");
        assertThat(second.getList("data.lead.activities.edges[0].node.properties.value")).containsExactly("de", "/pricing");
        assertThat(second.getBoolean("data.lead.activities.pageInfo.hasNextPage")).isFalse();
    }

    @Test
    void bad_rows_are_reported_and_good_rows_still_land() {
        var json = GraphQL.ok(RECORD, Map.of("i", Map.of("activities", List.of(
                Map.of("clientEventId", "g-1", "leadExternalId", "act-1", "type", "PAGE_VIEW", "occurredAt", "2026-03-03T09:00:00Z"),
                Map.of("clientEventId", "g-2", "leadExternalId", "nobody", "type", "PAGE_VIEW", "occurredAt", "2026-03-03T09:00:00Z"),
                Map.of("clientEventId", "g-3", "type", "PAGE_VIEW", "occurredAt", "2026-03-03T09:00:00Z"),
                // a year ahead: a date within the policy (±10 years) that the activity rule refuses per row
                Map.of("clientEventId", "g-4", "leadId", leadId, "type", "PAGE_VIEW",
                        "occurredAt", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusYears(1).toString()),
                Map.of("clientEventId", "e-9", "leadId", "gid://leadproof/Campaign/" + leadId.substring(leadId.lastIndexOf('/') + 1),
                        "type", "PAGE_VIEW", "occurredAt", "2026-03-03T09:00:00Z")))));
        assertThat(json.getInt("data.activitiesRecord.recordedCount")).isEqualTo(1);
        assertThat(json.getList("data.activitiesRecord.userErrors.code"))
                .containsExactlyInAnyOrder("NOT_FOUND", "LEAD_REFERENCE", "IN_FUTURE", "INVALID_ID");
        assertThat(json.getList("data.activitiesRecord.userErrors.field")).contains(List.of("activities", "1", "leadExternalId"));
    }

    @Test
    void an_unknown_activity_type_is_a_validation_error_not_a_server_error() {
        var json = GraphQL.post(RECORD, Map.of("i", Map.of("activities", List.of(
                Map.of("clientEventId", "u-1", "leadId", leadId, "type", "TELEPATHY", "occurredAt", "2026-03-03T09:00:00Z")))));
        assertThat(json.getString("errors[0].extensions.classification")).isEqualTo("ValidationError");
        assertThat(json.getString("data")).isNull();
    }
}
