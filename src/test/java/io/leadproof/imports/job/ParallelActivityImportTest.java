package io.leadproof.imports.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadproof.imports.ColumnMapping;
import io.leadproof.imports.ColumnRule;
import io.leadproof.imports.ImportKind;
import io.leadproof.imports.ImportsForOtherPackages;
import io.leadproof.support.OwnerSql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * An activity import is written by two writers at once, like a lead import: each slice of 2,000 rows is split by the
 * lead the rows touch. A client event id given twice lands once, with the values of its first row in file order, both
 * when its two rows share a slice and when they fall into different slices written side by side; every activity lands
 * on its lead.
 */
@QuarkusTest
@TestSecurity(user = "rita", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = ParallelActivityImportTest.WS, type = AttributeType.STRING_SET))
class ParallelActivityImportTest {

    static final String WS = "import-par-act";
    static final ColumnMapping LEADS = new ColumnMapping("par-act-leads", ImportKind.LEADS, List.of(
            ColumnRule.field("Lead ID", "externalId"), ColumnRule.field("E-mail", "email"), ColumnRule.field("Company", "companyName")),
            null, null, null, null);
    static final ColumnMapping ACTIVITIES = new ColumnMapping("par-act", ImportKind.ACTIVITIES, List.of(
            ColumnRule.field("Event", "clientEventId"), ColumnRule.field("Lead", "leadEmail"), ColumnRule.field("Type", "type"),
            ColumnRule.field("Tag", "contentTag"), ColumnRule.field("When", "occurredAt")), null, null, null, null);

    @Test
    void a_client_event_id_given_twice_lands_once_with_its_first_rows_values_across_parts_and_slices() {
        ImportsForOtherPackages.saveMapping(LEADS);
        var leads = new StringBuilder("Lead ID,E-mail,Company\n");
        for (int p = 0; p < 60; p++) {
            leads.append("A-").append(p).append(",act").append(p).append("@fabrikam.com,Co ").append(p % 7).append('\n');
        }
        assertThat(ImportsForOtherPackages.awaitEnd(upload("leads", "par-act-leads", leads.toString())))
                .containsEntry("state", "SUCCEEDED").containsEntry("rowsLanded", 60);

        ImportsForOtherPackages.saveMapping(ACTIVITIES);
        var csv = new StringBuilder("Event,Lead,Type,Tag,When\n");
        for (int i = 0; i < 2_400; i++) {
            int e = i % 1_200; // rows e and e + 1200: one event; for e >= 800 the second falls into the next slice
            csv.append("EV-").append(e).append(",act").append(e % 60).append("@fabrikam.com,EMAIL_OPENED,")
                    .append(i < 1_200 ? "first" : "second").append(",2026-01-05T")
                    .append(String.format("%02d:%02d", e / 60, e % 60)).append(":00Z\n");
        }
        Map<String, Object> job = ImportsForOtherPackages.awaitEnd(upload("activities", "par-act", csv.toString()));

        assertThat(job).containsEntry("state", "SUCCEEDED").containsEntry("rowsRead", 2_400).containsEntry("rowsLanded", 1_200)
                .containsEntry("rowsDuplicate", 1_200).containsEntry("rowsRejected", 0);
        assertThat(OwnerSql.count("select count(*) from import_job where workspace_id = ? and kind = 'ACTIVITIES' and writers = 2", WS))
                .isEqualTo(1);
        assertThat(OwnerSql.strings("select distinct content_tag from activity where workspace_id = ? and client_event_id like 'EV-%'", WS))
                .containsExactly("first");
        assertThat(OwnerSql.count("select count(*) from activity a join lead l on l.workspace_id = a.workspace_id and l.id = a.lead_id"
                + " where a.workspace_id = ? and a.client_event_id like 'EV-%'"
                + " and l.external_id = 'A-' || (substr(a.client_event_id, 4)::int % 60)", WS)).isEqualTo(1_200);
    }

    private static String upload(String kind, String mapping, String csv) {
        return io.restassured.RestAssured.given().contentType("text/csv").queryParam("mapping", mapping)
                .body(csv.getBytes(StandardCharsets.UTF_8)).when().post("/imports/" + kind).then().statusCode(202).extract().path("id");
    }
}
