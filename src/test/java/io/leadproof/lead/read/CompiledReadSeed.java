package io.leadproof.lead.read;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.leadproof.support.GraphQL;
import io.leadproof.support.Members;

/**
 * A workspace with every case the compiled reads must answer like the general path: leads with and without a
 * campaign, scored and handed off (automatically, to a registered rep) or not, and an erased lead.
 */
final class CompiledReadSeed {

    static final String WORKSPACE = "compiled-reads";

    record Ids(String campaign, String handedOff, String plain, String erased) {
    }

    private static Ids ids;

    private CompiledReadSeed() {
    }

    private static Map<String, Object> row(Object... pairs) {
        var map = new java.util.LinkedHashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static synchronized Ids seed() {
        if (ids != null) {
            return ids;
        }
        Members.rep(WORKSPACE, "rey");
        GraphQL.ok("mutation { salesRepUpsert(input: {userName: \"rey\"}) { rep { userName } } }");
        String campaign = GraphQL.ok("mutation { campaignCreate(input: {name: \"Spring fair\", channel: EVENT}) { campaign { id } } }")
                .getString("data.campaignCreate.campaign.id");
        var rows = List.of(
                row("externalId", "cr-1", "email", "ana@north.contoso.com", "firstName", "Ana", "lastName", "Ek",
                        "jobTitle", "CTO", "companyName", "North", "budgetStatus", "APPROVED", "country", "SE", "source", "EVENT",
                        "campaignId", campaign, "employeeCount", 250),
                row("externalId", "cr-2", "email", "bo@fabrikam.com", "jobTitle", "Intern", "source", "PAID_SEARCH"),
                row("externalId", "cr-3", "email", "cy@south.contoso.com", "jobTitle", "VP Sales", "country", "DE",
                        "campaignId", campaign, "phone", "+4930123456"),
                row("externalId", "cr-4", "email", "dee@fabrikam.com",
                        "companyName", "Quote \"Co\" \\ ünïcode", "jobTitle", "Head of IT"),
                row("externalId", "cr-5", "email", "erin@erase.contoso.com", "firstName", "Erin", "jobTitle", "CEO",
                        "campaignId", campaign));
        var leads = GraphQL.ok("mutation($i: LeadsImportInput!) { leadsImport(input: $i) { leads { id } } }",
                Map.of("i", Map.of("leads", rows))).getList("data.leadsImport.leads.id", String.class);
        String at = OffsetDateTime.now().minusMinutes(2).toString();
        GraphQL.ok("mutation($i: ActivitiesRecordInput!) { activitiesRecord(input: $i) { recordedCount } }", Map.of("i", Map.of("activities", List.of(
                Map.of("clientEventId", "cr-a1", "leadId", leads.get(0), "type", "DEMO_REQUESTED", "funnelStage", "BOFU", "occurredAt", at),
                Map.of("clientEventId", "cr-a2", "leadId", leads.get(0), "type", "EBOOK_DOWNLOAD", "funnelStage", "TOFU", "occurredAt", at),
                Map.of("clientEventId", "cr-a3", "leadId", leads.get(2), "type", "PRICING_PAGE_VIEW", "funnelStage", "MOFU", "occurredAt", at)))));
        GraphQL.ok("mutation($id: ID!) { leadErase(input: {leadId: $id, reason: DATA_SUBJECT_REQUEST}) { erasure { erasedAt } } }",
                Map.of("id", leads.get(4)));
        ids = new Ids(campaign, leads.get(0), leads.get(1), leads.get(4));
        return ids;
    }
}
