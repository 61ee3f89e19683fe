package io.leadproof.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.leadproof.support.GraphQL;
import io.leadproof.support.OwnerSql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/** The paged passes (rescoring, bulk prediction) split a workspace's leads into parts of about equal size, whatever the ids. */
@QuarkusTest
class LeadIdCutsTest {

    @Test
    void thirty_leads_in_three_parts_hold_nine_ten_and_eleven() throws Exception {
        String ws = "id-cuts";
        OwnerSql.workspaceWithLeads(ws, 30);
        try (var c = OwnerSql.connect()) {
            var bounds = LeadIdCuts.lowerBounds(c, ws, 3);
            assertThat(bounds).hasSize(3).first().isEqualTo(LeadIdCuts.LOWEST);
            String in = "select count(*) from lead where workspace_id = ? and id >= ?";
            assertThat(OwnerSql.count(in + " and id < ?", ws, bounds.get(0), bounds.get(1))).isEqualTo(9);
            assertThat(OwnerSql.count(in + " and id < ?", ws, bounds.get(1), bounds.get(2))).isEqualTo(10);
            assertThat(OwnerSql.count(in, ws, bounds.get(2))).isEqualTo(11);
        }
    }

    @Test
    void a_workspace_without_leads_gets_one_open_part_and_empty_ones() throws Exception {
        try (var c = OwnerSql.connect()) {
            assertThat(LeadIdCuts.lowerBounds(c, "id-cuts-none", 3)).containsExactly(LeadIdCuts.LOWEST, LeadIdCuts.LOWEST,
                    LeadIdCuts.LOWEST);
            assertThat(LeadIdCuts.lowerBounds(c, "id-cuts-none", 1)).containsExactly(new UUID(0, 0));
        }
    }

    @Test
    @TestSecurity(user = "mia", roles = "marketing",
            attributes = @SecurityAttribute(key = "workspaces", value = "id-cuts-v7", type = AttributeType.STRING_SET))
    void new_leads_get_time_ordered_ids() {
        GraphQL.ok("mutation($i: LeadsImportInput!) { leadsImport(input: $i) { createdCount } }",
                Map.of("i", Map.of("leads", List.of(Map.of("email", "one@v7.example"), Map.of("email", "two@v7.example")))));
        var ids = OwnerSql.strings("select id::text from lead where workspace_id = 'id-cuts-v7' order by created_at");
        assertThat(ids).hasSize(2).allSatisfy(id -> assertThat(UUID.fromString(id).version()).isEqualTo(7));
    }
}
