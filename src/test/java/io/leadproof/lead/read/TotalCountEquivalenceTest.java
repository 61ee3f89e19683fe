package io.leadproof.lead.read;

import static io.leadproof.lead.read.CompiledReadEquivalenceTest.both;
import static io.leadproof.lead.read.CompiledReadEquivalenceTest.same;
import static io.leadproof.lead.read.CompiledReadEquivalenceTest.vars;
import static io.leadproof.lead.read.CompiledReadEquivalenceTest.withoutTraceIds;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/**
 * {@code leads { totalCount }} in the list's one statement answers what the general path's count answers — with and
 * without a filter, beside edges and pageInfo, on an empty last page, aliased — and a caller the list refuses is refused
 * by the general path alike.
 */
@QuarkusTest
@TestSecurity(user = "ada", roles = { "revops-admin", "marketing" },
        attributes = @SecurityAttribute(key = "workspaces", value = CompiledReadSeed.WORKSPACE, type = AttributeType.STRING_SET))
class TotalCountEquivalenceTest {

    static final String PAGE = """
            query($n: Int, $a: String, $f: LeadFilter) { leads(first: $n, after: $a, filter: $f) {
                totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }""";

    CompiledReadSeed.Ids ids;

    @BeforeEach
    void seed() {
        ids = CompiledReadSeed.seed();
    }

    @Test
    void the_count_beside_the_page_answers_the_same_bytes_on_every_page() {
        var all = JsonPath.from(same("{ leads { totalCount } }", Map.of()));
        int total = all.getInt("data.leads.totalCount");
        assertThat(total).isGreaterThanOrEqualTo(4);
        var first = JsonPath.from(same(PAGE, vars("n", 2)));
        assertThat(first.getInt("data.leads.totalCount")).isEqualTo(total);
        var last = JsonPath.from(same(PAGE, vars("n", total)));
        var empty = JsonPath.from(same(PAGE, vars("n", 1, "a", last.getString("data.leads.pageInfo.endCursor"))));
        assertThat(empty.getList("data.leads.edges")).isEmpty();
        assertThat(empty.getInt("data.leads.totalCount")).as("an empty page still counts").isEqualTo(total);
    }

    @Test
    void filtered_aliased_and_in_fragments() {
        var sweden = JsonPath.from(same(PAGE, vars("n", 1, "f", Map.of("country", "SE"))));
        assertThat(sweden.getInt("data.leads.totalCount")).isEqualTo(1);
        var none = same(PAGE, vars("n", 3, "f", Map.of("country", "ZZ")));
        assertThat(none).contains("\"totalCount\":0");
        same("{ a: leads(filter: {stages: [NEW, MQL]}) { n: totalCount m: totalCount ...C } } fragment C on LeadConnection { totalCount }",
                Map.of());
    }

    @Test
    @TestSecurity(user = "nobody", roles = { "guest" },
            attributes = @SecurityAttribute(key = "workspaces", value = CompiledReadSeed.WORKSPACE, type = AttributeType.STRING_SET))
    void a_caller_the_list_refuses_is_refused_by_the_general_path() {
        var answers = both("{ leads { totalCount } }", Map.of());
        assertThat(answers.get(0).header(CompiledReadStrategy.HEADER)).isNull();
        assertThat(withoutTraceIds(answers.get(0).asString())).isEqualTo(withoutTraceIds(answers.get(1).asString())).contains("\"errors\"");
    }

    @Test
    void an_activities_count_is_left_to_the_general_path() {
        for (String query : List.of("query($id: ID!) { lead(id: $id) { activities { totalCount } } }")) {
            var answers = both(query, Map.of("id", ids.handedOff()));
            assertThat(answers.get(0).header(CompiledReadStrategy.HEADER)).as(query).isNull();
            assertThat(answers.get(0).asString()).isEqualTo(answers.get(1).asString());
        }
    }
}
