package io.leadproof.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.leadproof.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/**
 * Bad input across the API: lengths, control characters and NUL, numeric ranges, NaN and infinities, unknown enums,
 * injection strings, malformed ids and dates. Every case gets a clear error — a user error, INVALID_ARGUMENT or a
 * validation error — never an internal one, and nothing is stored half-way. (Lead fields: LeadUpsertTest.)
 */
@QuarkusTest
@TestSecurity(user = "bea", roles = "revops-admin",
        attributes = @SecurityAttribute(key = "workspaces", value = "bad-input-test", type = AttributeType.STRING_SET))
class BadInputTest {

    static final String NUL = "a\u0000b";
    static final String BELL = "a\u0007b";
    static final String ESC = "a\u001b[31mb";

    String leadId;

    @BeforeEach
    void seed() {
        leadId = GraphQL.ok("mutation { leadUpsert(input: {email: \"zed@bad.example\", firstName: \"Zed\"}) { lead { id } } }")
                .getString("data.leadUpsert.lead.id");
    }

    /** Posts and checks the answer is a clear refusal or success: HTTP 200, no INTERNAL error, nothing Java-ish. */
    static JsonPath send(String query, Map<String, Object> variables) {
        String body = given().contentType("application/json").body(Map.of("query", query, "variables", variables))
                .when().post("/graphql").then().statusCode(200).extract().asString();
        assertThat(body).as(query).doesNotContain("\"INTERNAL\"", "io.leadproof", "org.hibernate", "java.", "SQLState",
                "Exception:", "\tat ");
        return new JsonPath(body);
    }

    static JsonPath send(String query) {
        return send(query, Map.of());
    }

    static void refusedAs(JsonPath json, String code, String reason) {
        assertThat(json.getString("errors[0].extensions.code")).as(json.prettify()).isEqualTo(code);
        if (reason != null) {
            assertThat(json.getString("errors[0].extensions.reason")).isEqualTo(reason);
        }
    }

    static void invalidDocument(JsonPath json) {
        assertThat(json.getString("errors[0].extensions.classification")).as(json.prettify()).isEqualTo("ValidationError");
        assertThat(json.getMap("").get("data")).isNull();
    }

    // ------------------------------------------------------------------ text

    @Test
    void control_characters_and_nul_in_text_are_user_errors_and_nothing_is_stored() {
        for (String bad : List.of(NUL, BELL, ESC)) {
            var campaign = send("mutation($n: String!) { campaignCreate(input: {name: $n, channel: EMAIL}) { campaign { id } userErrors { code field } } }",
                    Map.of("n", bad));
            assertThat(campaign.getList("data.campaignCreate.userErrors.code")).containsExactly("INVALID_CHARACTERS");
            assertThat(campaign.getString("data.campaignCreate.campaign")).isNull();

            var reason = send("mutation($l: String!) { rejectionReasonCreate(input: {code: \"BAD_INPUT_X\", label: $l, category: FIT}) { userErrors { code } } }",
                    Map.of("l", bad));
            assertThat(reason.getList("data.rejectionReasonCreate.userErrors.code")).containsExactly("INVALID_CHARACTERS");

            var rep = send("mutation($u: String!) { salesRepUpsert(input: {userName: $u}) { userErrors { code } } }", Map.of("u", bad));
            assertThat(rep.getList("data.salesRepUpsert.userErrors.code")).containsExactly("INVALID_CHARACTERS");

            var activity = send("""
                    mutation($e: String!, $l: ID!) { activitiesRecord(input: {activities: [
                      {clientEventId: $e, leadId: $l, type: PAGE_VIEW, occurredAt: "2025-01-01T00:00:00Z"}]}) {
                      recordedCount userErrors { code field } } }""", Map.of("e", bad, "l", leadId));
            assertThat(activity.getInt("data.activitiesRecord.recordedCount")).isZero();
            assertThat(activity.getList("data.activitiesRecord.userErrors.code")).containsExactly("INVALID_CHARACTERS");
        }
        assertThat(send("{ campaigns(first: 100) { edges { node { name } } } }").getList("data.campaigns.edges")).isEmpty();
    }

    @Test
    void control_characters_in_filters_are_invalid_arguments_not_database_errors() {
        for (String filter : List.of("search", "ownerId", "country")) {
            for (String bad : List.of(NUL, BELL)) {
                var json = send("query($f: LeadFilter) { leads(filter: $f) { edges { node { id } } } }", Map.of("f", Map.of(filter, bad)));
                refusedAs(json, "INVALID_ARGUMENT", "INVALID_CHARACTERS");
            }
        }
        refusedAs(send("query($s: String) { leads(filter: {search: $s}) { edges { node { id } } } }", Map.of("s", "x".repeat(101))),
                "INVALID_ARGUMENT", "TOO_LONG");
    }

    @Test
    void overlong_text_is_refused_per_field() {
        var campaign = send("mutation($n: String!) { campaignCreate(input: {name: $n, channel: EMAIL}) { userErrors { code field } } }",
                Map.of("n", "c".repeat(201)));
        assertThat(campaign.getList("data.campaignCreate.userErrors.code")).containsExactly("TOO_LONG");
        var reason = send("mutation($l: String!) { rejectionReasonCreate(input: {code: \"LONG_LABEL\", label: $l, category: FIT}) { userErrors { code } } }",
                Map.of("l", "l".repeat(121)));
        assertThat(reason.getList("data.rejectionReasonCreate.userErrors.code")).containsExactly("TOO_LONG");
        var rep = send("mutation($u: String!) { salesRepUpsert(input: {userName: $u}) { userErrors { code } } }", Map.of("u", "u".repeat(101)));
        assertThat(rep.getList("data.salesRepUpsert.userErrors.code")).containsExactly("TOO_LONG");
        var id = send("query($id: ID!) { lead(id: $id) { id } }", Map.of("id", "gid://leadproof/Lead/" + "f".repeat(100_000)));
        refusedAs(id, "INVALID_ARGUMENT", "INVALID_ID");
    }

    @Test
    void unicode_that_is_not_control_text_is_stored_as_sent_in_nfc() {
        String name = "Zoë Ångström 李雷 مرحبا 👩🏽‍💻 e\u0301";
        var json = send("mutation($n: String!) { leadUpsert(input: {email: \"unicode@bad.example\", firstName: $n}) { lead { firstName } userErrors { code } } }",
                Map.of("n", name));
        assertThat(json.getString("data.leadUpsert.lead.firstName")).isEqualTo(java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC));
    }

    // ------------------------------------------------------------------ numbers

    @Test
    void numbers_out_of_range_are_refused() {
        for (int count : new int[] { -1, 10_000_001 }) {
            var lead = send("mutation($c: Int) { leadUpsert(input: {email: \"range@bad.example\", employeeCount: $c}) { lead { id } userErrors { code } } }",
                    Map.of("c", count));
            assertThat(lead.getList("data.leadUpsert.userErrors.code")).containsExactly("OUT_OF_RANGE");
            assertThat(lead.getString("data.leadUpsert.lead")).isNull();
        }
        assertThat(send("{ leads(filter: {search: \"range@bad.example\"}) { edges { node { id } } } }").getList("data.leads.edges"))
                .as("nothing stored").isEmpty();
        // beyond Int: a validation error, or (literal 2^31, which SmallRye's Int coerces) an out-of-range user error
        for (var overflow : List.of(
                send("mutation { leadUpsert(input: {email: \"big@bad.example\", employeeCount: 2147483648}) { lead { id } userErrors { code } } }"),
                send("mutation($c: Int) { leadUpsert(input: {email: \"big@bad.example\", employeeCount: $c}) { lead { id } userErrors { code } } }",
                        Map.of("c", 99_999_999_999L)))) {
            if (overflow.getList("errors") == null) {
                assertThat(overflow.getList("data.leadUpsert.userErrors.code")).as(overflow.prettify()).containsExactly("OUT_OF_RANGE");
            } else {
                assertThat(overflow.getString("errors[0].extensions.classification")).isEqualTo("ValidationError");
            }
        }
        assertThat(send("{ leads(filter: {search: \"big@bad.example\"}) { edges { node { id } } } }").getList("data.leads.edges"))
                .as("nothing stored").isEmpty();
        for (Object first : List.<Object>of(2_147_483_648L, 1e308, -1e308)) {
            refusedAs(send("query($n: Int) { leads(first: $n) { edges { cursor } } }", Map.of("n", first)), "INVALID_ARGUMENT", "INVALID_INT");
        }
        for (int hours : new int[] { 0, 721, -5 }) {
            var ws = send("mutation($h: Int) { workspaceUpdate(input: {responseSlaHours: $h}) { userErrors { code } } }", Map.of("h", hours));
            assertThat(ws.getList("data.workspaceUpdate.userErrors.code")).containsExactly("OUT_OF_RANGE");
        }
        assertThat(send("{ workspace { responseSlaHours } }").getInt("data.workspace.responseSlaHours")).isBetween(1, 720);
    }

    @Test
    void decimals_must_be_finite_plain_amounts() {
        String campaign = send("mutation { campaignCreate(input: {name: \"Decimals\", channel: EMAIL}) { campaign { id } } }")
                .getString("data.campaignCreate.campaign.id");
        String currency = send("{ workspace { reportingCurrency } }").getString("data.workspace.reportingCurrency");
        String record = "mutation($a: Decimal!, $c: ID!, $cur: String!) { campaignCostRecord(input: {campaignId: $c, incurredOn: \"2025-01-01\","
                + " amount: {amount: $a, currency: $cur}}) { cost { id } userErrors { code } } }";
        for (String amount : List.of("-1", "1.234", "1e15", "1000000000000000.00")) {
            var json = send(record, Map.of("a", amount, "c", campaign, "cur", currency));
            assertThat(json.getList("data.campaignCostRecord.userErrors.code")).as(amount).isNotEmpty();
            assertThat(json.getString("data.campaignCostRecord.cost")).isNull();
        }
        // not a decimal, or one with a billion digits once written out (it used to stall an event loop for seconds)
        for (String amount : List.of("NaN", "Infinity", "-Infinity", "abc", "", "1".repeat(41), "0x10", "1e999999999", "1e-999999999")) {
            var json = send(record, Map.of("a", amount, "c", campaign, "cur", currency));
            assertThat(json.getString("errors[0].extensions.classification")).as(amount).isEqualTo("ValidationError");
        }
        var spend = send("query($c: ID!) { campaign(id: $c) { totalCost { amount } } }", Map.of("c", campaign));
        assertThat(spend.getString("data.campaign.totalCost.amount")).as("no cost stored").isEqualTo("0.00");
    }

    @Test
    void nan_and_infinite_floats_never_reach_the_scoring_engine() {
        String model = send("mutation { criteriaModelCreate(input: {name: \"Bad floats\"}) { model { id } } }")
                .getString("data.criteriaModelCreate.model.id");
        String draft = send("mutation($m: ID!) { criteriaDraftCreate(input: {modelId: $m}) { version { id } } }", Map.of("m", model))
                .getString("data.criteriaDraftCreate.version.id");
        String add = "mutation($i: CriteriaRuleAddInput!) { criteriaRuleAdd(input: $i) { version { rules { key } } userErrors { code field } } }";
        for (Object halfLife : new Object[] { "NaN", "Infinity", -1, 0, 3651, 1e308 }) {
            Map<String, Object> rule = new HashMap<>(Map.of("key", "decay", "label", "Decay", "kind", "ENGAGEMENT",
                    "activityType", "PAGE_VIEW", "windowDays", 30, "pointsPerOccurrence", 1, "cap", 10, "values", List.of()));
            rule.put("halfLifeDays", halfLife);
            var json = send(add, Map.of("i", Map.of("versionId", draft, "rule", rule)));
            if (json.getList("errors") != null) {
                assertThat(json.getString("errors[0].extensions.classification")).as("%s", halfLife).isEqualTo("ValidationError");
            } else {
                assertThat(json.getList("data.criteriaRuleAdd.userErrors.code")).as("%s", halfLife).contains("INVALID_HALF_LIFE");
            }
        }
        String raw = "{\"query\": \"mutation($h: Float) { criteriaRuleAdd(input: {versionId: \\\"" + draft + "\\\", rule: {key: \\\"d\\\","
                + " label: \\\"D\\\", kind: ENGAGEMENT, activityType: PAGE_VIEW, windowDays: 30, pointsPerOccurrence: 1, cap: 10,"
                + " values: [], halfLifeDays: $h}}) { userErrors { code } } }\", \"variables\": {\"h\": 1e400}}";
        String body = given().contentType("application/json").body(raw).when().post("/graphql").then().statusCode(200).extract().asString();
        assertThat(body).as("1e400 is no Float: refused before the rule sees it").contains("INVALID_FLOAT").doesNotContain("INTERNAL");
        invalidDocument(send("mutation($v: ID!) { criteriaRuleAdd(input: {versionId: $v, rule: {key: \"d\", label: \"D\", kind: ENGAGEMENT,"
                + " values: [], halfLifeDays: NaN}}) { userErrors { code } } }", Map.of("v", draft)));
        var rules = send("query($v: ID!) { criteriaVersion(id: $v) { rules { key } } }", Map.of("v", draft));
        assertThat(rules.getList("data.criteriaVersion.rules")).as("no rule stored").isEmpty();

        for (int mql : new int[] { 1_000_001, -1_000_001 }) {
            var json = send("mutation($v: ID!, $m: Int!) { criteriaThresholdsSet(input: {versionId: $v, mql: $m}) { userErrors { code } } }",
                    Map.of("v", draft, "m", mql));
            assertThat(json.getList("data.criteriaThresholdsSet.userErrors.code")).containsExactly("OUT_OF_RANGE");
        }
    }

    // ------------------------------------------------------------------ enums, sort fields, injection

    @Test
    void unknown_enums_and_sort_fields_are_validation_errors() {
        invalidDocument(send("{ leads(filter: {stages: [NOPE]}) { edges { node { id } } } }"));
        invalidDocument(send("query($s: [LifecycleStage]) { leads(filter: {stages: $s}) { edges { node { id } } } }", Map.of("s", List.of("nope"))));
        invalidDocument(send("{ leads(orderBy: {field: \"createdAt desc; drop table lead\", direction: ASC}) { edges { node { id } } } }"));
        invalidDocument(send("query($o: LeadOrder) { leads(orderBy: $o) { edges { node { id } } } }",
                Map.of("o", Map.of("field", "email", "direction", "ASC"))));
        invalidDocument(send("query($o: LeadOrder) { leads(orderBy: $o) { edges { node { id } } } }",
                Map.of("o", Map.of("field", "CREATED_AT", "direction", "ASC, (select 1)"))));
        invalidDocument(send("mutation { campaignCreate(input: {name: \"Enum\", channel: CARRIER_PIGEON}) { userErrors { code } } }"));
        invalidDocument(send("mutation($t: ActivityType!) { activitiesRecord(input: {activities: [{clientEventId: \"e\", leadEmail: \"zed@bad.example\","
                + " type: $t, occurredAt: \"2025-01-01T00:00:00Z\"}]}) { recordedCount } }", Map.of("t", "PAGE_VIEW'; --")));
    }

    @Test
    void injection_strings_in_filters_are_plain_text() {
        for (String attack : List.of("%", "_", "\\", "%' or 1=1 --", "'); drop table lead; --", "zed%' union select email from lead --",
                "${jndi:ldap://x}", "{{7*7}}", "<script>alert(1)</script>", "\\\\%")) {
            var json = send("query($s: String) { leads(first: 100, filter: {search: $s}) { edges { node { id } } } }", Map.of("s", attack));
            assertThat(json.getList("data.leads.edges")).as(attack).isEmpty();
        }
        assertThat(send("query($s: String) { leads(filter: {search: $s}) { edges { node { id } } } }", Map.of("s", "zed"))
                .getList("data.leads.edges")).as("the table is still there").hasSize(1);
        var owner = send("query($s: String) { leads(filter: {ownerId: $s, country: $s}) { edges { node { id } } } }",
                Map.of("s", "' or '1'='1"));
        assertThat(owner.getList("data.leads.edges")).isEmpty();
    }

    // ------------------------------------------------------------------ ids, dates, cursors

    @Test
    void malformed_ids_dates_and_cursors_are_invalid_arguments() {
        for (String id : List.of("", "42", "gid://leadproof/Campaign/" + leadId.substring(leadId.lastIndexOf('/') + 1),
                "gid://leadproof/Lead/not-a-uuid", "gid://leadproof/Lead/../../etc/passwd", "' or 1=1 --")) {
            refusedAs(send("query($id: ID!) { lead(id: $id) { id } }", Map.of("id", id)), "INVALID_ARGUMENT", "INVALID_ID");
        }
        for (String cursor : List.of("x", NUL, "Q1JFQVRFRF9BVF9ERVNDfHh8eA", "=".repeat(1000))) {
            refusedAs(send("query($a: String) { leads(after: $a) { edges { node { id } } } }", Map.of("a", cursor)),
                    "INVALID_ARGUMENT", "INVALID_CURSOR");
        }
        for (String date : List.of("yesterday", "2025-13-45T99:00:00Z", "99999-01-01T00:00:00Z", "2025-01-01", NUL)) {
            var json = send("query($d: DateTime) { leads(filter: {createdFrom: $d}) { edges { node { id } } } }", Map.of("d", date));
            assertThat(json.getList("errors")).as(date).isNotEmpty();
        }
        var day = send("mutation { campaignCreate(input: {name: \"Bad day\", channel: EMAIL, startsOn: \"2025-02-30\"}) { userErrors { code } } }");
        assertThat(day.getList("errors")).isNotEmpty();
        var range = send("mutation { campaignCreate(input: {name: \"Backwards\", channel: EMAIL, startsOn: \"2025-02-10\", endsOn: \"2025-02-01\"}) { campaign { id } userErrors { code } } }");
        assertThat(range.getList("data.campaignCreate.userErrors.code")).containsExactly("INVALID_RANGE");
    }
}
