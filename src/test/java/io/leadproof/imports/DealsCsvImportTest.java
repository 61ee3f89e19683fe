package io.leadproof.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.leadproof.support.GraphQL;
import io.leadproof.support.OwnerSql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * RevOps uploads the CRM's deal export to POST /imports/deals: each row goes through dealsImport's path, the bad rows
 * are named in the error report with their column, and uploading the same file again lands nothing.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DealsCsvImportTest {

    static final String WS = "deals-csv-import";
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    static String day(int daysAgo) {
        return LocalDate.now(ZoneOffset.UTC).minusDays(daysAgo).format(DAY);
    }

    static byte[] file() {
        var lines = new ArrayList<String>();
        lines.add("Deal;Lead;Handed off;Accepted;Opportunity;Won;Amount;Lost;Reason");
        for (int i = 0; i < 6; i++) { // rows 2..7: three won, three lost
            boolean won = i % 2 == 0;
            lines.add("D-%d;csv-lead-%d;%s;%s;%s;%s;%s;%s;%s".formatted(i, i, day(90), day(89), day(80), won ? day(60) : "",
                    won ? "12.500,00" : "", won ? "" : day(50), won ? "" : "Budget cut"));
        }
        lines.add("D-6;no-such-lead;%s;;;;;;".formatted(day(90)));                               // row 8: unknown lead
        lines.add("D-7;csv-lead-7;%s;;;;;;".formatted(LocalDate.now(ZoneOffset.UTC).plusDays(5).format(DAY))); // row 9: future
        lines.add("D-8;csv-lead-8;%s;%s;%s;%s;1,00;%s;Both".formatted(day(90), day(89), day(80), day(60), day(50))); // row 10
        lines.add("D-9;csv-lead-9;31.02.2024;;;;;;");                                             // row 11: no such date
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static ColumnMapping mapping() {
        return new ColumnMapping("crm-deals", ImportKind.DEALS, List.of(
                ColumnRule.field("Deal", "externalDealId"), ColumnRule.field("Lead", "leadExternalId"),
                ColumnRule.field("Handed off", "handedOffAt"), ColumnRule.field("Accepted", "acceptedAt"),
                ColumnRule.field("Opportunity", "opportunityAt"), ColumnRule.field("Won", "wonAt"),
                ColumnRule.field("Amount", "wonAmount"), ColumnRule.field("Lost", "lostAt"),
                ColumnRule.field("Reason", "lostReason")), null, "dd.MM.yyyy", ",", null);
    }

    @Test
    @Order(1)
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void the_deal_export_lands_through_deals_import_and_the_bad_rows_are_reported() {
        var leads = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 10; i++) {
            leads.add(Map.of("externalId", "csv-lead-" + i, "email", "buyer" + i + "@deals-csv.contoso.com",
                    "createdAt", java.time.OffsetDateTime.now(ZoneOffset.UTC).minusDays(120).toString()));
        }
        GraphQL.ok("mutation($i: LeadsImportInput!) { leadsImport(input: $i) { userErrors { code } } }", Map.of("i", Map.of("leads", leads)));
        Imports.saveMapping(mapping());

        var job = Imports.run("deals", "crm-deals", file());
        assertThat(job).containsEntry("state", "SUCCEEDED").containsEntry("rowsRead", 10).containsEntry("rowsLanded", 6)
                .containsEntry("rowsRejected", 4).containsEntry("rowsDuplicate", 0);
        var report = Imports.errorReport(job).lines().toList();
        assertThat(report.getFirst()).isEqualTo("row,column,code,message");
        assertThat(report.subList(1, report.size())).extracting(l -> String.join(",", List.of(l.split(",", 4)).subList(0, 3)))
                .containsExactly("8,Lead,NOT_FOUND", "9,Handed off,IN_FUTURE", "10,Lost,CONFLICTING_OUTCOMES", "11,Handed off,INVALID_DATE");
        assertThat(OwnerSql.strings("select h.state from handoff h join lead l on l.id = h.lead_id where h.workspace_id = ?"
                + " and h.imported order by h.external_deal_id", WS)).containsExactly("WON", "LOST", "WON", "LOST", "WON", "LOST");
    }

    @Test
    @Order(2)
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void uploading_the_same_file_again_lands_nothing() {
        var job = Imports.run("deals", "crm-deals", file());
        assertThat(job).containsEntry("state", "SUCCEEDED").containsEntry("rowsLanded", 0).containsEntry("rowsDuplicate", 6)
                .containsEntry("rowsRejected", 4);
        assertThat(OwnerSql.count("select count(*) from handoff where workspace_id = ? and imported", WS)).isEqualTo(6);
        Imports.upload("deals", "crm-deals", file(), "dryRun", "true").statusCode(400)
                .body("errors[0].extensions.code", equalTo("DRY_RUN_UNSUPPORTED"));
    }

    @Test
    @Order(3)
    @TestSecurity(user = "mia", roles = "marketing", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void marketing_may_not_upload_deals_as_it_may_not_call_deals_import() {
        Imports.upload("deals", "crm-deals", file()).statusCode(403).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
    }
}
