package io.leadproof.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;

import io.leadproof.e2e.Api;
import io.leadproof.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * Data of one workspace doesn't exist for another: with real tokens, globex (gus.admin) can't see, find, probe for
 * or write to what acme (ada.admin) created. Foreign ids must look exactly like ids that were never issued.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkspaceIsolationTest {

    static final String UPSERT = """
            mutation($input: LeadInput!) { leadUpsert(input: $input) {
              created userErrors { field code } lead { id email firstName jobTitle } } }""";
    static final String LEAD = "query($id: ID!) { lead(id: $id) { id email firstName campaign { id } } }";
    static final String NODE = "query($id: ID!) { node(id: $id) { id ... on Lead { email } ... on Campaign { name } } }";
    static final String CAMPAIGN = "query($id: ID!) { campaign(id: $id) { id name totalCost { amount } } }";

    Api acme;
    Api globex;
    String email;
    String acmeLeadId;
    String acmeCampaignId;

    /** Once per class, but from {@code @BeforeEach}: only around test methods does the test instance's port apply. */
    @BeforeEach
    void acme_creates_a_campaign_and_a_lead(TestInfo test) {
        boolean testIdentity = test.getTestMethod().map(m -> m.isAnnotationPresent(TestSecurity.class)).orElse(false);
        if (acmeLeadId != null || testIdentity) {
            return; // a @TestSecurity identity would replace the real tokens
        }
        acme = Api.as("ada.admin");
        globex = Api.as("gus.admin");
        assertThat(globex.ok("{ viewer { workspace { alias } } }").getString("data.viewer.workspace.alias")).isEqualTo("globex");

        acmeCampaignId = acme.ok("""
                mutation($input: CampaignCreateInput!) { campaignCreate(input: $input) { campaign { id } userErrors { code } } }""",
                Map.of("input", Map.of("name", "isolation-" + UUID.randomUUID(), "channel", "PAID_SEARCH")))
                .getString("data.campaignCreate.campaign.id");
        email = "isolation-" + UUID.randomUUID() + "@shared.example";
        var created = acme.ok(UPSERT, Map.of("input", Map.of("email", email, "firstName", "Acme", "jobTitle", "Engineer",
                "campaignId", acmeCampaignId)));
        assertThat(created.<Boolean>get("data.leadUpsert.created")).isTrue();
        acmeLeadId = created.getString("data.leadUpsert.lead.id");
        assertThat(acmeLeadId).isNotNull();
        assertThat(acmeCampaignId).isNotNull();
        // acme itself sees both
        assertThat(acme.ok(LEAD, Map.of("id", acmeLeadId)).getString("data.lead.campaign.id")).isEqualTo(acmeCampaignId);
    }

    static String neverIssued(String type) {
        return "gid://leadproof/" + type + "/" + UUID.randomUUID();
    }

    @Test
    void lead_by_a_foreign_id_answers_exactly_like_a_never_issued_id() {
        var foreign = globex.post(LEAD, Map.of("id", acmeLeadId));
        var missing = globex.post(LEAD, Map.of("id", neverIssued("Lead")));
        assertThat(foreign.body()).isEqualTo("{\"data\":{\"lead\":null}}").isEqualTo(missing.body());
    }

    @Test
    void node_by_a_foreign_id_answers_exactly_like_a_never_issued_id() {
        for (String[] id : new String[][] { { acmeLeadId, "Lead" }, { acmeCampaignId, "Campaign" } }) {
            var foreign = globex.post(NODE, Map.of("id", id[0]));
            var missing = globex.post(NODE, Map.of("id", neverIssued(id[1])));
            assertThat(foreign.body()).as(id[1]).isEqualTo("{\"data\":{\"node\":null}}").isEqualTo(missing.body());
        }
    }

    @Test
    void campaign_by_a_foreign_id_answers_exactly_like_a_never_issued_id() {
        var foreign = globex.post(CAMPAIGN, Map.of("id", acmeCampaignId));
        var missing = globex.post(CAMPAIGN, Map.of("id", neverIssued("Campaign")));
        assertThat(foreign.body()).isEqualTo("{\"data\":{\"campaign\":null}}").isEqualTo(missing.body());
    }

    @Test
    void foreign_leads_and_campaigns_never_show_up_in_listings() {
        var leads = globex.ok("{ leads(first: 100) { edges { node { id firstName } } } }");
        assertThat(leads.<List<String>>get("data.leads.edges.node.id")).doesNotContain(acmeLeadId);
        assertThat(leads.<List<String>>get("data.leads.edges.node.firstName")).doesNotContain("Acme");
        List<String> filtered = globex.ok("""
                query($f: LeadFilter) { leads(first: 100, filter: $f) { edges { node { id } } } }""",
                Map.of("f", Map.of())).get("data.leads.edges.node.id");
        assertThat(filtered).doesNotContain(acmeLeadId);
        List<String> campaignIds = globex.ok("{ campaigns(first: 100) { edges { node { id } } } }").get("data.campaigns.edges.node.id");
        assertThat(campaignIds).doesNotContain(acmeCampaignId);
        // acme does see them: the listing query works
        assertThat(acme.ok("{ campaigns(first: 100) { edges { node { id } } } }").<List<String>>get("data.campaigns.edges.node.id"))
                .contains(acmeCampaignId);
    }

    @Test
    void the_same_email_in_another_workspace_is_a_new_lead_and_leaves_the_original_alone() {
        var before = acme.ok(LEAD, Map.of("id", acmeLeadId)).json().prettify();
        var upserted = globex.ok(UPSERT, Map.of("input", Map.of("email", email.toUpperCase(), "firstName", "Globex",
                "jobTitle", "Chief Executive Officer")));
        assertThat(upserted.<Boolean>get("data.leadUpsert.created")).isTrue();
        String globexLeadId = upserted.getString("data.leadUpsert.lead.id");
        assertThat(globexLeadId).isNotEqualTo(acmeLeadId);
        assertThat(upserted.getString("data.leadUpsert.lead.firstName")).isEqualTo("Globex");

        assertThat(acme.ok(LEAD, Map.of("id", acmeLeadId)).json().prettify()).isEqualTo(before);
        assertThat(acme.ok(LEAD, Map.of("id", acmeLeadId)).getString("data.lead.firstName")).isEqualTo("Acme");
        assertThat(acme.post(LEAD, Map.of("id", globexLeadId)).body()).isEqualTo("{\"data\":{\"lead\":null}}");
        // upserting again in globex updates globex's own lead, still not acme's
        var again = globex.ok(UPSERT, Map.of("input", Map.of("email", email, "firstName", "Globex2")));
        assertThat(again.<Boolean>get("data.leadUpsert.created")).isFalse();
        assertThat(again.getString("data.leadUpsert.lead.id")).isEqualTo(globexLeadId);
        assertThat(acme.ok(LEAD, Map.of("id", acmeLeadId)).getString("data.lead.firstName")).isEqualTo("Acme");
    }

    @Test
    void a_lead_cannot_point_at_a_foreign_campaign() {
        var result = globex.ok(UPSERT, Map.of("input", Map.of("email", "isolation-" + UUID.randomUUID() + "@globex.example",
                "campaignId", acmeCampaignId)));
        assertThat(result.getString("data.leadUpsert.lead")).isNull();
        assertThat(result.<List<String>>get("data.leadUpsert.userErrors.code")).contains("NOT_FOUND");
    }

    @Test
    void recording_activities_for_a_foreign_lead_reports_not_found() {
        String record = """
                mutation($input: ActivitiesRecordInput!) { activitiesRecord(input: $input) {
                  recordedCount duplicateCount activities { id } userErrors { field code message } } }""";
        Map<String, Object> byId = Map.of("clientEventId", "isolation-" + UUID.randomUUID(), "leadId", acmeLeadId,
                "type", "PRICING_PAGE_VIEW", "occurredAt", "2026-01-02T03:04:05Z");
        var result = globex.ok(record, Map.of("input", Map.of("activities", List.of(byId))));
        assertThat(result.<Integer>get("data.activitiesRecord.recordedCount")).isZero();
        assertThat(result.<List<String>>get("data.activitiesRecord.userErrors.code")).containsExactly("NOT_FOUND");
        assertThat(result.<List<List<String>>>get("data.activitiesRecord.userErrors.field"))
                .containsExactly(List.of("activities", "0", "leadId"));
        // exactly what a never-issued lead id gives
        var missing = globex.ok(record, Map.of("input", Map.of("activities", List.of(Map.of(
                "clientEventId", "isolation-" + UUID.randomUUID(), "leadId", neverIssued("Lead"),
                "type", "PRICING_PAGE_VIEW", "occurredAt", "2026-01-02T03:04:05Z")))));
        assertThat(missing.<List<String>>get("data.activitiesRecord.userErrors.message"))
                .isEqualTo(result.<List<String>>get("data.activitiesRecord.userErrors.message"));
        // acme's lead has no activity from globex
        assertThat(acme.ok("query($id: ID!) { lead(id: $id) { activities(first: 10) { edges { node { id } } } } }",
                Map.of("id", acmeLeadId)).<List<String>>get("data.lead.activities.edges.node.id")).isEmpty();
    }

    @Test
    void costs_cannot_be_recorded_on_a_foreign_campaign() {
        String currency = globex.ok("{ workspace { reportingCurrency } }").getString("data.workspace.reportingCurrency");
        var result = globex.ok("""
                mutation($input: CampaignCostRecordInput!) { campaignCostRecord(input: $input) { cost { id } userErrors { field code } } }""",
                Map.of("input", Map.of("campaignId", acmeCampaignId, "incurredOn", "2026-01-02",
                        "amount", Map.of("amount", "999.00", "currency", currency))));
        assertThat(result.getString("data.campaignCostRecord.cost")).isNull();
        assertThat(result.<List<String>>get("data.campaignCostRecord.userErrors.code")).containsExactly("NOT_FOUND");
        assertThat(acme.ok(CAMPAIGN, Map.of("id", acmeCampaignId)).getString("data.campaign.totalCost.amount")).isEqualTo("0.00");
    }

    // ------------------------------------------------------------------ @TestSecurity: malformed ids

    @Test
    @TestSecurity(user = "iso", roles = "sales",
            attributes = @SecurityAttribute(key = "workspaces", value = "isolation-test", type = AttributeType.STRING_SET))
    void node_with_a_malformed_id_is_an_invalid_argument() {
        for (String id : List.of("not-an-id", "gid://leadproof/Lead/not-a-uuid", "42", "")) {
            var result = GraphQL.post("query($id: ID!) { node(id: $id) { id } }", Map.of("id", id));
            assertThat(result.<List<String>>get("errors.extensions.code")).as("node(id: \"%s\")", id).containsExactly("INVALID_ARGUMENT");
            assertThat(result.<List<String>>get("errors.extensions.reason")).as(id).containsExactly("INVALID_ID");
            assertThat(result.<Object>get("data.node")).isNull();
        }
    }

    @Test
    @TestSecurity(user = "iso", roles = "sales",
            attributes = @SecurityAttribute(key = "workspaces", value = "isolation-test", type = AttributeType.STRING_SET))
    void node_with_an_id_of_a_type_it_cannot_fetch_is_an_invalid_argument() {
        var result = GraphQL.post("query($id: ID!) { node(id: $id) { id } }", Map.of("id", neverIssued("Activity")));
        assertThat(result.<List<String>>get("errors.extensions.code")).containsExactly("INVALID_ARGUMENT");
        assertThat(result.<List<String>>get("errors.extensions.reason")).containsExactly("UNSUPPORTED_TYPE");
    }
}
