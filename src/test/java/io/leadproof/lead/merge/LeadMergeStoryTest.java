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
}
