package io.leadproof.security;

import io.leadproof.support.OwnerSql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.agroal.api.AgroalDataSource;
import io.leadproof.common.WorkspaceAccessException;
import io.leadproof.lead.Lead;
import io.leadproof.workspace.WorkspaceDirectory;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * PostgreSQL row-level security behind the application's workspace filter (docs/security.md, "Row-level
 * security"): the application's database role sees and writes only the rows of the workspace set for the
 * transaction, and nothing at all without one.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowLevelSecurityTest {

    static final String A = "rls-a-" + UUID.randomUUID().toString().substring(0, 8);
    static final String B = "rls-b-" + UUID.randomUUID().toString().substring(0, 8);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    WorkspaceScope scope;
    @Inject
    EntityManager em;
    @Inject
    WorkspaceDirectory directory;
    @ConfigProperty(name = "quarkus.datasource.username")
    String appRole;

    @BeforeAll
    void two_workspaces_with_leads() {
        OwnerSql.workspaceWithLeads(A, 3);
        OwnerSql.workspaceWithLeads(B, 2);
    }

    static long count(Connection c, String sql) throws SQLException {
        try (var ps = c.prepareStatement(sql); var rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String string(Connection c, String sql) throws SQLException {
        try (var ps = c.prepareStatement(sql); var rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    static List<String> strings(Connection c, String sql) throws SQLException {
        try (var ps = c.prepareStatement(sql); var rs = ps.executeQuery()) {
            var values = new ArrayList<String>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }

    // ------------------------------------------------------------------ the database role

    @Test
    void the_application_connects_as_a_role_that_row_level_security_applies_to() throws SQLException {
        try (var c = dataSource.getConnection()) {
            assertThat(string(c, "select current_user")).isEqualTo(appRole);
            assertThat(string(c, "select rolsuper::text || ',' || rolbypassrls::text from pg_roles where rolname = current_user"))
                    .as("neither superuser nor BYPASSRLS").isEqualTo("false,false");
            assertThat(count(c, "select count(*) from pg_class where relowner = (select oid from pg_roles where rolname = current_user)"))
                    .as("owns no table (FORCE would apply anyway, but ownership would allow turning RLS off)").isZero();
        }
    }

    @Test
    void every_table_with_a_workspace_id_has_forced_row_level_security_and_the_workspace_policy() {
        List<String> tenantTables = OwnerSql.strings("""
                select c.relname from pg_class c
                 where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p')
                   and exists (select from pg_attribute a where a.attrelid = c.oid and a.attname = 'workspace_id' and not a.attisdropped)
                 order by 1""");
        assertThat(tenantTables).contains("workspace", "lead", "activity", "campaign", "campaign_cost", "handoff", "scoring_job");
        List<String> unprotected = OwnerSql.strings("""
                select c.relname || ' rls=' || c.relrowsecurity || ' force=' || c.relforcerowsecurity
                       || ' policy=' || coalesce((select pg_get_expr(p.polqual, p.polrelid) || ' check ' || pg_get_expr(p.polwithcheck, p.polrelid)
                                                    from pg_policy p where p.polrelid = c.oid and p.polname = 'workspace_isolation'), 'none')
                  from pg_class c
                 where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p')
                   and exists (select from pg_attribute a where a.attrelid = c.oid and a.attname = 'workspace_id' and not a.attisdropped)
                   and not (c.relrowsecurity and c.relforcerowsecurity and exists (
                        select from pg_policy p where p.polrelid = c.oid and p.polname = 'workspace_isolation' and p.polcmd = '*'
                           and pg_get_expr(p.polqual, p.polrelid) = '(workspace_id = current_setting(''leadproof.workspace_id''::text, true))'
                           and pg_get_expr(p.polwithcheck, p.polrelid) = '(workspace_id = current_setting(''leadproof.workspace_id''::text, true))'))
                """);
        assertThat(unprotected).as("tables with a workspace_id but without ENABLE + FORCE RLS and the workspace policy").isEmpty();
        List<String> ownerViews = OwnerSql.strings("""
                select c.relname from pg_class c
                 where c.relnamespace = current_schema()::regnamespace and c.relkind = 'v'
                   and not coalesce('security_invoker=true' = any (c.reloptions), false)""");
        assertThat(ownerViews).as("views that would read with their owner's rights, past the policies").isEmpty();
    }

    // ------------------------------------------------------------------ without a workspace: nothing

    @Test
    void native_sql_without_the_setting_sees_nothing_and_can_write_nothing() throws SQLException {
        assertThat(OwnerSql.count("select count(*) from lead where workspace_id in (?, ?)", A, B)).isEqualTo(5);
        try (var c = dataSource.getConnection()) {
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(string(c, "select coalesce(current_setting('leadproof.workspace_id', true), '<unset>')")).isEmpty();
            for (String table : List.of("workspace", "lead", "campaign", "metrics_lead", "metrics_lead_src")) {
                assertThat(count(c, "select count(*) from " + table)).as(table).isZero();
            }
            assertThat(strings(c, "select workspace_id from workspace")).isEmpty();
            assertThatThrownBy(() -> {
                try (var ps = c.prepareStatement("insert into campaign (workspace_id, id, name, channel, created_at)"
                        + " values (?, ?, 'sneaky', 'PAID_SEARCH', now())")) {
                    ps.setString(1, A);
                    ps.setObject(2, UUID.randomUUID());
                    ps.executeUpdate();
                }
            }).isInstanceOf(SQLException.class).hasMessageContaining("row-level security");
            try (var ps = c.prepareStatement("update lead set first_name = 'changed' where workspace_id = ?")) {
                ps.setString(1, A);
                assertThat(ps.executeUpdate()).as("updates find no rows").isZero();
            }
            try (var ps = c.prepareStatement("delete from campaign where workspace_id = ?")) {
                ps.setString(1, B);
                assertThat(ps.executeUpdate()).as("deletes find no rows").isZero();
            }
        }
        assertThat(OwnerSql.count("select count(*) from lead where workspace_id = ? and first_name = 'changed'", A)).isZero();
        assertThat(OwnerSql.count("select count(*) from campaign where workspace_id = ?", B)).isOne();
    }

    @Test
    void with_the_setting_native_sql_without_any_where_clause_sees_exactly_that_workspace() throws SQLException {
        try (var c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            WorkspaceConnectionSettings.bind(c, A);
            assertThat(strings(c, "select distinct workspace_id from lead")).containsExactly(A);
            assertThat(count(c, "select count(*) from lead")).isEqualTo(3);
            assertThat(strings(c, "select workspace_id from workspace")).containsExactly(A);
            assertThatThrownBy(() -> {
                try (var ps = c.prepareStatement("insert into campaign (workspace_id, id, name, channel, created_at)"
                        + " values (?, ?, 'cross-write', 'PAID_SEARCH', now())")) {
                    ps.setString(1, B);
                    ps.setObject(2, UUID.randomUUID());
                    ps.executeUpdate();
                }
            }).as("a row for another workspace fails the policy's WITH CHECK").hasMessageContaining("row-level security");
            c.rollback();
            assertThat(string(c, "select coalesce(current_setting('leadproof.workspace_id', true), '')"))
                    .as("set with is_local: gone with the transaction").isEmpty();
            assertThat(count(c, "select count(*) from lead")).isZero();
            c.setAutoCommit(true);
        }
    }

    // ------------------------------------------------------------------ jobs: explicit workspace, fail closed without

    @Test
    void a_job_scope_sees_its_workspace_through_jpa_native_sql_and_jdbc_in_one_transaction() {
        var seen = scope.call(B, () -> QuarkusTransaction.requiringNew().call(() -> {
            long jpa = Lead.count();
            long nativeAll = ((Number) em.createNativeQuery("select count(*) from lead").getSingleResult()).longValue();
            var jdbc = em.unwrap(Session.class).doReturningWork(c -> List.of(
                    string(c, "select current_setting('leadproof.workspace_id', true)"), String.valueOf(count(c, "select count(*) from lead")),
                    string(c, "select current_setting('statement_timeout')")));
            return List.of(String.valueOf(jpa), String.valueOf(nativeAll), jdbc.get(0), jdbc.get(1), jdbc.get(2));
        }));
        assertThat(seen.subList(0, 4)).containsExactly("2", "2", B, "2");
        assertThat(seen.get(4)).as("jobs get leadproof.db.job-statement-timeout").isEqualTo("1min");
    }

    @Test
    void a_tenant_query_outside_a_workspace_scope_fails_closed() throws Exception {
        // A background thread, no request context at all (what a scheduler tick without WorkspaceScope would be).
        var failure = new AtomicReference<Throwable>();
        var counted = new AtomicReference<Long>();
        Thread thread = Thread.ofPlatform().start(() -> {
            try {
                counted.set(QuarkusTransaction.requiringNew().call(() -> Lead.count()));
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        thread.join();
        assertThat(counted.get()).as("no count without a workspace").isNull();
        assertThat(failure.get()).as("an entity query without a request context fails").isNotNull();
        assertThat(failure.get()).hasStackTraceContaining("no tenant identifier");

        // A request context of its own but no workspace bound and no token: CurrentWorkspace refuses.
        var context = Arc.container().requestContext();
        var outer = context.isActive() ? context.getState() : null;
        if (outer != null) {
            context.deactivate();
        }
        context.activate();
        try {
            assertThatThrownBy(() -> QuarkusTransaction.requiringNew().call(() -> Lead.count()))
                    .isInstanceOf(WorkspaceAccessException.class);
            try (var c = dataSource.getConnection()) {
                assertThat(count(c, "select count(*) from lead")).as("raw SQL in that context sees nothing").isZero();
            }
        } finally {
            context.terminate();
            if (outer != null) {
                context.activate(outer);
            }
        }
    }

    // ------------------------------------------------------------------ cross-workspace paths that must keep working

    @Test
    void jobs_still_find_every_workspace() {
        assertThat(directory.allIds()).contains(A, B);
    }

    @Test
    void provisioning_a_workspace_seeds_it_under_row_level_security() {
        String fresh = "rls-new-" + UUID.randomUUID().toString().substring(0, 8);
        long reasons = scope.call(fresh, () -> QuarkusTransaction.requiringNew().call(
                () -> ((Number) em.createNativeQuery("select count(*) from rejection_reason").getSingleResult()).longValue()));
        assertThat(OwnerSql.strings("select workspace_id from workspace where workspace_id = ?", fresh)).containsExactly(fresh);
        assertThat(reasons).as("the seeders wrote the default rejection reasons into the new workspace").isPositive();
        assertThat(OwnerSql.count("select count(*) from rejection_reason where workspace_id = ?", fresh)).isEqualTo(reasons);
    }
}
