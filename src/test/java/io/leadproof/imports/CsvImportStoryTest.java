package io.leadproof.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.leadproof.support.OwnerSql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * A RevOps analyst brings the CRM export nobody cleaned (BOM, ';', decimal commas, dd.MM.yyyy dates, quoted notes with
 * line breaks, country names, "Select" placeholders, five bad rows among 1,000) through POST /imports/leads: a dry run
 * first, which writes nothing, then the import, which lands the 995 good rows and reports exactly the five bad ones;
 * uploading the same file again lands nothing twice.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestSecurity(user = "rita", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = CsvImportStoryTest.WS, type = AttributeType.STRING_SET))
class CsvImportStoryTest {

    static final String WS = "csv-import-story";

    static long leads() {
        return OwnerSql.count("select count(*) from lead where workspace_id = ?", WS);
    }

    @Test
    @Order(1)
    void the_analyst_saves_the_mapping_and_a_dry_run_reports_the_five_bad_rows_and_writes_nothing() {
        Imports.saveMapping(MessyExport.mapping());
        Map<String, Object> job = Imports.run("leads", "crm-export", MessyExport.file(), "dryRun", "true");
        assertThat(job).containsEntry("state", "SUCCEEDED").containsEntry("dryRun", true).containsEntry("rowsRead", 1000)
                .containsEntry("rowsLanded", 995).containsEntry("rowsRejected", 5).containsEntry("errorCount", 6)
                .containsEntry("encoding", "UTF_8").containsEntry("separator", "SEMICOLON");
        assertThat(Imports.errorReport(job)).isEqualTo(MessyExport.EXPECTED_REPORT);
        assertThat(leads()).isZero();
    }

    @Test
    @Order(2)
    void the_import_lands_the_995_good_rows_with_country_names_as_iso_codes_and_placeholders_as_unknown() {
        Map<String, Object> job = Imports.run("leads", "crm-export", MessyExport.file());
        assertThat(job).containsEntry("state", "SUCCEEDED").containsEntry("dryRun", false).containsEntry("rowsRead", 1000)
                .containsEntry("rowsLanded", 995).containsEntry("rowsRejected", 5).containsEntry("rowsDuplicate", 0);
        assertThat(Imports.errorReport(job)).isEqualTo(MessyExport.EXPECTED_REPORT);
        assertThat(leads()).isEqualTo(995);
        for (long bad : new long[] { MessyExport.BAD_DATE_ROW, MessyExport.BAD_SOURCE_ROW, MessyExport.BAD_COUNTRY_ROW,
                MessyExport.TWO_BAD_CELLS_ROW, MessyExport.SHORT_ROW }) {
            assertThat(OwnerSql.count("select count(*) from lead where workspace_id = ? and external_id = ?", WS, "L-" + (bad - 2))).isZero();
        }
        // data row 0 says "India", row 2 "USA", row 8 "Select" (unknown)
        assertThat(OwnerSql.strings("select coalesce(country, '-') from lead where workspace_id = ? and external_id in ('L-0', 'L-2', 'L-8')"
                + " order by external_id", WS)).containsExactly("IN", "US", "-");
    }

    @Test
    @Order(3)
    void uploading_the_same_file_again_lands_nothing_twice() {
        Map<String, Object> job = Imports.run("leads", "crm-export", MessyExport.file());
        assertThat(job).containsEntry("state", "SUCCEEDED").containsEntry("rowsLanded", 0).containsEntry("rowsDuplicate", 995)
                .containsEntry("rowsRejected", 5);
        assertThat(leads()).isEqualTo(995);
    }
}
