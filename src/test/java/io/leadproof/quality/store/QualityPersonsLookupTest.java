package io.leadproof.quality.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.leadproof.support.OwnerSql;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The duplicate check reads its candidates through quality_persons (R__quality_reads.sql): lookups by id however many
 * ids a batch brings. Planned with the ids in hand, 17,000 of them made the plain statement a parallel scan of every
 * lead of the workspace (2.3 s a batch at 1,000,000 leads). Counted with the transaction's own scan statistics, so no
 * other test's reads can disturb it.
 */
@QuarkusTest
class QualityPersonsLookupTest {

    static final String WS = "quality-persons-lookup";

    @Test
    void twenty_thousand_ids_are_looked_up_by_index_and_only_live_leads_come_back() throws SQLException {
        OwnerSql.workspaceWithLeads(WS, 5);
        List<String> stored = OwnerSql.strings("select id::text from lead where workspace_id = ? order by id", WS);
        OwnerSql.exec("update lead set merged_into = ?::uuid where workspace_id = ? and id = ?::uuid", stored.get(1), WS, stored.get(0));
        var ids = new ArrayList<String>(stored);
        for (int i = 0; i < 20_000; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        try (var c = OwnerSql.connect()) {
            c.setAutoCommit(false);
            List<String> found = new ArrayList<>();
            try (var ps = c.prepareStatement("select id::text from quality_persons(?, ?::uuid[]) order by 1")) {
                ps.setString(1, WS);
                ps.setObject(2, ids.toArray(String[]::new));
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
            }
            long seqScans;
            long indexScans;
            try (var st = c.createStatement(); var rs = st.executeQuery(
                    "select seq_scan, idx_scan from pg_stat_xact_user_tables where relname = 'lead'")) {
                rs.next();
                seqScans = rs.getLong(1);
                indexScans = rs.getLong(2);
            }
            c.rollback();
            assertThat(found).isEqualTo(stored.subList(1, stored.size()));   // the merged-away lead is no one's duplicate
            assertThat(seqScans).isZero();
            assertThat(indexScans).isPositive();
        }
    }
}
