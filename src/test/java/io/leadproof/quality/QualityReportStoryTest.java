package io.leadproof.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadproof.support.GraphQL;
import io.leadproof.support.Members;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * RevOps asks where bad data comes from: a list purchase brings a disposable address and a role account, a webinar
 * campaign clean leads; sales rejects a lead the checks passed as bad contact data, a miss the report names.
 */
@QuarkusTest
@TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = QualityReportStoryTest.WS, type = AttributeType.STRING_SET))
class QualityReportStoryTest {

    static final String WS = "quality-report-story";

    static String lead(Map<String, Object> input) {
        return GraphQL.ok("mutation($i: LeadInput!) { leadUpsert(input: $i) { lead { id } } }", Map.of("i", input))
                .getString("data.leadUpsert.lead.id");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_report_counts_each_check_names_the_worst_campaign_and_source_and_the_misses_of_the_checks() {
        Members.rep(WS, "sam");
        GraphQL.ok("mutation { salesRepUpsert(input: {userName: \"sam\"}) { rep { userName } } }");
        String bought = GraphQL.ok("mutation { campaignCreate(input: {name: \"Bought list\", channel: EVENT}) { campaign { id } } }")
                .getString("data.campaignCreate.campaign.id");
        String webinar = GraphQL.ok("mutation { campaignCreate(input: {name: \"Webinar\", channel: EVENT}) { campaign { id } } }")
                .getString("data.campaignCreate.campaign.id");
        lead(Map.of("email", "x7@mailinator.com", "source", "LIST_PURCHASE", "campaignId", bought));
        lead(Map.of("email", "info@acme-tools.com", "companyDomain", "acme-tools.com", "source", "LIST_PURCHASE", "campaignId", bought));
        lead(Map.of("email", "rosa.franklin@helix-labs.com", "companyDomain", "helix-labs.com", "source", "EVENT", "campaignId", webinar));
        String cto = lead(Map.of("email", "kurt.goedel@logic-works.com", "companyDomain", "logic-works.com", "jobTitle", "CTO",
                "budgetStatus", "APPROVED", "source", "EVENT", "campaignId", webinar));
        String at = Instant.now().minusSeconds(60).toString();
        GraphQL.ok("mutation($i: ActivitiesRecordInput!) { activitiesRecord(input: $i) { recordedCount } }", Map.of("i", Map.of("activities",
                List.of(Map.of("clientEventId", "kurt-demo", "leadId", cto, "type", "DEMO_REQUESTED", "funnelStage", "BOFU", "occurredAt", at),
                        Map.of("clientEventId", "kurt-ebook", "leadId", cto, "type", "EBOOK_DOWNLOAD", "funnelStage", "TOFU", "occurredAt", at)))));
        String handoff = GraphQL.ok("query($id: ID!) { lead(id: $id) { handoffs { id } } }", Map.of("id", cto)).getString("data.lead.handoffs[0].id");
        assertThat(GraphQL.ok("mutation($h: ID!) { handoffReject(input: {handoffId: $h, reasonCode: \"BAD_CONTACT_DATA\"}) { userErrors { code } } }",
                Map.of("h", handoff)).getList("data.handoffReject.userErrors")).isEmpty();

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        var report = GraphQL.ok("""
                query($w: MetricsWindowInput!) { dataQualityReport(window: $w) {
                  total { leads suspect invalid duplicates invalidShare suspectShare activities botFlaggedActivities }
                  checks { code leads examples { email } }
                  worstCampaigns { campaign { name } quality { leads invalid suspect invalidShare } }
                  worstSources { source quality { leads invalidShare suspectShare } }
                  misses { rejectedForBadData missedByChecks missShare examples { id } } } }""",
                Map.of("w", Map.of("from", today.toString(), "to", today.plusDays(1).toString()))).getMap("data.dataQualityReport");

        assertThat(report.get("total")).isEqualTo(Map.of("leads", 4, "suspect", 1, "invalid", 1, "duplicates", 0,
                "invalidShare", "0.2500", "suspectShare", "0.2500", "activities", 2, "botFlaggedActivities", 0));
        assertThat((List<Object>) report.get("checks")).contains(
                Map.of("code", "EMAIL_DISPOSABLE", "leads", 1, "examples", List.of(Map.of("email", "x7@mailinator.com"))),
                Map.of("code", "EMAIL_ROLE_ACCOUNT", "leads", 1, "examples", List.of(Map.of("email", "info@acme-tools.com"))));
        assertThat(((List<?>) report.get("worstCampaigns")).getFirst()).isEqualTo(Map.of("campaign", Map.of("name", "Bought list"),
                "quality", Map.of("leads", 2, "invalid", 1, "suspect", 1, "invalidShare", "0.5000")));
        assertThat(((List<?>) report.get("worstSources")).getFirst()).isEqualTo(Map.of("source", "LIST_PURCHASE",
                "quality", Map.of("leads", 2, "invalidShare", "0.5000", "suspectShare", "0.5000")));
        assertThat(report.get("misses")).isEqualTo(Map.of("rejectedForBadData", 1, "missedByChecks", 1, "missShare", "1.0000",
                "examples", List.of(Map.of("id", cto))));
    }
}
