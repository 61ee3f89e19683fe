package io.leadproof.lead.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.leadproof.common.NodeId;
import io.leadproof.support.GraphQL;
import io.leadproof.support.OwnerSql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/**
 * Marketing finds Grace Hopper twice, once from a webinar and once from the CRM sync, and merges the two: the survivor
 * keeps its values, takes the ones it lacked, holds every activity of both and is scored on them; the merged lead's id
 * still answers, as a tombstone naming the survivor; bad requests are refused with a clear error.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestSecurity(user = "mia", roles = "marketing", attributes = @SecurityAttribute(key = "workspaces", value = LeadMergeStoryTest.WS, type = AttributeType.STRING_SET))
class LeadMergeStoryTest {

    static final String WS = "lead-merge-story";
    static final String OTHER_WS = "lead-merge-story-other";
    static final String LEAD = "id email phone jobTitle customAttributes { key value } activities(first: 50) { edges { node { id } } }"
            + " dataQuality { status issues { code } } mergedInto { id } mergedFrom { id }";
    static final String MERGE = "mutation($s: ID!, $m: ID!) { leadMerge(input: {survivorId: $s, mergedId: $m}) { merge {"
            + " survivor { " + LEAD + " } merged { id mergedInto { id } } moved { key value } filled actor occurredAt }"
            + " userErrors { code field message } } }";
    static String otherWorkspaceLead;

    static String upsert(Map<String, Object> input) {
        var r = GraphQL.ok("mutation($i: LeadInput!) { leadUpsert(input: $i) { lead { id } userErrors { code message } } }", Map.of("i", input));
        assertThat(r.getList("data.leadUpsert.userErrors", Object.class)).isEmpty();
        return r.getString("data.leadUpsert.lead.id");
    }

    static void visits(String lead, String prefix, int n) {
        Instant at = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        var activities = new java.util.ArrayList<Map<String, Object>>();
        for (int i = 0; i < n; i++) {
            activities.add(Map.of("clientEventId", prefix + "-" + UUID.randomUUID(), "leadId", lead, "type", "PRICING_PAGE_VIEW",
                    "occurredAt", at.plus(3L * i, ChronoUnit.HOURS).toString()));
        }
        var r = GraphQL.ok("mutation($i: ActivitiesRecordInput!) { activitiesRecord(input: $i) { recordedCount userErrors { code } } }",
                Map.of("i", Map.of("activities", activities)));
        assertThat(r.getList("data.activitiesRecord.userErrors", Object.class)).isEmpty();
    }

    static JsonPath merge(String survivor, String merged) {
        return GraphQL.ok(MERGE, Map.of("s", survivor, "m", merged)).setRootPath("data.leadMerge");
    }

    /** The lead's verdict history (V133), oldest first: "STATUS:CODE,CODE". */
    static List<String> verdicts(String id) {
        return OwnerSql.strings("select status || ':' || array_to_string(codes, ',') from lead_quality_revision where workspace_id = ?"
                + " and lead_id = ? order by valid_from, id", WS, NodeId.parse("Lead", id));
    }

    static Map<String, Object> lead(String id) {
        return GraphQL.ok("query($id: ID!) { lead(id: $id) { " + LEAD + " } }", Map.of("id", id)).getMap("data.lead");
    }

    @Test
    @Order(1)
    @TestSecurity(user = "olga", roles = "marketing", attributes = @SecurityAttribute(key = "workspaces", value = OTHER_WS, type = AttributeType.STRING_SET))
    void another_workspace_has_its_own_grace() {
        otherWorkspaceLead = upsert(Map.of("email", "grace.hopper@navy-labs.com", "firstName", "Grace", "lastName", "Hopper"));
    }

    @Test
    @Order(2)
    @SuppressWarnings("unchecked")
    void two_records_of_one_person_become_one_lead_keeping_every_fact() {
        String webinar = upsert(Map.of("email", "grace.hopper@navy-labs.com", "firstName", "Grace", "lastName", "Hopper",
                "companyName", "Navy Labs Inc", "companyDomain", "navy-labs.com",
                "customAttributes", List.of(Map.of("key", "plan", "value", "pro"))));
        String crm = upsert(Map.of("email", "g.hopper@navy-labs.com", "externalId", "crm-4711", "firstName", "Grace", "lastName", "Hoper",
                "companyName", "Navy Labs", "companyDomain", "navy-labs.com", "phone", "+14155550132", "jobTitle", "VP Engineering",
                "customAttributes", List.of(Map.of("key", "plan", "value", "basic"), Map.of("key", "region", "value", "AMER"))));
        visits(webinar, "webinar", 3);
        visits(crm, "crm", 2);
        assertThat(lead(webinar).get("dataQuality").toString()).as("flagged as duplicates first").contains("DUPLICATE");

        var result = merge(webinar, crm);
        assertThat(result.getList("userErrors", Object.class)).isEmpty();
        Map<String, Object> survivor = result.getMap("merge.survivor");
        assertThat(survivor.get("id")).isEqualTo(webinar);
        assertThat(survivor.get("email")).as("the survivor's values win").isEqualTo("grace.hopper@navy-labs.com");
        assertThat(survivor.get("phone")).as("missing values come from the merged lead").isEqualTo("+14155550132");
        assertThat(survivor.get("jobTitle")).isEqualTo("VP Engineering");
        assertThat((List<Map<String, Object>>) survivor.get("customAttributes")).containsExactly(
                Map.of("key", "plan", "value", "pro"), Map.of("key", "region", "value", "AMER"));
        assertThat(result.<String>getList("merge.filled")).containsExactly("externalId", "phone", "jobTitle", "custom.region");
        assertThat(result.<Map<String, Object>>getList("merge.moved")).contains(Map.of("key", "activities", "value", "2"),
                Map.of("key", "handoffs", "value", "0"));
        assertThat(result.getString("merge.actor")).isEqualTo("mia");
        assertThat((List<?>) ((Map<String, Object>) survivor.get("activities")).get("edges")).as("every activity of both").hasSize(5);
        assertThat(survivor.get("dataQuality").toString()).as("a tombstone is no one's duplicate").doesNotContain("DUPLICATE");
        assertThat((List<Map<String, Object>>) survivor.get("mergedFrom")).containsExactly(Map.of("id", crm));
        assertThat(verdicts(webinar)).as("the survivor's verdict history: a duplicate before, judged anew by the merge")
                .anyMatch(v -> v.contains("DUPLICATE")).last().asString().doesNotContain("DUPLICATE");
        assertThat(verdicts(crm)).as("the merged record keeps its own verdict history, as it was judged")
                .last().asString().contains("DUPLICATE");

        var tombstone = lead(crm);
        assertThat(tombstone.get("mergedInto")).as("the merged id still answers, naming the survivor").isEqualTo(Map.of("id", webinar));
        assertThat((List<?>) ((Map<String, Object>) tombstone.get("activities")).get("edges")).isEmpty();
        var node = GraphQL.ok("query($id: ID!) { node(id: $id) { id ... on Lead { mergedInto { id } } } }", Map.of("id", crm));
        assertThat(node.getString("data.node.mergedInto.id")).isEqualTo(webinar);

        String again = upsert(Map.of("externalId", "crm-4711", "jobTitle", "CTO"));
        assertThat(again).as("the CRM's external id now finds the survivor, never the tombstone").isEqualTo(webinar);
        var score = GraphQL.ok("query($id: ID!) { lead(id: $id) { score { engagement } } }", Map.of("id", webinar));
        assertThat(score.getInt("data.lead.score.engagement")).as("scored on the visits of both records").isPositive();

        assertThat(merge(webinar, crm).<String>getList("userErrors.code")).as("merged once").containsExactly("ALREADY_MERGED");
        var intoTombstone = merge(crm, upsert(Map.of("email", "ada.lovelace@navy-labs.com")));
        assertThat(intoTombstone.<String>getList("userErrors.code")).containsExactly("ALREADY_MERGED");
        assertThat(intoTombstone.<List<String>>getList("userErrors.field")).containsExactly(List.of("survivorId"));
    }

    @Test
    @Order(3)
    void bad_requests_are_refused_and_merge_nothing() {
        String alan = upsert(Map.of("email", "alan.turing@bletchley-park.co.uk", "firstName", "Alan", "lastName", "Turing"));
        var same = merge(alan, alan);
        assertThat(same.<String>getList("userErrors.code")).containsExactly("SAME_OBJECT");
        assertThat(same.getString("merge")).isNull();

        var foreign = merge(alan, otherWorkspaceLead);
        assertThat(foreign.<String>getList("userErrors.code")).as("a lead of another workspace is not found").containsExactly("NOT_FOUND");
        assertThat(foreign.<List<String>>getList("userErrors.field")).containsExactly(List.of("mergedId"));
        var unknown = merge(NodeId.of("Lead", UUID.randomUUID()), alan);
        assertThat(unknown.<List<String>>getList("userErrors.field")).containsExactly(List.of("survivorId"));
        assertThat(lead(alan).get("mergedInto")).isNull();

        var malformed = GraphQL.post(MERGE, Map.of("s", alan, "m", "gid://leadproof/Campaign/" + UUID.randomUUID()));
        assertThat(malformed.getString("errors[0].message")).contains("mergedId is not a Lead id");
    }

    @Test
    @Order(4)
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void erasing_the_survivor_erases_every_record_merged_into_it() {
        String first = upsert(Map.of("email", "hedy.lamarr@frequency-hop.com", "firstName", "Hedy", "lastName", "Lamarr"));
        String second = upsert(Map.of("email", "h.lamarr@frequency-hop.com", "firstName", "Hedy", "phone", "+4930123456"));
        String third = upsert(Map.of("email", "hedy@frequency-hop.com", "firstName", "Hedy", "jobTitle", "Inventor"));
        assertThat(merge(second, first).<String>getList("userErrors")).isEmpty();
        assertThat(merge(third, second).<String>getList("userErrors")).as("a survivor merged on, into a third record").isEmpty();

        var erased = GraphQL.ok("mutation($id: ID!) { leadErase(input: {leadId: $id, reason: DATA_SUBJECT_REQUEST}) {"
                + " erasure { lead { id } } userErrors { code } } }", Map.of("id", third));
        assertThat(erased.getList("data.leadErase.userErrors", Object.class)).isEmpty();
        for (String id : List.of(first, second, third)) {
            var l = GraphQL.ok("query($id: ID!) { lead(id: $id) { email firstName phone jobTitle } }", Map.of("id", id)).getMap("data.lead");
            assertThat(l.get("firstName")).as("first name of %s", id).isNull();
            assertThat(String.valueOf(l.get("email"))).as("email of %s", id).doesNotContain("frequency-hop");
            assertThat(l.get("phone")).as("phone of %s", id).isNull();
            var audit = GraphQL.ok("query($l: ID!) { privacyAudit(filter: {leadId: $l, actions: [ERASE]}) { totalCount } }", Map.of("l", id));
            assertThat(audit.getInt("data.privacyAudit.totalCount")).as("one audit entry per erased record").isEqualTo(1);
        }
    }

    @Test
    @Order(5)
    void an_activity_sent_to_the_merged_id_lands_on_the_survivor() {
        String old = upsert(Map.of("email", "katherine.johnson@orbit-math.com", "firstName", "Katherine"));
        String survivor = upsert(Map.of("email", "k.johnson@orbit-math.com", "firstName", "Katherine", "lastName", "Johnson"));
        assertThat(merge(survivor, old).<String>getList("userErrors")).isEmpty();

        visits(old, "after-merge", 2); // a tracking snippet that still carries the old id
        @SuppressWarnings("unchecked")
        var onSurvivor = (Map<String, Object>) lead(survivor).get("activities");
        assertThat((List<?>) onSurvivor.get("edges")).as("the visits count where the person is now").hasSize(2);
        @SuppressWarnings("unchecked")
        var onTombstone = (Map<String, Object>) lead(old).get("activities");
        assertThat((List<?>) onTombstone.get("edges")).isEmpty();
    }

    @Test
    @Order(6)
    void an_upsert_under_the_merged_records_own_keys_lands_on_the_survivor_at_the_end_of_the_chain() {
        String crm = upsert(Map.of("externalId", "crm-5203", "email", "dorothy.vaughan@orbit-math.com", "firstName", "Dorothy"));
        String form = upsert(Map.of("externalId", "form-88", "email", "d.vaughan@orbit-math.com", "firstName", "Dorothy",
                "lastName", "Vaughan"));
        assertThat(merge(form, crm).<String>getList("userErrors")).isEmpty();

        // the CRM sync still sends its own id for the person: an update of the survivor, not a new lead
        var synced = GraphQL.ok("mutation($i: LeadInput!) { leadUpsert(input: $i) { created lead { id externalId email jobTitle } } }",
                Map.of("i", Map.of("externalId", "crm-5203", "jobTitle", "Head of Computing"))).getMap("data.leadUpsert");
        assertThat(synced.get("created")).isEqualTo(false);
        assertThat(synced.get("lead")).as("the survivor, keeping the identity the merge chose").isEqualTo(Map.of("id", form,
                "externalId", "form-88", "email", "d.vaughan@orbit-math.com", "jobTitle", "Head of Computing"));
        assertThat(lead(crm).get("jobTitle")).as("the tombstone is not written").isNull();

        // a spreadsheet row under the merged record's email, in a batch: the same
        var batch = GraphQL.ok("mutation($i: LeadsImportInput!) { leadsImport(input: $i) { createdCount updatedCount"
                + " leads { id email phone } userErrors { code } } }", Map.of("i", Map.of("rows", List.of(
                        Map.of("email", "Dorothy.Vaughan@orbit-math.com", "phone", "+1 757 555 0100", "country", "United States")))))
                .setRootPath("data.leadsImport");
        assertThat(batch.getList("userErrors", Object.class)).isEmpty();
        assertThat(batch.getInt("createdCount")).isZero();
        assertThat(batch.getString("leads[0].id")).isEqualTo(form);
        assertThat(batch.getString("leads[0].email")).isEqualTo("d.vaughan@orbit-math.com");
        assertThat(batch.getString("leads[0].phone")).isNotNull();

        // merged on into a third record: the chain is followed to its end, for leads and for activities alike
        String third = upsert(Map.of("externalId", "event-7", "email", "dvaughan@orbit-math.com", "firstName", "Dorothy"));
        assertThat(merge(third, form).<String>getList("userErrors")).isEmpty();
        var again = GraphQL.ok("mutation($i: LeadInput!) { leadUpsert(input: $i) { created lead { id } } }",
                Map.of("i", Map.of("externalId", "crm-5203", "industry", "Aerospace"))).getMap("data.leadUpsert");
        assertThat(again).isEqualTo(Map.of("created", false, "lead", Map.of("id", third)));
        var recorded = GraphQL.ok("mutation($i: ActivitiesRecordInput!) { activitiesRecord(input: $i) { recordedCount userErrors { code } } }",
                Map.of("i", Map.of("activities", List.of(Map.of("clientEventId", "vaughan-1", "leadExternalId", "form-88",
                        "type", "PRICING_PAGE_VIEW", "occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).toString()),
                        Map.of("clientEventId", "vaughan-2", "leadEmail", "dorothy.vaughan@orbit-math.com",
                        "type", "WEBINAR_ATTENDED", "occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).toString())))));
        assertThat(recorded.getInt("data.activitiesRecord.recordedCount")).isEqualTo(2);
        @SuppressWarnings("unchecked")
        var onThird = (Map<String, Object>) lead(third).get("activities");
        assertThat((List<?>) onThird.get("edges")).as("activities under either merged record's keys").hasSize(2);
        var everyone = GraphQL.ok("{ leads(first: 100) { edges { node { firstName } } } }").<String>getList("data.leads.edges.node.firstName");
        assertThat(everyone.stream().filter("Dorothy"::equals)).as("one Dorothy, no new lead").hasSize(1);
    }

    @Test
    @Order(7)
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    @SuppressWarnings("unchecked")
    void the_export_of_a_survivor_holds_every_record_merged_into_it() {
        String first = upsert(Map.of("externalId", "crm-1912", "email", "alan.turing@bletchley-park.com", "firstName", "Alan",
                "phone", "+442079460000", "companyName", "Bletchley Park"));
        String second = upsert(Map.of("email", "a.turing@bletchley-park.com", "firstName", "Alan", "lastName", "Turing"));
        String third = upsert(Map.of("email", "turing@bletchley-park.com", "firstName", "Alan", "jobTitle", "Mathematician"));
        visits(first, "turing-first", 2);
        visits(second, "turing-second", 1);
        assertThat(merge(second, first).<String>getList("userErrors")).isEmpty();
        assertThat(merge(third, second).<String>getList("userErrors")).isEmpty();

        var export = GraphQL.ok("mutation($id: ID!) { leadExport(input: {leadId: $id, reference: \"DSR-7\"}) { export {"
                + " exportedLead { id } activityCount complete lead { key value } mergedRecords { exportedLead { id } lead { key value }"
                + " activityCount scoreChangeCount privacyAudit { action } mergedRecords { exportedLead { id } } } } userErrors { code } } }",
                Map.of("id", third)).setRootPath("data.leadExport.export");
        assertThat(export.getInt("activityCount")).as("the activities of all three records moved to the survivor").isEqualTo(3);
        List<Map<String, Object>> merged = export.getList("mergedRecords");
        assertThat(merged).extracting(m -> ((Map<String, Object>) m.get("exportedLead")).get("id"))
                .as("both records along the chain").containsExactlyInAnyOrder(first, second);
        var firstExport = merged.stream().filter(m -> ((Map<String, Object>) m.get("exportedLead")).get("id").equals(first)).findFirst().orElseThrow();
        assertThat(row(firstExport)).as("the merged record's personal data as it was, with the email it released")
                .containsEntry("first_name", "Alan").containsEntry("phone", "+442079460000").containsEntry("company_name", "Bletchley Park")
                .containsEntry("merge_alias.email", "alan.turing@bletchley-park.com");
        var secondExport = merged.stream().filter(m -> ((Map<String, Object>) m.get("exportedLead")).get("id").equals(second)).findFirst().orElseThrow();
        assertThat(row(secondExport)).as("the external id went to the second record at the first merge, and was released by it at the second")
                .containsEntry("last_name", "Turing").containsEntry("merge_alias.external_id", "crm-1912")
                .containsEntry("merge_alias.email", "a.turing@bletchley-park.com");
        assertThat((List<?>) firstExport.get("mergedRecords")).as("one flat list").isEmpty();
        assertThat((List<?>) firstExport.get("privacyAudit")).as("each exported record audited").isNotEmpty();
        for (String id : List.of(first, second, third)) {
            var audit = GraphQL.ok("query($l: ID!) { privacyAudit(filter: {leadId: $l, actions: [EXPORT]}) { totalCount } }", Map.of("l", id));
            assertThat(audit.getInt("data.privacyAudit.totalCount")).as("one export entry for %s", id).isEqualTo(1);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> row(Map<String, Object> export) {
        return ((List<Map<String, Object>>) export.get("lead")).stream()
                .collect(java.util.stream.Collectors.toMap(a -> (String) a.get("key"), a -> (String) a.get("value")));
    }
}
