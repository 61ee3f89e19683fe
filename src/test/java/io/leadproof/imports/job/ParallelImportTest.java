package io.leadproof.imports.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.leadproof.common.NodeId;
import io.leadproof.imports.ColumnMapping;
import io.leadproof.imports.ColumnRule;
import io.leadproof.imports.CsvImport;
import io.leadproof.imports.CsvOptions;
import io.leadproof.imports.ImportKind;
import io.leadproof.imports.ImportsForOtherPackages;
import io.leadproof.security.WorkspaceScope;
import io.leadproof.support.OwnerSql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * A lead import is written by two writers at once (each slice of 1,000 rows split by company). The same external id
 * in two batches that run side by side lands once, and the later row wins as it would in file order. A pod killed
 * while the writers had committed parts out of order (one part of the first slice and one of the second, nothing
 * contiguous) is resumed by another pod, which writes exactly the parts that were missing.
 */
@QuarkusTest
@TestSecurity(user = "rita", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = ParallelImportTest.WS, type = AttributeType.STRING_SET))
class ParallelImportTest {

    static final String WS = "import-par";
    static final ColumnMapping MAPPING = new ColumnMapping("par", ImportKind.LEADS, List.of(ColumnRule.field("Lead ID", "externalId"),
            ColumnRule.field("E-mail", "email"), ColumnRule.field("Company", "companyName"), ColumnRule.field("Job Title", "jobTitle")),
            null, null, null, null);

    @Inject
    ImportRunner runner;
    @Inject
    WorkspaceScope scope;

    @Test
    void the_same_external_id_in_batches_written_side_by_side_lands_once_and_the_later_row_wins() {
        ImportsForOtherPackages.saveMapping(MAPPING);
        var csv = new StringBuilder("Lead ID,E-mail,Company,Job Title\n");
        for (int i = 0; i < 1_600; i++) {
            int p = i % 800; // rows p and p + 800: one person, first at one company then at another (routed apart)
            csv.append("D-").append(p).append(",dup").append(p).append("@fabrikam.com,").append(i < 800 ? "Alpha " + (i % 13) : "Beta " + (i % 11))
                    .append(',').append(i < 800 ? "first" : "second").append('\n');
        }
        String id = upload(csv.toString());
        Map<String, Object> job = ImportsForOtherPackages.awaitEnd(id);
        assertThat(job).containsEntry("state", "SUCCEEDED").containsEntry("rowsRead", 1_600).containsEntry("rowsLanded", 800)
                .containsEntry("rowsDuplicate", 800).containsEntry("rowsRejected", 0);
        assertThat(OwnerSql.count("select count(*) from lead where workspace_id = ? and external_id like 'D-%'", WS)).isEqualTo(800);
        assertThat(OwnerSql.strings("select distinct job_title || ' at ' || left(company_name, 4) from lead where workspace_id = ?"
                + " and external_id like 'D-%'", WS)).containsExactly("second at Beta");
    }

    @Test
    void a_pod_killed_with_parts_committed_out_of_order_resumes_with_exactly_the_missing_parts() throws Exception {
        ImportsForOtherPackages.saveMapping(MAPPING);
        var csv = new StringBuilder("Lead ID,E-mail,Company,Job Title\n");
        for (int i = 0; i < 1_200; i++) {
            csv.append("R-").append(i).append(',').append(i % 300 == 7 ? "broken@" : "r" + i + "@fabrikam.com").append(",Co ")
                    .append(i % 17).append(",CTO\n");
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        UUID killed = UUID.randomUUID();
        OwnerSql.exec("insert into import_job (workspace_id, id, kind, state, dry_run, mapping_name, mapping, encoding, separator,"
                + " file_bytes, chunks, writers, created_by, created_at, started_at, lease_owner, lease_expires_at) values (?, ?, 'LEADS',"
                + " 'RUNNING', false, 'par', cast(? as jsonb), 'UTF_8', 'COMMA', ?, 1, 2, 'rita', now(), now(), 'killed-pod',"
                + " now() + interval '1 hour')", WS, killed, MappingJson.write(MAPPING), (long) file.length);
        OwnerSql.exec("insert into import_chunk (workspace_id, job_id, seq, data) values (?, ?, 0, ?)", WS, killed, file);

        // what the killed pod committed: part 1 of the first slice (rows 2..1001) and part 0 of the second (1002..1201)
        var job = new ImportJobRow(killed, ImportKind.LEADS, "RUNNING", false, "par", "{}", null, null, 0, 0, 0, 0, 0, 0, 1, 0,
                null, null, "rita", null, null, null);
        var slices = slices(file, job);
        assertThat(slices).extracting(s -> s.lastRow).containsExactly(1001L, 1201L);
        var first = ImportParts.split(slices.get(0), 1, 2);
        var second = ImportParts.split(slices.get(1), 1001, 2);
        for (RowBatch part : List.of(first.get(1), second.get(0))) {
            runner.commit(WS, "killed-pod", 3_600_000, List.of(part));
        }
        long landedBefore = first.get(1).values.size() + second.get(0).values.size();
        assertThat(OwnerSql.count("select count(*) from lead where workspace_id = ? and external_id like 'R-%'", WS))
                .isBetween(landedBefore - 4, landedBefore);
        assertThat(OwnerSql.count("select resume_after_row from import_job where workspace_id = ? and id = ?", WS, killed)).isEqualTo(1);

        OwnerSql.exec("update import_job set lease_expires_at = now() - interval '1 second' where workspace_id = ? and id = ?", WS, killed);
        Map<String, Object> resumed = ImportsForOtherPackages.awaitEnd(NodeId.of("ImportJob", killed));
        assertThat(resumed).containsEntry("state", "SUCCEEDED").containsEntry("rowsRead", 1_200).containsEntry("rowsLanded", 1_196)
                .containsEntry("rowsRejected", 4).containsEntry("rowsDuplicate", 0);
        assertThat(OwnerSql.count("select count(*) from lead where workspace_id = ? and external_id like 'R-%'", WS)).isEqualTo(1_196);
        var reportRows = ImportsForOtherPackages.errorReport(resumed).lines().skip(1).map(l -> l.substring(0, l.indexOf(','))).toList();
        assertThat(reportRows).containsExactly("9", "309", "609", "909");
        assertThat(OwnerSql.count("select count(*) from import_batch_done where workspace_id = ? and job_id = ?", WS, killed)).isZero();
    }

    @Test
    void a_group_that_begins_with_an_empty_part_counts_its_landed_rows_once() throws Exception {
        ImportsForOtherPackages.saveMapping(MAPPING);
        var csv = new StringBuilder("Lead ID,E-mail,Company,Job Title\n");
        for (int i = 0; i < 30; i++) {
            csv.append("G-").append(i).append(",g").append(i).append("@fabrikam.com,Co ").append(i % 5).append(",CTO\n");
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        UUID grouped = UUID.randomUUID();
        OwnerSql.exec("insert into import_job (workspace_id, id, kind, state, dry_run, mapping_name, mapping, encoding, separator,"
                + " file_bytes, chunks, writers, created_by, created_at, started_at, lease_owner, lease_expires_at) values (?, ?, 'LEADS',"
                + " 'RUNNING', false, 'par', cast(? as jsonb), 'UTF_8', 'COMMA', ?, 1, 2, 'rita', now(), now(), 'grouping-pod',"
                + " now() + interval '1 hour')", WS, grouped, MappingJson.write(MAPPING), (long) file.length);
        var job = new ImportJobRow(grouped, ImportKind.LEADS, "RUNNING", false, "par", "{}", null, null, 0, 0, 0, 0, 0, 0, 1, 0,
                null, null, "rita", null, null, null);
        RowBatch slice = slices(file, job).getFirst();
        var empty = new RowBatch(job, MAPPING);   // what ImportParts leaves when a slice's rows all go to the other part
        empty.afterRow = 1;
        empty.lastRow = slice.lastRow;
        empty.part = 0;
        empty.parts = 2;
        slice.afterRow = 1;
        slice.part = 1;
        slice.parts = 2;

        runner.commit(WS, "grouping-pod", 3_600_000, List.of(empty, slice));

        assertThat(OwnerSql.count("select rows_landed from import_job where workspace_id = ? and id = ?", WS, grouped)).isEqualTo(30);
        assertThat(OwnerSql.count("select rows_read from import_job where workspace_id = ? and id = ?", WS, grouped)).isEqualTo(30);
        assertThat(OwnerSql.count("select resume_after_row from import_job where workspace_id = ? and id = ?", WS, grouped))
                .isEqualTo(slice.lastRow);   // both parts of the slice done
        OwnerSql.exec("update import_job set state = 'SUCCEEDED', finished_at = now() where workspace_id = ? and id = ?", WS, grouped);
    }

    private static String upload(String csv) {
        return io.restassured.RestAssured.given().contentType("text/csv").queryParam("mapping", "par")
                .body(csv.getBytes(StandardCharsets.UTF_8)).when().post("/imports/leads").then().statusCode(202).extract().path("id");
    }

    /** The slices the job's reader makes of the file (two writers: up to 1,000 mapped rows each). */
    private static List<RowBatch> slices(byte[] file, ImportJobRow job) throws Exception {
        var csv = CsvImport.leads(new ByteArrayInputStream(file), CsvOptions.defaults(), MAPPING, 1);
        var reader = new BatchReader(csv, () -> new RowBatch(job, MAPPING), 1_000);
        Thread thread = Thread.ofPlatform().start(reader);
        var out = new ArrayList<RowBatch>();
        for (BatchReader.Item item; (item = reader.next()) instanceof BatchReader.Rows rows;) {
            if (rows.batch().read > 0) {
                out.add(rows.batch());
            }
        }
        thread.join();
        csv.close();
        return out;
    }
}
