package io.leadproof.security;

import io.leadproof.support.OwnerSql;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.agroal.api.AgroalDataSource;
import io.leadproof.lead.Lead;
import io.leadproof.support.Await;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * One physical connection serves workspace A, then B, then work without a workspace: whatever A set must be gone
 * before B (or nobody) uses the connection — transactional and auto-commit use alike.
 */
@QuarkusTest
@TestProfile(SmallPoolProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PooledConnectionIsolationTest {

    static final String A = "pool-a-" + UUID.randomUUID().toString().substring(0, 8);
    static final String B = "pool-b-" + UUID.randomUUID().toString().substring(0, 8);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    WorkspaceScope scope;
    @Inject
    EntityManager em;

    /** What one unit of work saw on its connection. */
    record Seen(int backend, String workspace, long leads, List<String> workspaces, String timeout) {
    }

    static Seen seen(Connection c) throws SQLException {
        try (var ps = c.prepareStatement("select pg_backend_pid(), coalesce(current_setting('leadproof.workspace_id', true), ''),"
                + " (select count(*) from lead), (select coalesce(string_agg(distinct workspace_id, ','), '') from lead),"
                + " current_setting('statement_timeout')"); var rs = ps.executeQuery()) {
            rs.next();
            String list = rs.getString(4);
            return new Seen(rs.getInt(1), rs.getString(2), rs.getLong(3), list.isEmpty() ? List.of() : List.of(list.split(",")), rs.getString(5));
        }
    }

    @BeforeAll
    void two_workspaces_and_the_listener_on_its_own_connection() {
        OwnerSql.workspaceWithLeads(A, 2);
        OwnerSql.workspaceWithLeads(B, 3);
        Await.until("the handoff listener holds its connection", java.time.Duration.ofSeconds(20), () -> OwnerSql.count(
                "select count(*) from pg_stat_activity where datname = current_database() and usename = ? and query ilike 'listen %'",
                org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class)) == 1);
    }

    Seen inTransaction(String workspace) {
        return scope.call(workspace, () -> QuarkusTransaction.requiringNew().call(() -> {
            long jpa = Lead.count();
            Seen seen = em.unwrap(Session.class).doReturningWork(PooledConnectionIsolationTest::seen);
            assertThat(jpa).as("the entity filter and the policy agree").isEqualTo(seen.leads());
            return seen;
        }));
    }

    Seen autoCommit(String workspace) {
        return scope.call(workspace, () -> {
            try (var c = dataSource.getConnection()) {
                assertThat(c.getAutoCommit()).isTrue();
                return seen(c);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    Seen noWorkspace() throws SQLException {
        try (var c = dataSource.getConnection()) {
            return seen(c);
        }
    }

    @Test
    void a_single_connection_serving_a_then_b_then_nobody_leaks_nothing() throws SQLException {
        Seen a = inTransaction(A);
        Seen b = inTransaction(B);
        Seen none = noWorkspace();
        Seen a2 = autoCommit(A);
        Seen none2 = noWorkspace();
        Seen b2 = autoCommit(B);
        Seen b3 = inTransaction(B);
        Seen none3 = noWorkspace();

        assertThat(List.of(b, none, a2, none2, b2, b3, none3)).extracting(Seen::backend)
                .as("every unit of work ran on the same PostgreSQL backend, i.e. the same pooled connection")
                .containsOnly(a.backend());

        assertThat(a).isEqualTo(new Seen(a.backend(), A, 2, List.of(A), "2s"));
        assertThat(b).isEqualTo(new Seen(a.backend(), B, 3, List.of(B), "2s"));
        assertThat(a2).isEqualTo(new Seen(a.backend(), A, 2, List.of(A), "2s"));
        assertThat(b2).isEqualTo(new Seen(a.backend(), B, 3, List.of(B), "2s"));
        assertThat(b3).isEqualTo(new Seen(a.backend(), B, 3, List.of(B), "2s"));
        for (Seen nobody : List.of(none, none2, none3)) {
            assertThat(nobody).as("after a workspace's work the connection carries no workspace")
                    .isEqualTo(new Seen(a.backend(), "", 0, List.of(), "1s"));
        }
    }
}
