package io.leadproof.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadproof.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * A frontend with a normalised cache (Relay, Apollo) updates every object a mutation changed from its payload alone,
 * follows links instead of bare ids, and shows list totals without paging through.
 */
@QuarkusTest
@TestSecurity(user = "ada", roles = "revops-admin",
        attributes = @SecurityAttribute(key = "workspaces", value = "cache-updates-test", type = AttributeType.STRING_SET))
class CacheUpdatesStoryTest {

    @Test
    void a_recorded_cost_hands_back_the_campaign_with_its_new_total() {
        var campaign = GraphQL.ok("mutation { campaignCreate(input: {name: \"Cache Webinar\", channel: EVENT}) { campaign { id } } }")
                .getString("data.campaignCreate.campaign.id");
        String record = """
                mutation($i: CampaignCostRecordInput!) { campaignCostRecord(input: $i) {
                  cost { id } campaign { id totalCost { amount } } userErrors { code } } }""";
        GraphQL.ok(record, Map.of("i", Map.of("campaignId", campaign, "incurredOn", "2026-03-05", "amount", Map.of("amount", "100.10", "currency", "USD"))));
        var second = GraphQL.ok(record, Map.of("i", Map.of("campaignId", campaign, "incurredOn", "2026-03-06",
                "amount", Map.of("amount", "0.15", "currency", "USD"))));
        assertThat(second.getString("data.campaignCostRecord.campaign.id")).isEqualTo(campaign);
        assertThat(second.getString("data.campaignCostRecord.campaign.totalCost.amount")).isEqualTo("100.25");
        assertThat(GraphQL.ok("{ campaigns(first: 1) { totalCount edges { cursor } } }").getInt("data.campaigns.totalCount")).isEqualTo(1);
    }

    @Test
    void publishing_hands_back_the_retired_version_and_switching_models_the_one_that_stopped() {
        var model = GraphQL.ok("{ criteriaModels { id drivesHandoffs activeVersion { id number status } servedVersion { id } } }");
        String modelId = model.getString("data.criteriaModels[0].id");
        String active = model.getString("data.criteriaModels[0].activeVersion.id");
        assertThat(model.getString("data.criteriaModels[0].activeVersion.status")).isEqualTo("ACTIVE");
        var draft = GraphQL.ok("mutation($m: ID!, $v: ID) { criteriaDraftCreate(input: {modelId: $m, copyFromVersionId: $v}) {"
                + " version { id status basedOnVersion { id } model { id } } } }", Map.of("m", modelId, "v", active));
        String draftId = draft.getString("data.criteriaDraftCreate.version.id");
        assertThat(draft.getString("data.criteriaDraftCreate.version.basedOnVersion.id")).isEqualTo(active);
        assertThat(draft.getString("data.criteriaDraftCreate.version.model.id")).isEqualTo(modelId);

        var published = GraphQL.ok("mutation($v: ID!) { criteriaVersionPublish(input: {versionId: $v}) {"
                + " version { id status } retiredVersion { id status } userErrors { code } } }", Map.of("v", draftId));
        assertThat(published.getString("data.criteriaVersionPublish.version.status")).isEqualTo("ACTIVE");
        assertThat(published.getString("data.criteriaVersionPublish.retiredVersion.id")).isEqualTo(active);
        assertThat(published.getString("data.criteriaVersionPublish.retiredVersion.status")).isEqualTo("RETIRED");

        var other = GraphQL.ok("mutation { criteriaModelCreate(input: {name: \"Outbound\"}) { model { id } } }").getString("data.criteriaModelCreate.model.id");
        var switched = GraphQL.ok("mutation($m: ID!) { criteriaModelSetHandoff(input: {modelId: $m}) {"
                + " model { id drivesHandoffs } previousHandoffModel { id drivesHandoffs } } }", Map.of("m", other));
        assertThat(switched.getBoolean("data.criteriaModelSetHandoff.model.drivesHandoffs")).isTrue();
        assertThat(switched.getString("data.criteriaModelSetHandoff.previousHandoffModel.id")).isEqualTo(modelId);
        assertThat(switched.getBoolean("data.criteriaModelSetHandoff.previousHandoffModel.drivesHandoffs")).isFalse();
        var again = GraphQL.ok("mutation($m: ID!) { criteriaModelSetHandoff(input: {modelId: $m}) { previousHandoffModel { id } } }", Map.of("m", other));
        assertThat(again.getString("data.criteriaModelSetHandoff.previousHandoffModel")).as("nothing stopped: it already drove handoffs").isNull();
    }

    @Test
    void an_erasure_hands_back_the_scrubbed_lead_and_its_audit_entry() {
        String lead = GraphQL.ok("mutation { leadUpsert(input: {email: \"erase.me@cache.contoso.com\", firstName: \"Erin\"}) { lead { id } } }")
                .getString("data.leadUpsert.lead.id");
        assertThat(GraphQL.ok("{ leads(filter: {stages: [NEW, MQL]}) { totalCount } }").getInt("data.leads.totalCount")).isEqualTo(1);
        var erased = GraphQL.ok("mutation($id: ID!) { leadErase(input: {leadId: $id, reason: DATA_SUBJECT_REQUEST}) {"
                + " erasure { lead { id email firstName } auditEntry { id action lead { id } } } userErrors { code } } }", Map.of("id", lead));
        assertThat(erased.getString("data.leadErase.erasure.lead.id")).isEqualTo(lead);
        assertThat(erased.getString("data.leadErase.erasure.lead.firstName")).isNull();
        assertThat(erased.getString("data.leadErase.erasure.lead.email")).isNotEqualTo("erase.me@cache.contoso.com");
        assertThat(erased.getString("data.leadErase.erasure.auditEntry.action")).isEqualTo("ERASE");
        assertThat(erased.getString("data.leadErase.erasure.auditEntry.lead.id")).isEqualTo(lead);
        assertThat(GraphQL.ok("{ privacyAudit { totalCount } }").getInt("data.privacyAudit.totalCount")).isEqualTo(1);
        // the filter input, in the style of leads and myHandoffs
        assertThat(GraphQL.ok("query($l: ID!) { privacyAudit(filter: {leadId: $l, actions: [ERASE]}) { totalCount } }", Map.of("l", lead))
                .getInt("data.privacyAudit.totalCount")).isEqualTo(1);
        assertThat(GraphQL.ok("{ privacyAudit(filter: {actions: [EXPORT]}) { totalCount } }").getInt("data.privacyAudit.totalCount")).isZero();
        assertThat(GraphQL.post("{ privacyAudit(action: ERASE, filter: {actions: [ERASE]}) { totalCount } }").getString("errors[0].message"))
                .as("one form at a time").contains("either filter or");
    }
}
