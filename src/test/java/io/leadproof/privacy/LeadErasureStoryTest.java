package io.leadproof.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.agroal.api.AgroalDataSource;
import io.leadproof.support.GraphQL;
import io.leadproof.support.Members;
import io.leadproof.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/**
 * Zephyrine Quillfeather fills in forms, is handed to sales, rejected with notes, re-qualifies, is won — and then asks
 * to be forgotten. After leadErase no table holds her name, email, phone, company, job title or anything she typed,
 * while every fact a metric is made of is exactly what it was. Both the export and the erasure are audited.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LeadErasureStoryTest {

    static final String WS = "privacy-story";
    /** Rep names no other test uses: SalesRep's id is the user name alone, so same-named reps of two workspaces collide. */
    static final String FIRST_REP = "pavel.privacy"; // round robin: never assigned, then by name
    static final String SECOND_REP = "priya.privacy";
    static final String EMAIL = "Zephyrine.Quillfeather@quillfeather-studio.contoso.com";
    static final String PHONE = "+14155550134";
    /** Every personal value she gave or sales wrote about her; none may survive the erasure anywhere. */
    static final List<String> NEEDLES = List.of("zephyrine", "quillfeather", PHONE, "4155550134", "crm-zq-0042", "Zephyr Labs",
            "linkedin.com/in/zq", "she prefers calls", "budget frozen until her board meets", "ZQ rollout – 5 seats");

    static String leadId;
    static String controlLeadId;
    static String campaignId;
    static String firstHandoff;
    static String secondHandoff;
    static Map<String, String> factsBefore;
    static Map<String, String> metricsBefore;
    static String firstAuditEntry;

    @Inject
    AgroalDataSource ds;

    @Test
    @Order(1)
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void revops_registers_two_reps_and_a_campaign_with_spend() {
        for (String rep : List.of(FIRST_REP, SECOND_REP)) {
            Members.rep(WS, rep);
            GraphQL.ok("mutation($u: String!) { salesRepUpsert(input: {userName: $u}) { rep { userName } } }", Map.of("u", rep));
        }
        campaignId = GraphQL.ok("""
                mutation($input: CampaignCreateInput!) { campaignCreate(input: $input) { campaign { id } userErrors { code } } }""",
                Map.of("input", Map.of("name", "Spring webinar", "channel", "EVENT"))).getString("data.campaignCreate.campaign.id");
        var cost = GraphQL.ok("""
                mutation($input: CampaignCostRecordInput!) { campaignCostRecord(input: $input) { userErrors { code } } }""",
                Map.of("input", Map.of("campaignId", campaignId, "incurredOn", now().toLocalDate().toString(),
                        "amount", Map.of("amount", "1200.00", "currency", "USD"))));
        assertThat(cost.getList("data.campaignCostRecord.userErrors")).isEmpty();
    }

    @Test
    @Order(2)
    @TestSecurity(user = "mia", roles = "marketing", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void she_signs_up_requests_a_demo_and_is_handed_to_the_first_rep() {
        var created = GraphQL.ok("""
                mutation($input: LeadInput!) { leadUpsert(input: $input) { created lead { id seniority } userErrors { field code } } }""",
                Map.of("input", Map.ofEntries(Map.entry("email", EMAIL), Map.entry("externalId", "crm-zq-0042"),
                        Map.entry("firstName", "Zephyrine"), Map.entry("lastName", "Quillfeather"), Map.entry("phone", PHONE),
                        Map.entry("companyName", "Quillfeather Studio"), Map.entry("companyDomain", "quillfeather-studio.contoso.com"),
                        Map.entry("jobTitle", "Founder & CTO, Zephyr Labs"), Map.entry("industry", "Software"),
                        Map.entry("employeeCount", 4), Map.entry("country", "US"), Map.entry("source", "EVENT"),
                        Map.entry("campaignId", campaignId), Map.entry("budgetStatus", "APPROVED"),
                        Map.entry("customAttributes", List.of(Map.of("key", "linkedin", "value", "linkedin.com/in/zq"),
                                Map.of("key", "preferredContact", "value", "she prefers calls"))))));
        assertThat(created.getList("data.leadUpsert.userErrors")).isEmpty();
        assertThat(created.getString("data.leadUpsert.lead.seniority")).isEqualTo("C_LEVEL");
        leadId = created.getString("data.leadUpsert.lead.id");
        controlLeadId = GraphQL.ok("mutation { leadUpsert(input: {email: \"control@privacy-story.contoso.com\", source: EVENT}) { lead { id } } }")
                .getString("data.leadUpsert.lead.id");

        record(List.of(
                event("zq-demo-" + EMAIL, "DEMO_REQUESTED", "BOFU", "demo-for-zephyrine",
                        List.of(Map.of("key", "formEmail", "value", EMAIL), Map.of("key", "callback", "value", PHONE))),
                event("zq-ebook-1", "EBOOK_DOWNLOAD", "TOFU", null, List.of(Map.of("key", "typedName", "value", "Zephyrine Q.")))));
        var lead = lead();
        assertThat(lead.getString("data.lead.lifecycleStage")).isEqualTo("HANDED_OFF");
        firstHandoff = lead.getString("data.lead.handoffs[0].id");
        assertThat(lead.getString("data.lead.handoffs[0].owner")).isEqualTo(FIRST_REP);
        assertThat(lead.getList("data.lead.handoffs[0].evidence.lead.value").toString()).containsIgnoringCase("quillfeather");
    }

    @Test
    @Order(3)
    @TestSecurity(user = FIRST_REP, roles = "sales", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void the_first_rep_calls_her_and_rejects_with_notes() {
        var touch = GraphQL.ok("""
                mutation($h: ID!) { handoffLogTouch(input: {handoffId: $h, channel: CALL, note: "Zephyrine: she prefers calls", idempotencyKey: "zq-touch"}) {
                  handoff { state } userErrors { code } } }""", Map.of("h", firstHandoff));
        assertThat(touch.getList("data.handoffLogTouch.userErrors")).isEmpty();
        var rejected = GraphQL.ok("""
                mutation($h: ID!) { handoffReject(input: {handoffId: $h, reasonCode: "NO_BUDGET", notes: "Zephyrine: budget frozen until her board meets"}) {
                  handoff { state rejection { disposition } } userErrors { code } } }""", Map.of("h", firstHandoff));
        assertThat(rejected.getString("data.handoffReject.handoff.rejection.disposition")).isEqualTo("RECYCLED");
    }

    @Test
    @Order(4)
    @TestSecurity(user = "mia", roles = "marketing", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void she_comes_back_to_a_webinar_and_requalifies() {
        // after the recycling: the activity must have occurred after recycledAt to re-qualify
        var webinar = new java.util.HashMap<>(event("zq-webinar-1", "WEBINAR_ATTENDED", "MOFU", "webinar-zephyrine",
                List.of(Map.of("key", "chat", "value", "Hi, Zephyrine Quillfeather here"))));
        webinar.put("occurredAt", now().toString());
        record(List.of(webinar));
        var lead = lead();
        assertThat(lead.getString("data.lead.lifecycleStage")).isEqualTo("HANDED_OFF");
        assertThat(lead.getList("data.lead.handoffs")).hasSize(2);
        secondHandoff = lead.getString("data.lead.handoffs[1].id");
        assertThat(lead.getString("data.lead.handoffs[1].owner")).isEqualTo(SECOND_REP);
    }

    @Test
    @Order(5)
    @TestSecurity(user = SECOND_REP, roles = "sales", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void the_second_rep_accepts_and_wins_the_deal() {
        GraphQL.ok("mutation($h: ID!) { handoffAccept(input: {handoffId: $h, idempotencyKey: \"zq-accept\"}) { handoff { state } } }",
                Map.of("h", secondHandoff));
        GraphQL.ok("mutation($h: ID!) { opportunityCreate(input: {handoffId: $h, name: \"ZQ rollout – 5 seats\"}) { handoff { state } } }",
                Map.of("h", secondHandoff));
        var won = GraphQL.ok("mutation($h: ID!) { dealWin(input: {handoffId: $h, amount: {amount: \"5000.00\", currency: \"USD\"}}) { handoff { state } } }",
                Map.of("h", secondHandoff));
        assertThat(won.getString("data.dealWin.handoff.state")).isEqualTo("WON");
    }

    @Test
    @Order(6)
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void she_asks_what_is_held_about_her_and_the_export_has_it_all() {
        var export = export(leadId, "DSR-0042").setRootPath("data.leadExport");
        assertThat(export.getList("userErrors")).isEmpty();
        export.setRootPath("data.leadExport.export");
        assertThat(export.getString("leadId")).isEqualTo(leadId);
        assertThat(export.getBoolean("complete")).isTrue();
        assertThat(export.getString("erasedAt")).isNull();
        Map<String, String> row = attributes(export.getList("lead"));
        assertThat(row).containsEntry("email", EMAIL).containsEntry("first_name", "Zephyrine").containsEntry("phone", PHONE)
                .containsEntry("job_title", "Founder & CTO, Zephyr Labs").containsEntry("lifecycle_stage", "WON")
                .containsKeys("created_at", "first_mql_at", "external_id", "company_name", "company_domain", "seniority", "country");
        assertThat(attributes(export.getList("customAttributes"))).containsEntry("linkedin", "linkedin.com/in/zq");
        assertThat(export.getInt("activityCount")).isEqualTo(3);
        assertThat(export.getList("activities.type")).containsExactlyInAnyOrder("DEMO_REQUESTED", "EBOOK_DOWNLOAD", "WEBINAR_ATTENDED");
        assertThat(export.getList("activities.properties.value").toString()).contains(EMAIL, PHONE);
        assertThat(export.getList("scores")).isNotEmpty();
        assertThat(export.getList("scores[0].contributions.ruleKey")).contains("c-level-title", "budget-approved");
        assertThat(export.getInt("scoreChangeCount")).isPositive();
        assertThat(export.getList("scoreHistory")).hasSize(export.getInt("scoreChangeCount"));
        assertThat(export.getList("mqlCrossings")).hasSize(1);
        assertThat(export.getInt("handoffCount")).isEqualTo(2);
        assertThat(export.getList("handoffs.state")).containsExactly("REJECTED", "WON");
        assertThat(export.getList("handoffs.handoff.id")).as("a link to the Handoff, no id of its own").containsExactly(firstHandoff, secondHandoff);
        assertThat(export.getString("handoffs[0].rejectionNotes")).contains("board meets");
        assertThat(export.getList("handoffs[0].events.type")).containsExactly("CREATED", "ASSIGNED", "TOUCH_LOGGED", "REJECTED");
        assertThat(export.getInt("handoffs[0].eventCount")).isEqualTo(4);
        assertThat(export.getString("handoffs[1].opportunityName")).isEqualTo("ZQ rollout – 5 seats");
        assertThat(export.getString("handoffs[1].wonAmount.amount")).isEqualTo("5000.00");
        assertThat(attributes(export.getList("handoffs[0].leadSnapshot"))).containsEntry("email", EMAIL);
        // the export itself is audited, and the audit entry is part of the export
        assertThat(export.getInt("privacyAuditCount")).isEqualTo(1);
        assertThat(export.getString("privacyAudit[0].action")).isEqualTo("EXPORT");
        assertThat(export.getString("privacyAudit[0].actor")).isEqualTo("ada");
        assertThat(export.getString("privacyAudit[0].reference")).isEqualTo("DSR-0042");
        assertThat(attributes(export.getList("privacyAudit[0].details"))).containsEntry("activities", "3").containsEntry("handoffs", "2");
    }

    @Test
    @Order(7)
    @TestSecurity(user = "rita", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void before_the_erasure_her_data_is_all_over_the_database() {
        for (String needle : List.of("zephyrine", "quillfeather", PHONE, "she prefers calls", "board meets", "ZQ rollout")) {
            assertThat(PrivacyProbes.rowsContaining(ds, needle)).as(needle).isNotEmpty();
        }
        assertThat(PrivacyProbes.rowsContaining(ds, "zephyr"))
                .containsKeys("lead", "activity", "lead_score", "mql_crossing", "handoff", "handoff_event", "idempotency_key",
                        "lead_trait_revision");
        factsBefore = PrivacyProbes.metricFacts(ds, WS);
        metricsBefore = PrivacyProbes.metricsAnswers();
        assertThat(factsBefore.get("funnel")).contains("WON").contains("REJECTED");
    }

    @Test
    @Order(8)
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void revops_erases_her_and_no_table_holds_anything_personal_any_more() {
        var erased = erase(leadId, "erase-zq-1", "DSR-0042").setRootPath("data.leadErase");
        assertThat(erased.getList("userErrors")).isEmpty();
        assertThat(erased.getString("erasure.leadId")).isEqualTo(leadId);
        assertThat(erased.getBoolean("erasure.firstErasure")).isTrue();
        assertThat(erased.getString("erasure.erasedAt")).isNotNull();
        assertThat(attributes(erased.getList("erasure.scrubbed"))).containsEntry("activities", "3").containsEntry("handoffs", "2")
                .containsEntry("mqlCrossings", "1").containsKeys("scores", "handoffEvents", "idempotencyKeys");
        firstAuditEntry = erased.getString("erasure.auditEntryId");

        var retry = erase(leadId, "erase-zq-1", "DSR-0042").setRootPath("data.leadErase");
        assertThat(retry.getString("erasure.auditEntryId")).as("a retry with the same key replays the first result").isEqualTo(firstAuditEntry);

        for (String needle : NEEDLES) {
            assertThat(PrivacyProbes.rowsContaining(ds, needle)).as("rows still holding '" + needle + "'").isEmpty();
        }
    }

    @Test
    @Order(9)
    @TestSecurity(user = "ross", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void every_metric_is_exactly_what_it_was() {
        var after = PrivacyProbes.metricFacts(ds, WS);
        assertThat(after.keySet()).isEqualTo(factsBefore.keySet());
        after.forEach((name, rows) -> assertThat(rows).as(name).isEqualTo(factsBefore.get(name)));
        var metricsAfter = PrivacyProbes.metricsAnswers();
        assertThat(metricsAfter.keySet()).isEqualTo(metricsBefore.keySet());
        metricsAfter.forEach((name, answer) -> assertThat(answer).as(name).isEqualTo(metricsBefore.get(name)));
        if (metricsAfter.containsKey("metrics")) {
            assertThat(metricsAfter.get("metrics")).contains("won=1").contains("leads=2");
        }
    }

    @Test
    @Order(10)
    @TestSecurity(user = "leo", roles = "leadership", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void the_lead_stays_as_anonymous_facts() {
        var lead = GraphQL.ok("""
                query($id: ID!) { lead(id: $id) { email firstName lastName phone externalId companyName companyDomain jobTitle
                  customAttributes { key } seniority country source industry employeeCount lifecycleStage erasedAt
                  campaign { id } score { total contributions { kind points evidence } }
                  activities(first: 10) { edges { node { clientEventId contentTag properties { key } type } } }
                  handoffs { state rejection { code notes } opportunityName wonAmount { amount }
                    evidence { total contributions { kind points evidence } lead { key value } }
                    events { type details { key value } } } } }""", Map.of("id", leadId)).setRootPath("data.lead");
        for (String personal : List.of("email", "firstName", "lastName", "phone", "externalId", "companyName", "companyDomain", "jobTitle")) {
            assertThat(lead.getString(personal)).as(personal).isNull();
        }
        assertThat(lead.getList("customAttributes")).isEmpty();
        assertThat(lead.getString("erasedAt")).isNotNull();
        assertThat(lead.getString("seniority")).isEqualTo("C_LEVEL");
        assertThat(lead.getString("country")).isEqualTo("US");
        assertThat(lead.getString("source")).isEqualTo("EVENT");
        assertThat(lead.getString("industry")).isEqualTo("Software");
        assertThat(lead.getInt("employeeCount")).isEqualTo(4);
        assertThat(lead.getString("lifecycleStage")).isEqualTo("WON");
        assertThat(lead.getString("campaign.id")).isEqualTo(campaignId);

        assertThat(lead.getList("activities.edges.node.type")).hasSize(3);
        assertThat(lead.getList("activities.edges.node.contentTag")).containsOnlyNulls();
        assertThat(lead.getList("activities.edges.node.properties.key").toString()).isEqualTo("[[], [], []]");
        assertThat(lead.<String>getList("activities.edges.node.clientEventId")).allMatch(id -> id.startsWith("erased:"));

        assertThat(lead.getList("handoffs.state")).containsExactly("REJECTED", "WON");
        assertThat(lead.getString("handoffs[0].rejection.code")).isEqualTo("NO_BUDGET");
        assertThat(lead.getString("handoffs[0].rejection.notes")).isNull();
        assertThat(lead.getString("handoffs[1].opportunityName")).isEqualTo("[erased]");
        assertThat(lead.getString("handoffs[1].wonAmount.amount")).isEqualTo("5000.00");
        assertThat(attributes(lead.getList("handoffs[0].evidence.lead"))).containsOnlyKeys("seniority", "industry", "country", "source",
                "employeeCount", "budgetStatus", "authority", "need", "timeline");
        // points survive; evidence quoting attributes does not; engagement evidence (counts of activities) does
        List<Map<String, Object>> contributions = lead.getList("handoffs[0].evidence.contributions");
        assertThat(contributions).isNotEmpty().allSatisfy(c -> {
            if (c.get("kind").equals("ENGAGEMENT")) {
                assertThat((String) c.get("evidence")).isNotEqualTo("[erased]");
            } else {
                assertThat(c.get("evidence")).isEqualTo("[erased]");
            }
        });
        assertThat(contributions.stream().mapToInt(c -> (Integer) c.get("points")).sum()).isEqualTo(lead.getInt("handoffs[0].evidence.total"));
        List<Map<String, Object>> rejectedDetails = lead.getList("handoffs[0].events.find { it.type == 'REJECTED' }.details");
        assertThat(attributes(rejectedDetails)).containsEntry("reason", "NO_BUDGET").containsEntry("category", "BUDGET")
                .containsEntry("notes", "[erased]");
        List<Map<String, Object>> touchDetails = lead.getList("handoffs[0].events.find { it.type == 'TOUCH_LOGGED' }.details");
        assertThat(attributes(touchDetails)).containsEntry("channel", "CALL").containsEntry("note", "[erased]");
    }

    @Test
    @Order(11)
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void erasing_again_scrubs_again_and_is_audited_again_and_the_export_shows_what_is_left() {
        var again = erase(leadId, null, null).setRootPath("data.leadErase");
        assertThat(again.getBoolean("erasure.firstErasure")).isFalse();
        assertThat(attributes(again.getList("erasure.scrubbed"))).as("nothing was left to scrub")
                .containsOnly(Map.entry("activities", "0"), Map.entry("scores", "0"), Map.entry("mqlCrossings", "0"),
                        Map.entry("handoffs", "0"), Map.entry("handoffEvents", "0"), Map.entry("idempotencyKeys", "0"));
        assertThat(again.getString("erasure.auditEntryId")).isNotEqualTo(firstAuditEntry);

        var raw = export(leadId, null);
        assertThat(raw.getMap("data.leadExport.export").toString()).doesNotContainIgnoringCase("quillfeather").doesNotContainIgnoringCase("zephyrine").doesNotContain(PHONE);
        var export = raw.setRootPath("data.leadExport.export");
        assertThat(export.getString("erasedAt")).isNotNull();
        assertThat(attributes(export.getList("lead"))).doesNotContainKeys("email", "email_normalized", "first_name", "last_name", "phone",
                "external_id", "company_name", "company_domain", "job_title").containsKeys("erased_at", "created_at", "seniority");
        assertThat(export.getInt("activityCount")).isEqualTo(3);
        assertThat(export.getInt("handoffCount")).isEqualTo(2);
        assertThat(export.getList("privacyAudit.action")).containsExactly("EXPORT", "ERASE", "ERASE", "EXPORT");
        assertThat(export.getList("privacyAudit.reason")).containsExactly(null, "DATA_SUBJECT_REQUEST", "DATA_SUBJECT_REQUEST", null);
    }

    @Test
    @Order(12)
    @TestSecurity(user = "mia", roles = "marketing", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void if_she_signs_up_again_she_is_a_new_lead_unlinked_to_the_erased_one() {
        var again = GraphQL.ok("mutation($e: String!) { leadUpsert(input: {email: $e, externalId: \"crm-zq-0042\"}) { created lead { id } } }",
                Map.of("e", EMAIL));
        assertThat(again.getBoolean("data.leadUpsert.created")).isTrue();
        assertThat(again.getString("data.leadUpsert.lead.id")).isNotEqualTo(leadId);
        var activity = GraphQL.ok("""
                mutation($i: ActivitiesRecordInput!) { activitiesRecord(input: $i) { activities { id } userErrors { code } } }""",
                Map.of("i", Map.of("activities", List.of(Map.of("clientEventId", "zq-after-erasure", "leadEmail", EMAIL,
                        "type", "PAGE_VIEW", "occurredAt", now().minusMinutes(1).toString())))));
        assertThat(activity.getList("data.activitiesRecord.userErrors")).isEmpty();
        var newLead = GraphQL.ok("query($id: ID!) { lead(id: $id) { activities { edges { node { id } } } } }",
                Map.of("id", again.getString("data.leadUpsert.lead.id")));
        assertThat(newLead.getList("data.lead.activities.edges")).as("matched by email: the new lead, not the erased one").hasSize(1);
    }

    @Test
    @Order(13)
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void revops_pages_through_the_privacy_audit() {
        String doc = """
                query($first: Int, $after: String, $lead: ID, $action: PrivacyAction) {
                  privacyAudit(first: $first, after: $after, leadId: $lead, action: $action) {
                    edges { cursor node { id action leadId actor occurredAt reason reference details { key value } } }
                    pageInfo { hasNextPage endCursor } } }""";
        var all = GraphQL.ok(doc, Map.of("lead", leadId)).setRootPath("data.privacyAudit");
        assertThat(all.getList("edges.node.action")).containsExactly("EXPORT", "ERASE", "ERASE", "EXPORT");
        assertThat(all.getList("edges.node.actor")).containsOnly("ada");
        assertThat(all.getList("edges.node.leadId")).containsOnly(leadId);
        assertThat(all.getList("edges.node.reference")).containsExactly(null, null, "DSR-0042", "DSR-0042");
        assertThat(all.getList("edges.node.id")).contains(firstAuditEntry);

        var page1 = GraphQL.ok(doc, Map.of("first", 1, "action", "ERASE")).setRootPath("data.privacyAudit");
        assertThat(page1.getList("edges")).hasSize(1);
        assertThat(page1.getBoolean("pageInfo.hasNextPage")).isTrue();
        var page2 = GraphQL.ok(doc, Map.of("first", 1, "action", "ERASE", "after", page1.getString("pageInfo.endCursor")))
                .setRootPath("data.privacyAudit");
        assertThat(page2.getString("edges[0].node.id")).isEqualTo(firstAuditEntry);
        assertThat(page2.getBoolean("pageInfo.hasNextPage")).isFalse();
    }

    @Test
    @Order(14)
    @TestSecurity(user = "gus", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = "privacy-other", type = AttributeType.STRING_SET))
    void another_workspace_cannot_erase_or_export_her_the_id_looks_never_issued() {
        String neverIssued = "gid://leadproof/Lead/" + java.util.UUID.randomUUID();
        String eraseDoc = """
                mutation($id: ID!) { leadErase(input: {leadId: $id, reason: DATA_SUBJECT_REQUEST}) { erasure { leadId } userErrors { field code message } } }""";
        String exportDoc = "mutation($id: ID!) { leadExport(input: {leadId: $id}) { export { leadId } userErrors { field code message } } }";
        var foreignErase = GraphQL.ok(eraseDoc, Map.of("id", controlLeadId));
        assertThat(foreignErase.getList("data.leadErase.userErrors.code")).containsExactly("NOT_FOUND");
        assertThat(foreignErase.getMap("data")).isEqualTo(GraphQL.ok(eraseDoc, Map.of("id", neverIssued)).getMap("data"));
        var foreignExport = GraphQL.ok(exportDoc, Map.of("id", controlLeadId));
        assertThat(foreignExport.getList("data.leadExport.userErrors.code")).containsExactly("NOT_FOUND");
        assertThat(foreignExport.getMap("data")).isEqualTo(GraphQL.ok(exportDoc, Map.of("id", neverIssued)).getMap("data"));
        assertThat(GraphQL.ok("{ privacyAudit { edges { node { id } } } }").getList("data.privacyAudit.edges")).isEmpty();
        assertThat(GraphQL.ok("query($id: ID!) { privacyAudit(leadId: $id) { edges { node { id } } } }", Map.of("id", leadId))
                .getList("data.privacyAudit.edges")).isEmpty();
    }

    @Test
    @Order(15)
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void the_control_lead_was_never_touched_and_bad_input_is_a_user_error() {
        var control = GraphQL.ok("query($id: ID!) { lead(id: $id) { email erasedAt } }", Map.of("id", controlLeadId));
        assertThat(control.getString("data.lead.email")).isEqualTo("control@privacy-story.contoso.com");
        assertThat(control.getString("data.lead.erasedAt")).isNull();
        var tooLong = GraphQL.ok("mutation($id: ID!, $r: String) { leadErase(input: {leadId: $id, reason: OTHER, reference: $r}) { erasure { leadId } userErrors { field code } } }",
                Map.of("id", controlLeadId, "r", "x".repeat(201)));
        assertThat(tooLong.getList("data.leadErase.userErrors.code")).containsExactly("TOO_LONG");
        assertThat(tooLong.getString("data.leadErase.erasure")).isNull();
        var badId = GraphQL.post("mutation { leadExport(input: {leadId: \"gid://leadproof/Campaign/00000000-0000-0000-0000-000000000000\"}) { export { leadId } } }");
        assertThat(badId.getString("errors[0].extensions.code")).isEqualTo("INVALID_ARGUMENT");
        var control2 = GraphQL.ok("query($id: ID!) { lead(id: $id) { email } }", Map.of("id", controlLeadId));
        assertThat(control2.getString("data.lead.email")).isEqualTo("control@privacy-story.contoso.com");
    }

    // ------------------------------------------------------------------ helpers

    static JsonPath erase(String id, String key, String reference) {
        var input = new java.util.HashMap<String, Object>(Map.of("leadId", id, "reason", "DATA_SUBJECT_REQUEST"));
        if (key != null) {
            input.put("idempotencyKey", key);
        }
        if (reference != null) {
            input.put("reference", reference);
        }
        return GraphQL.ok("""
                mutation($input: LeadEraseInput!) { leadErase(input: $input) {
                  erasure { leadId erasedAt firstErasure scrubbed { key value } auditEntryId } userErrors { field code } } }""",
                Map.of("input", input));
    }

    static JsonPath export(String id, String reference) {
        var input = new java.util.HashMap<String, Object>(Map.of("leadId", id));
        if (reference != null) {
            input.put("reference", reference);
        }
        return GraphQL.ok("""
                mutation($input: LeadExportInput!) { leadExport(input: $input) { userErrors { code } export {
                  leadId exportedAt erasedAt complete lead { key value } customAttributes { key value }
                  activities { id clientEventId type funnelStage contentTag occurredAt recordedAt properties { key value } } activityCount
                  scores { versionId total fit engagement qualified knockedOutBy asOf contributions { ruleKey ruleLabel kind points evidence } }
                  scoreHistory { versionId oldTotal newTotal qualified cause asOf recordedAt } scoreChangeCount
                  mqlCrossings { versionId crossedAt total contributions { ruleKey points evidence } }
                  handoffs { handoff { id } state owner versionId scoreTotal scoreFit scoreEngagement contributions { ruleKey kind points evidence }
                    leadSnapshot { key value } createdAt createdBy dueAt firstResponseAt acceptedAt rejectedAt rejectionCode
                    rejectionCategory rejectionNotes disposition opportunityAt opportunityName closedAt wonAmount { amount currency }
                    lostReason events { type actor occurredAt fromState toState details { key value } } eventCount }
                  handoffCount
                  privacyAudit { id action leadId actor occurredAt reason reference details { key value } } privacyAuditCount } } }""",
                Map.of("input", input));
    }

    static Map<String, String> attributes(List<Map<String, Object>> pairs) {
        var map = new java.util.LinkedHashMap<String, String>();
        pairs.forEach(p -> map.put((String) p.get("key"), (String) p.get("value")));
        return map;
    }

    private static Map<String, Object> event(String id, String type, String stage, String tag, List<Map<String, String>> properties) {
        var e = new java.util.HashMap<String, Object>(Map.of("clientEventId", id, "leadId", leadId, "type", type, "funnelStage", stage,
                "occurredAt", now().minusSeconds(5).toString(), "properties", properties));
        if (tag != null) {
            e.put("contentTag", tag);
        }
        return e;
    }

    /** The service's clock (TestClock): real time plus whatever offset a story left. */
    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).plus(TestClock.offset());
    }

    private static void record(List<Map<String, Object>> events) {
        var json = GraphQL.ok("mutation($i: ActivitiesRecordInput!) { activitiesRecord(input: $i) { recordedCount userErrors { code field } } }",
                Map.of("i", Map.of("activities", events)));
        assertThat(json.getList("data.activitiesRecord.userErrors")).isEmpty();
        assertThat(json.getInt("data.activitiesRecord.recordedCount")).isEqualTo(events.size());
    }

    private static JsonPath lead() {
        return GraphQL.ok("""
                query($id: ID!) { lead(id: $id) { lifecycleStage
                  handoffs { id state owner evidence { total lead { key value } } } } }""", Map.of("id", leadId));
    }
}
