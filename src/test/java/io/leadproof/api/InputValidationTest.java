package io.leadproof.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadproof.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/**
 * Values of the wrong kind are refused before anything runs, wherever they sit — top-level arguments, input objects,
 * lists; variables and literals — with one short error per problem that names the field and a reason, and nothing is
 * stored (issue 13, items 1–3; issue 16, "validation errors short and naming the field").
 */
@QuarkusTest
@TestSecurity(user = "vera", roles = "revops-admin",
        attributes = @SecurityAttribute(key = "workspaces", value = "input-validation", type = AttributeType.STRING_SET))
class InputValidationTest {

    static final String UPSERT = "mutation($i: LeadInput!) { leadUpsert(input: $i) { lead { id employeeCount } userErrors { code } } }";

    static JsonPath send(String query, Map<String, Object> variables) {
        String body = given().contentType("application/json").body(Map.of("query", query, "variables", variables))
                .when().post("/graphql").then().statusCode(200).extract().asString();
        assertThat(body).as(query).doesNotContain("io.leadproof", "java.", "Exception", "$WindowInput", "Unknown Scalar",
                "wrongly returned", "ObjectValue", "\"INTERNAL\"");
        return new JsonPath(body);
    }

    /** Exactly one error, with this reason at this field, and no data: nothing ran. */
    static void refused(JsonPath json, String reason, String... field) {
        assertThat(json.getList("errors")).as(json.prettify()).hasSize(1);
        assertThat(json.getString("errors[0].extensions.code")).isEqualTo("INVALID_ARGUMENT");
        assertThat(json.getString("errors[0].extensions.reason")).isEqualTo(reason);
        assertThat(json.getList("errors[0].extensions.field", String.class)).containsExactly(field);
        assertThat(json.getString("errors[0].message")).startsWith(String.join(".", field).replaceAll("\\.(\\d+)", "[$1]") + ": ")
                .hasSizeLessThan(200);
        assertThat(json.getMap("").get("data")).isNull();
    }

    static boolean stored(String email) {
        return !GraphQL.ok("query($q: String) { leads(first: 5, filter: {search: $q}) { edges { node { id } } } }", Map.of("q", email))
                .getList("data.leads.edges").isEmpty();
    }

    // ------------------------------------------------------------------ item 1: Int

    @Test
    void an_int_that_is_not_a_whole_number_in_range_is_refused_inside_input_objects_and_nothing_is_stored() {
        List<Object> bad = List.of(1.5, 2.9999, "42", new BigDecimal("1e309"), new BigDecimal("-1e309"), 2147483648L,
                new BigDecimal("1e999999999"), true, List.of(3));
        for (Object value : bad) {
            String email = "int-" + Math.abs(String.valueOf(value).hashCode()) + "@validation.example";
            var json = send(UPSERT, Map.of("i", Map.of("email", email, "employeeCount", value)));
            refused(json, "INVALID_INT", "$i", "employeeCount");
            assertThat(json.getString("errors[0].message")).contains("whole number");
            assertThat(stored(email)).as("nothing stored for %s", value).isFalse();
        }
        var whole = send(UPSERT, Map.of("i", Map.of("email", "int-ok@validation.example", "employeeCount", new BigDecimal("42.0"))));
        assertThat(whole.getInt("data.leadUpsert.lead.employeeCount")).as("an integral number is an Int").isEqualTo(42);
    }

    @Test
    void the_same_holds_for_literals_lists_and_top_level_arguments() {
        refused(send("mutation { leadUpsert(input: {email: \"lit@validation.example\", employeeCount: 1.5}) { lead { id } } }", Map.of()),
                "INVALID_INT", "input", "employeeCount");
        refused(send("mutation { leadUpsert(input: {email: \"lit@validation.example\", employeeCount: \"42\"}) { lead { id } } }", Map.of()),
                "INVALID_INT", "input", "employeeCount");
        refused(send("mutation { leadUpsert(input: {email: \"lit@validation.example\", employeeCount: 2147483648}) { lead { id } } }", Map.of()),
                "INVALID_INT", "input", "employeeCount");
        refused(send("mutation($i: LeadsImportInput!) { leadsImport(input: $i) { createdCount } }",
                Map.of("i", Map.of("leads", List.of(Map.of("email", "a@validation.example"), Map.of("email", "b@validation.example",
                        "employeeCount", 7.5))))), "INVALID_INT", "$i", "leads", "1", "employeeCount");
        refused(send("query($n: Int) { leads(first: $n) { edges { node { id } } } }", Map.of("n", 1.5)), "INVALID_INT", "$n");
        assertThat(stored("a@validation.example")).as("the valid row of a refused batch is not stored either").isFalse();
    }

    @Test
    void a_rule_cap_of_1e309_is_refused_not_stored_as_zero() {
        var draft = draft();
        var json = send("mutation($v: ID!, $c: Int) { criteriaRuleAdd(input: {versionId: $v, rule: {key: \"cap\", label: \"Cap\","
                + " kind: ENGAGEMENT, activityType: PAGE_VIEW, pointsPerOccurrence: 1, cap: $c, values: []}}) { version { id } } }",
                Map.of("v", draft, "c", new BigDecimal("1e309")));
        refused(json, "INVALID_INT", "$c");
    }

    // ------------------------------------------------------------------ item 2 and 3: dates

    @Test
    void a_malformed_date_gets_one_short_error_naming_the_field() {
        refused(send("{ metrics(window: {from: \"2026-13-45\", to: \"2027-01-01\"}) { leads } }", Map.of()),
                "INVALID_DATE", "window", "from");
        refused(send("query($w: MetricsWindowInput!) { metrics(window: $w) { leads } }", Map.of("w", Map.of("from", "2026-01-01", "to", "soon"))),
                "INVALID_DATE", "$w", "to");
        refused(send(UPSERT, Map.of("i", Map.of("email", "when@validation.example", "createdAt", "2025-06-01 10:00"))),
                "INVALID_DATE", "$i", "createdAt");
    }

    @Test
    void dates_far_from_today_are_refused_by_one_policy_for_every_date_input() {
        String campaign = campaign();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (String day : List.of("+99999-12-31", today.plusYears(11).toString(), today.minusYears(11).toString())) {
            var json = send("mutation($i: CampaignCostRecordInput!) { campaignCostRecord(input: $i) { cost { id } } }",
                    Map.of("i", Map.of("campaignId", campaign, "incurredOn", day, "amount", Map.of("amount", "10.00", "currency", "USD"))));
            refused(json, "DATE_OUT_OF_RANGE", "$i", "incurredOn");
        }
        refused(send("{ metrics(window: {from: \"1999-01-01\", to: \"" + today + "\"}) { leads } }", Map.of()), "DATE_OUT_OF_RANGE", "window", "from");
        var fine = send("mutation($i: CampaignCostRecordInput!) { campaignCostRecord(input: $i) { cost { id } userErrors { code } } }",
                Map.of("i", Map.of("campaignId", campaign, "incurredOn", today.toString(), "amount", Map.of("amount", "10.00", "currency", "USD"))));
        assertThat(fine.getString("data.campaignCostRecord.cost.id")).isNotNull();
    }

    @Test
    void amounts_follow_one_policy_with_a_maximum_per_currency() {
        String campaign = campaign();
        for (String amount : List.of("1000000000000000", "1000000000000.01", "-1")) {
            var json = send("mutation($i: CampaignCostRecordInput!) { campaignCostRecord(input: $i) { cost { id } userErrors { code field } } }",
                    Map.of("i", Map.of("campaignId", campaign, "incurredOn", LocalDate.now(ZoneOffset.UTC).toString(),
                            "amount", Map.of("amount", amount, "currency", "USD"))));
            assertThat(json.getList("data.campaignCostRecord.userErrors.code")).as(amount).containsExactly("OUT_OF_RANGE");
            assertThat(json.getString("data.campaignCostRecord.cost")).isNull();
        }
        var revenue = send("mutation($i: LeadInput!) { leadUpsert(input: $i) { lead { id } userErrors { code field } } }",
                Map.of("i", Map.of("email", "rich@validation.example", "annualRevenue", "5000000000000")));
        assertThat(revenue.getList("data.leadUpsert.userErrors.code")).containsExactly("OUT_OF_RANGE");
        assertThat(revenue.getList("data.leadUpsert.userErrors[0].field")).containsExactly("annualRevenue");
    }

    // ------------------------------------------------------------------ issue 16: short errors naming the field

    @Test
    void a_missing_or_unknown_input_field_is_named_without_echoing_the_input() {
        var missing = send("mutation($v: ID!) { criteriaRuleAdd(input: {versionId: $v, rule: {key: \"k\", kind: FIT,"
                + " field: JOB_TITLE, operator: CONTAINS, values: [\"cto\"], points: 5}}) { version { id } } }", Map.of("v", draft()));
        refused(missing, "REQUIRED", "input", "rule", "label");
        var unknown = send(UPSERT, Map.of("i", Map.of("email", "u@validation.example", "favouriteColour", "blue")));
        refused(unknown, "UNKNOWN_FIELD", "$i", "favouriteColour");
        var wrongEnum = send(UPSERT, Map.of("i", Map.of("email", "u@validation.example", "source", "CARRIER_PIGEON")));
        refused(wrongEnum, "INVALID_ENUM", "$i", "source");
        assertThat(wrongEnum.getString("errors[0].message")).doesNotContain("CARRIER_PIGEON", "WEBSITE");
    }

    @Test
    void several_problems_get_one_error_each() {
        var json = send(UPSERT, Map.of("i", Map.of("email", "two@validation.example", "employeeCount", 1.5, "createdAt", "yesterday")));
        assertThat(json.getList("errors.extensions.reason")).containsExactlyInAnyOrder("INVALID_INT", "INVALID_DATE");
        assertThat(json.getList("errors.extensions.field")).containsExactlyInAnyOrder(List.of("$i", "employeeCount"), List.of("$i", "createdAt"));
    }

    // ------------------------------------------------------------------ fixtures

    static String campaign() {
        String name = "Validation " + System.nanoTime();
        return GraphQL.ok("mutation($n: String!) { campaignCreate(input: {name: $n, channel: EMAIL}) { campaign { id } } }", Map.of("n", name))
                .getString("data.campaignCreate.campaign.id");
    }

    static String draft() {
        String model = GraphQL.ok("mutation($n: String!) { criteriaModelCreate(input: {name: $n}) { model { id } } }",
                Map.of("n", "Validation model " + System.nanoTime())).getString("data.criteriaModelCreate.model.id");
        return GraphQL.ok("mutation($m: ID!) { criteriaDraftCreate(input: {modelId: $m}) { version { id } } }", Map.of("m", model))
                .getString("data.criteriaDraftCreate.version.id");
    }
}
