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
 * The duplicate check reads the leads holding a batch's keys and its candidates through quality_key_holders and
 * quality_persons (R__quality_reads.sql): index lookups however many a batch brings. Planned with the ids in hand, 17,000 of them made the plain statement a parallel scan of every
 * lead of the workspace (2.3 s a batch at 1,000,000 leads). Counted with the transaction's own scan statistics, so no
 * other test's reads can disturb it.
 */
@QuarkusTest
class QualityLookupsTest {

    /** A workspace of this run's own: a rerun on the same database finds none of an earlier run's leads. */
    static final String WS = "quality-lookups-" + UUID.randomUUID();

    @Test
    void twenty_thousand_key_digests_are_looked_up_in_the_index() throws SQLException {
        OwnerSql.workspaceWithLeads(WS + "-keys", 2);
        List<String> stored = OwnerSql.strings("select id::text from lead where workspace_id = ? order by id", WS + "-keys");
        OwnerSql.exec("insert into lead_duplicate_key (workspace_id, key_digest, lead_id) values (?, '\\x0102'::bytea, ?::uuid),"
                + " (?, '\\x0102'::bytea, ?::uuid) on conflict do nothing", WS + "-keys", stored.get(0), WS + "-keys", stored.get(1));
        var digests = new ArrayList<byte[]>();
        digests.add(new byte[] { 1, 2 });
        var random = new java.util.Random(7);
        for (int i = 0; i < 20_000; i++) {
            var d = new byte[32];
            random.nextBytes(d);
            digests.add(d);
        }
        try (var c = OwnerSql.connect()) {
            c.setAutoCommit(false);
            var holders = new ArrayList<String>();
            try (var ps = c.prepareStatement("select lead_id::text from quality_key_holders(?, ?) order by 1")) {
                ps.setString(1, WS + "-keys");
                ps.setObject(2, digests.toArray(byte[][]::new));
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        holders.add(rs.getString(1));
                    }
                }
            }
            long[] scans = scans(c, "lead_duplicate_key");
            c.rollback();
            assertThat(holders).isEqualTo(stored);
            assertThat(scans[0]).isZero();
            assertThat(scans[1]).isPositive();
        }
    }

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
            long[] scans = scans(c, "lead");
            c.rollback();
            assertThat(found).isEqualTo(stored.subList(1, stored.size()));   // the merged-away lead is no one's duplicate
            assertThat(scans[0]).isZero();
            assertThat(scans[1]).isPositive();
        }
    }

    /** This transaction's sequential and index scans of the table. */
    private static long[] scans(java.sql.Connection c, String table) throws SQLException {
        try (var ps = c.prepareStatement("select seq_scan, idx_scan from pg_stat_xact_user_tables where relname = ?")) {
            ps.setString(1, table);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return new long[] { rs.getLong(1), rs.getLong(2) };
            }
        }
    }
}
