package io.leadproof.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadproof.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * Marketing's data turns out worse than its fields say: an email bounces, the same person arrives twice, a script
 * hammers the pricing page. The verdict follows on every write; bots and bounces never score as engagement.
 */
@QuarkusTest
@TestSecurity(user = "mia", roles = "marketing", attributes = @SecurityAttribute(key = "workspaces", value = QualityWiringStoryTest.WS, type = AttributeType.STRING_SET))
class QualityWiringStoryTest {

    static final String WS = "quality-wiring-story";
    static final String LEAD = "id email dataQuality { status issues { code field message relatedLead { id email } } }"
            + " score { total engagement knockedOutBy }";

    static Map<String, Object> upsert(Map<String, Object> input) {
        return GraphQL.ok("mutation($i: LeadInput!) { leadUpsert(input: $i) { lead { " + LEAD + " } userErrors { code } } }",
                Map.of("i", input)).getMap("data.leadUpsert.lead");
    }

    static Map<String, Object> lead(Object id) {
        return GraphQL.ok("query($id: ID!) { lead(id: $id) { " + LEAD + " } }", Map.of("id", id)).getMap("data.lead");
    }

    static void record(List<Map<String, Object>> activities) {
        var r = GraphQL.ok("mutation($i: ActivitiesRecordInput!) { activitiesRecord(input: $i) { recordedCount userErrors { code message } } }",
                Map.of("i", Map.of("activities", activities)));
        assertThat(r.getList("data.activitiesRecord.userErrors", Object.class)).isEmpty();
    }

    static Map<String, Object> activity(String event, Object leadId, String type, Instant at, Map<String, String> properties) {
        var props = new ArrayList<Map<String, String>>();
        properties.forEach((k, v) -> props.add(Map.of("key", k, "value", v)));
        return Map.of("clientEventId", event, "leadId", leadId, "type", type, "occurredAt", at.toString(), "properties", props);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> issues(Map<String, Object> lead) {
        return (List<Map<String, Object>>) ((Map<String, Object>) lead.get("dataQuality")).get("issues");
    }

    static String status(Map<String, Object> lead) {
        return ((Map<?, ?>) lead.get("dataQuality")).get("status").toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> score(Map<String, Object> lead) {
        return (Map<String, Object>) lead.get("score");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_bounce_makes_the_email_invalid_from_then_on_and_never_scores_as_engagement() {
        var lead = upsert(Map.of("externalId", "crm-ada", "email", "ada.byron@analytical-engines.com", "firstName", "Ada",
                "lastName", "Byron", "companyDomain", "analytical-engines.com"));
        assertThat(status(lead)).isEqualTo("VALID");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        record(List.of(activity("bounce-1", lead.get("id"), "EMAIL_BOUNCED", now.minusSeconds(60), Map.of())));

        var after = lead(lead.get("id"));
        assertThat(status(after)).isEqualTo("INVALID");
        assertThat(issues(after)).extracting(i -> i.get("code")).containsExactly("EMAIL_BOUNCED");
        assertThat(score(after).get("engagement")).isEqualTo(0);

        var moved = upsert(Map.of("externalId", "crm-ada", "email", "ada@analytical-engines.com", "firstName", "Ada",
                "lastName", "Byron", "companyDomain", "analytical-engines.com"));
        assertThat(moved.get("id")).isEqualTo(lead.get("id"));
        assertThat(status(moved)).as("a bounce of the old address says nothing about the new one").isEqualTo("VALID");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_same_person_twice_is_flagged_on_both_leads_naming_the_other() {
        var first = upsert(Map.of("email", "grace.hopper@navy-labs.com", "firstName", "Grace", "lastName", "Hopper",
                "companyName", "Navy Labs Inc", "companyDomain", "navy-labs.com"));
        var second = upsert(Map.of("email", "g.hopper@navy-labs.com", "firstName", "G", "lastName", "Hoper",
                "companyName", "Navy Labs", "companyDomain", "navy-labs.com"));

        assertThat(status(second)).isEqualTo("SUSPECT");
        var duplicate = issues(second).stream().filter(i -> i.get("code").equals("DUPLICATE")).findFirst().orElseThrow();
        assertThat(((Map<?, ?>) duplicate.get("relatedLead")).get("id")).isEqualTo(first.get("id"));
        var firstNow = lead(first.get("id"));
        assertThat(issues(firstNow)).anySatisfy(i -> {
            assertThat(i.get("code")).isEqualTo("DUPLICATE");
            assertThat(((Map<?, ?>) i.get("relatedLead")).get("email")).isEqualTo("g.hopper@navy-labs.com");
        });

        var other = upsert(Map.of("email", "alan.turing@navy-labs.com", "firstName", "Alan", "lastName", "Turing",
                "companyName", "Navy Labs", "companyDomain", "navy-labs.com"));
        assertThat(status(other)).as("a colleague is not a duplicate").isEqualTo("VALID");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_script_hammering_the_pricing_page_is_flagged_never_scored_and_the_lead_is_suspect() {
        var lead = upsert(Map.of("email", "linus.pauling@chem-works.com", "firstName", "Linus", "lastName", "Pauling",
                "companyDomain", "chem-works.com"));
        Instant start = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.SECONDS).plusMillis(137);
        var burst = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 20; i++) {
            burst.add(activity("burst-" + i, lead.get("id"), "PRICING_PAGE_VIEW", start.plusMillis(300L * i), Map.of()));
        }
        burst.add(activity("crawler-1", lead.get("id"), "EBOOK_DOWNLOAD", start.plusSeconds(600),
                Map.of("userAgent", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")));
        burst.add(activity("honeypot-1", lead.get("id"), "CONTACT_REQUESTED", start.plusSeconds(900), Map.of("honeypot", "yes")));
        record(burst);

        var after = lead(lead.get("id"));
        assertThat(status(after)).isEqualTo("SUSPECT");
        assertThat(issues(after)).extracting(i -> i.get("code")).containsExactly("BOT_ACTIVITY");
        assertThat(issues(after).getFirst().get("message").toString()).startsWith("22 of 22 activities look automated");
        assertThat(score(after).get("engagement")).as("flagged activities are excluded from scoring").isEqualTo(0);

        record(List.of(activity("person-1", lead.get("id"), "PRICING_PAGE_VIEW", start.plusSeconds(1800), Map.of())));
        assertThat(score(lead(lead.get("id"))).get("engagement")).as("a person's visit counts").isEqualTo(10);
    }
}
