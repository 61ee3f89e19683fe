package io.leadproof.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.leadproof.common.NodeId;
import io.leadproof.security.WorkspaceConnectionSettings;
import io.leadproof.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * The new leads of a batch are judged and scored from the values in hand before they are inserted (LeadsArriving):
 * the verdicts are the ones the checks find on the stored leads afterwards — a duplicate of a stored lead, two
 * duplicates within the batch, a revised lead of the same batch — and a lead the default model knocks out is inserted
 * once, already disqualified, instead of inserted NEW and moved by a second write.
 */
@QuarkusTest
@TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = ArrivalJudgementStoryTest.WS, type = AttributeType.STRING_SET))
class ArrivalJudgementStoryTest {

    static final String WS = "arrival-judgement-story";
    static final String IMPORT = """
            mutation($i: LeadsImportInput!) { leadsImport(input: $i) { createdCount updatedCount leads { id } userErrors { code message } } }""";
    static final String READ = """
            query($id: ID!) { lead(id: $id) { lifecycleStage score { knockedOutBy }
              dataQuality { status issues { code field message relatedLead { id } } } } }""";

    @Inject
    AgroalDataSource ds;

    static Map<String, Object> row(String externalId, String first, String last, String email, String company, String domain) {
        return Map.of("externalId", externalId, "firstName", first, "lastName", last, "email", email, "companyName", company,
                "companyDomain", domain, "jobTitle", "Head of Engineering");
    }

    @Test
    void new_leads_judged_on_arrival_carry_the_verdicts_the_stored_leads_get_and_a_knocked_out_lead_is_inserted_once() throws SQLException {
        var grace = row("arr-grace", "Grace", "Hopper", "grace.hopper@navy-systems.com", "Navy Systems", "navy-systems.com");
        var first = GraphQL.ok(IMPORT, Map.of("i", Map.of("leads", List.of(grace))));
        assertThat(first.getInt("data.leadsImport.createdCount")).isEqualTo(1);

        var batch = List.of(
                row("arr-grace-2", "Grace", "Hopper", "g.hopper@navy-systems.com", "Navy Systems", "navy-systems.com"),
                row("arr-alan", "Alan", "Turing", "alan.turing@bletchley-labs.com", "Bletchley Labs", "bletchley-labs.com"),
                row("arr-alan-2", "Alan", "Turing", "a.turing@bletchley-labs.com", "Bletchley Labs", "bletchley-labs.com"),
                row("arr-kurt", "Kurt", "Goedel", "kurt@goedel.example", "Goedel Logic", "goedel-logic.com"),
                Map.of("externalId", "arr-grace", "jobTitle", "CTO"));
        var second = GraphQL.ok(IMPORT, Map.of("i", Map.of("leads", batch)));
        assertThat(second.getList("data.leadsImport.userErrors")).isEmpty();
        assertThat(second.getInt("data.leadsImport.createdCount")).isEqualTo(4);
        List<String> ids = second.getList("data.leadsImport.leads.id");

        var onArrival = ids.stream().map(id -> GraphQL.ok(READ, Map.of("id", id)).getMap("data.lead")).toList();
        assertThat(onArrival.get(0).toString()).as("a duplicate of the stored Grace").contains("DUPLICATE", ids.get(4));
        assertThat(onArrival.get(1).toString()).as("a duplicate of the batch's other Alan").contains("DUPLICATE", ids.get(2));
        assertThat(onArrival.get(2).toString()).contains("DUPLICATE", ids.get(1));
        assertThat(onArrival.get(4).toString()).as("the stored Grace, judged again: the new one names her").contains("DUPLICATE", ids.get(0));
        assertThat(onArrival.get(3)).containsEntry("lifecycleStage", "DISQUALIFIED")
                .containsEntry("score", Map.of("knockedOutBy", List.of("invalid-contact-data")));
        assertThat(onArrival.get(0)).containsEntry("lifecycleStage", "NEW");
        assertThat(writesOf(ids.get(3))).as("version and trait revisions of the knocked-out lead: one insert, no update")
                .isEqualTo(List.of(0, 1));

        // The same rows again: every lead is now stored, so each is judged from the database, not on arrival.
        var third = GraphQL.ok(IMPORT, Map.of("i", Map.of("leads", batch)));
        assertThat(third.getInt("data.leadsImport.updatedCount")).isEqualTo(5);
        var fromStored = ids.stream().map(id -> GraphQL.ok(READ, Map.of("id", id)).getMap("data.lead")).toList();
        assertThat(fromStored).isEqualTo(onArrival);
    }

    private List<Integer> writesOf(String leadId) throws SQLException {
        UUID id = NodeId.parse("Lead", leadId);
        try (var c = ds.getConnection()) {
            WorkspaceConnectionSettings.bind(c, WS);   // row-level security
            try (var ps = c.prepareStatement("select l.version, (select count(*) from lead_trait_revision r"
                    + " where r.workspace_id = l.workspace_id and r.lead_id = l.id) from lead l where l.workspace_id = ? and l.id = ?")) {
                ps.setString(1, WS);
                ps.setObject(2, id);
                try (var rs = ps.executeQuery()) {
                    assertThat(rs.next()).as("the lead is stored").isTrue();
                    return List.of(rs.getInt(1), rs.getInt(2));
                }
            }
        }
    }
}
