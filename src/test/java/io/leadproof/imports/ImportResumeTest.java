package io.leadproof.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.leadproof.imports.job.MappingJson;
import io.leadproof.support.OwnerSql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * A pod is killed in the middle of an import: it had committed the batches up to row 501 (leads, counts, error lines
 * and resume point in one transaction each) when it died, leaving the job RUNNING under its lease. Once the lease has
 * run out another pod takes the job over, resumes after row 501, and the import ends as if it had never stopped:
 * every good row landed exactly once and the error report is complete.
 */
@QuarkusTest
@TestSecurity(user = "rita", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = ImportResumeTest.WS, type = AttributeType.STRING_SET))
class ImportResumeTest {

    static final String WS = "import-resume";

    @Test
    void an_import_interrupted_by_a_pod_kill_resumes_after_its_last_committed_row() {
        Imports.saveMapping(MessyExport.mapping());
        byte[] file = MessyExport.file();
        // what the killed pod committed: the file's first 500 data rows (rows 2..501), landed through the same path
        String text = new String(file, StandardCharsets.UTF_8);
        int cut = nthLineBreak(text, 501);
        Map<String, Object> before = Imports.run("leads", "crm-export", text.substring(0, cut).getBytes(StandardCharsets.UTF_8));
        assertThat(before).containsEntry("rowsLanded", 497).containsEntry("rowsRejected", 3);

        UUID killed = UUID.randomUUID();
        OwnerSql.exec("insert into import_job (workspace_id, id, kind, state, dry_run, mapping_name, mapping, encoding, separator,"
                + " file_bytes, chunks, rows_read, rows_landed, rows_rejected, resume_after_row, error_lines, created_by, created_at,"
                + " started_at, lease_owner, lease_expires_at) values (?, ?, 'LEADS', 'RECEIVING', false, 'crm-export', cast(? as jsonb),"
                + " 'UTF_8', 'SEMICOLON', ?, 1, 500, 497, 3, 501, 3, 'rita', now(), now(), 'killed-pod', now() - interval '1 second')",
                WS, killed, MappingJson.write(MessyExport.mapping()), (long) file.length);
        OwnerSql.exec("insert into import_chunk (workspace_id, job_id, seq, data) values (?, ?, 0, ?)", WS, killed, file);
        String firstJob = before.get("id").toString();
        OwnerSql.exec("insert into import_error (workspace_id, job_id, line, row_number, column_name, code, message)"
                + " select workspace_id, ?, line, row_number, column_name, code, message from import_error where workspace_id = ? and job_id = ?",
                killed, WS, UUID.fromString(firstJob.substring(firstJob.lastIndexOf('/') + 1)));

        // the state the killed pod left, made visible at once: RUNNING under a lease that has run out
        OwnerSql.exec("update import_job set state = 'RUNNING' where workspace_id = ? and id = ?", WS, killed);
        Map<String, Object> resumed = Imports.awaitEnd(io.leadproof.common.NodeId.of("ImportJob", killed));
        assertThat(resumed).containsEntry("state", "SUCCEEDED").containsEntry("rowsRead", 1000).containsEntry("rowsLanded", 995)
                .containsEntry("rowsRejected", 5).containsEntry("rowsDuplicate", 0);
        assertThat(Imports.errorReport(resumed)).isEqualTo(MessyExport.EXPECTED_REPORT);
        assertThat(OwnerSql.count("select count(*) from lead where workspace_id = ?", WS)).isEqualTo(995);
        assertThat(OwnerSql.count("select count(*) from import_chunk where workspace_id = ?", WS)).isZero();
    }

    private static int nthLineBreak(String text, int rows) {
        // rows counted as the spreadsheet does; quoted line breaks belong to their row
        int row = 1;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n' && !quoted && row++ == rows) {
                return i + 1;
            }
        }
        throw new AssertionError("file has fewer rows: " + Arrays.toString(new int[] { row }));
    }
}
