package io.leadproof.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.leadproof.common.ReplicaReads;
import io.leadproof.security.WorkspaceConnectionSettings;
import io.leadproof.support.GraphQL;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * Metrics reads on the read-only datasource (docs/operations.md, "Read-only datasource"): with {@code LEADPROOF_DB_RO_URL}
 * set, bundles and breakdowns are read through the named datasource {@code readonly}. Here it points at the test
 * database, the primary, through that same named datasource (a streaming replica would be a second PostgreSQL cluster
 * on a machine the whole team shares); every other test runs without it and reads from the primary's pool, the
 * fallback. What a replica changes — lag — is not what is tested here; the path is: the same answers, row-level
 * security on the named pool, and nothing written through it.
 */
@QuarkusTest
@TestProfile(MetricsOnReadOnlyDatasourceTest.ReadOnlyDatasource.class)
class MetricsOnReadOnlyDatasourceTest {

    public static class ReadOnlyDatasource implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.\"readonly\".jdbc.url", "${quarkus.datasource.jdbc.url}");
        }
    }

    static final String WS = "metrics-readonly";
    static boolean seeded;

    @Inject
    AgroalDataSource primary;
    @Inject
    @DataSource(ReplicaReads.NAME)
    AgroalDataSource readonly;
    @Inject
    ReplicaReads reads;

    @BeforeEach
    void seed() {
        if (!seeded) {
            HandFixture.seed(new MetricsData(primary, WS));
            seeded = true;
        }
    }

    @Test
    @TestSecurity(user = "mia", roles = "marketing", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void the_bundle_and_breakdowns_come_from_the_read_only_datasource_with_the_same_answers() {
        assertThat(reads.usesReplica()).as("LEADPROOF_DB_RO_URL set: the named datasource is active").isTrue();
        long before = readonly.getMetrics().acquireCount();
        var m = GraphQL.ok(MetricsDocs.METRICS, Map.of("w", MetricsFixtureTest.MARCH)).setRootPath("data.metrics");
        assertThat(m.getInt("leads")).as("the figures MetricsAccessTest reads from the primary").isEqualTo(8);
        assertThat(m.getString("spend.total.amount")).isEqualTo("1500.00");
        var byCampaign = GraphQL.ok(MetricsDocs.BREAKDOWN, Map.of("w", MetricsFixtureTest.MARCH, "by", "CAMPAIGN"));
        assertThat(byCampaign.getInt("data.metricsBreakdown.totalCount")).isEqualTo(3);
        assertThat(readonly.getMetrics().acquireCount() - before).as("one connection of the read-only pool per read").isEqualTo(2);
    }

    @Test
    void row_level_security_holds_on_the_read_only_pool() throws SQLException {
        long leads;
        try (var connection = primary.getConnection(); var statement = connection.createStatement()) {
            WorkspaceConnectionSettings.bind(connection, WS);
            leads = count(statement);
        }
        assertThat(leads).isPositive();
        try (var connection = readonly.getConnection(); var statement = connection.createStatement()) {
            assertThat(count(statement)).as("no workspace set at checkout: no row at all").isZero();
            WorkspaceConnectionSettings.bind(connection, WS);
            assertThat(count(statement)).as("the workspace's rows, and only those").isEqualTo(leads);
        }
    }

    private static long count(java.sql.Statement statement) throws SQLException {
        try (var rows = statement.executeQuery("select count(*) from lead")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void nothing_can_be_written_through_it() throws SQLException {
        try (var connection = readonly.getConnection(); var statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("delete from workspace_member where false"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as("read_only_sql_transaction").isEqualTo("25006"));
        }
    }
}
