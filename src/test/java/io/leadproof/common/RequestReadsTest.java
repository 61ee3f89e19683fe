package io.leadproof.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.leadproof.security.WorkspaceScope;
import io.leadproof.support.Await;
import io.leadproof.support.OwnerSql;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The reads of a request share one connection and one read-only transaction with the workspace set once; a request
 * that ends while a statement runs cancels it, and its connection goes back to the pool only once the statement is over.
 */
@QuarkusTest
class RequestReadsTest {

    static final String WS = "reads-" + UUID.randomUUID().toString().substring(0, 8);
    static final String SOLE = "sole-" + UUID.randomUUID().toString().substring(0, 8);

    @Inject
    WorkspaceScope scope;
    @Inject
    RequestReads reads;
    @Inject
    AgroalDataSource dataSource;

    record Seen(int backend, String transactionStart, String workspace, String readOnly, long leads) {
    }

    static Seen seen(Connection c) throws SQLException {
        try (var ps = c.prepareStatement("select pg_backend_pid(), now()::text, current_setting('leadproof.workspace_id', true),"
                + " current_setting('transaction_read_only'), (select count(*) from lead)"); var rs = ps.executeQuery()) {
            rs.next();
            return new Seen(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5));
        }
    }

    @Test
    void every_read_of_a_request_runs_in_one_read_only_transaction_of_its_workspace() {
        OwnerSql.workspaceWithLeads(WS, 3);
        scope.run(WS, () -> {
            Seen first = reads.read(RequestReadsTest::seen);
            Seen second = reads.read(RequestReadsTest::seen);
            assertThat(second).as("same connection, same transaction").isEqualTo(first);
            assertThat(first.workspace()).isEqualTo(WS);
            assertThat(first.readOnly()).isEqualTo("on");
            assertThat(first.leads()).as("row-level security sees the workspace's leads").isEqualTo(3);
            assertThatThrownBy(() -> reads.read(c -> c.createStatement().execute("delete from lead")))
                    .hasRootCauseMessage("ERROR: cannot execute DELETE in a read-only transaction");
        });
    }

    @Test
    void a_request_that_ends_mid_statement_cancels_it_and_returns_the_connection_only_when_it_is_over() throws Exception {
        scope.run(WS, () -> {
            RequestReads request = ClientProxy.unwrap(reads);
            request.read(RequestReadsTest::seen); // the request's transaction is open
            int[] backend = new int[1];
            var slow = CompletableFuture.supplyAsync(() -> request.read(c -> {
                backend[0] = seen(c).backend();
                return c.createStatement().execute("select pg_sleep(30)");
            }));
            Await.until("the slow statement runs", Duration.ofSeconds(10), () -> backend[0] != 0 && "active".equals(state(backend[0])));

            long started = System.nanoTime();
            request.close(); // what the end of the request does, from another thread than the one reading
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("cancelled, not waited out").isLessThan(Duration.ofSeconds(10));
            assertThat(state(backend[0])).as("back in the pool: nothing runs on it, no transaction is open").isEqualTo("idle");

            assertThatThrownBy(() -> slow.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(RequestGone.class);
            assertThatThrownBy(() -> request.read(RequestReadsTest::seen)).isInstanceOf(RequestGone.class);
        });
    }

    @Test
    void a_sole_read_runs_in_one_read_only_transaction_of_its_workspace_whatever_the_session_holds() throws SQLException {
        OwnerSql.workspaceWithLeads(SOLE, 3);
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement("select pg_backend_pid(),"
                + " set_config('leadproof.workspace_id', 'someone-else', false), set_config('statement_timeout', '0', false)")) {
            var rs = ps.executeQuery(); // what a previous borrower may leave on the session
            rs.next();
            assertThat(rs.getInt(1)).isPositive();
        }
        scope.run(SOLE, () -> {
            RequestReads request = ClientProxy.unwrap(reads);
            Seen seen = request.readAlone("select pg_backend_pid(), now()::text, current_setting('leadproof.workspace_id', true),"
                    + " current_setting('transaction_read_only'), (select count(*) from lead), current_setting('statement_timeout')",
                    (c, ps, first) -> { }, rs -> {
                        rs.next();
                        assertThat(rs.getString(6)).as("the request's statement timeout").isEqualTo("5s");
                        return new Seen(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5));
                    });
            assertThat(seen.workspace()).isEqualTo(SOLE);
            assertThat(seen.readOnly()).isEqualTo("on");
            assertThat(seen.leads()).as("row-level security sees the workspace's leads").isEqualTo(3);
            assertThat(state(seen.backend())).as("given back at once, no transaction left open").isEqualTo("idle");
            assertThatThrownBy(() -> request.readAlone("delete from lead returning 1", (c, ps, first) -> { }, rs -> rs.next()))
                    .hasRootCauseMessage("ERROR: cannot execute DELETE in a read-only transaction");
            Seen bound = request.readAlone("select 0, ?, ?, 'x', 0::bigint", (c, ps, first) -> {
                ps.setString(first, "a");
                ps.setString(first + 1, "b");
            }, rs -> {
                rs.next();
                return new Seen(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5));
            });
            assertThat(bound).as("the statement's parameters after the settings'").isEqualTo(new Seen(0, "a", "b", "x", 0));
        });
    }

    @Test
    void a_sole_read_runs_under_the_timeout_it_sets_and_a_request_that_ends_cancels_it() throws Exception {
        try (var c = dataSource.getConnection()) {
            assertThatThrownBy(() -> SoleRead.run(c, WS, Duration.ofMillis(200), "select pg_sleep(5)::text", (x, ps, first) -> { }, rs -> null))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(StatementTimeoutException.SQL_STATE));
        }
        scope.run(WS, () -> {
            RequestReads request = ClientProxy.unwrap(reads);
            var ender = CompletableFuture.runAsync(() -> { // the end of the request, from another thread than the one reading
                Await.until("the slow statement runs", Duration.ofSeconds(10), this::sleeping);
                request.close();
            });
            long started = System.nanoTime();
            assertThatThrownBy(() -> request.readAlone("select pg_sleep(30)::text", (c, ps, first) -> { }, rs -> null))
                    .isInstanceOf(RequestGone.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("cancelled, not waited out").isLessThan(Duration.ofSeconds(20));
            ender.join();
            assertThat(sleeping()).as("nothing runs any more").isFalse();
        });
    }

    private boolean sleeping() {
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement("select count(*) from pg_stat_activity"
                + " where state = 'active' and query like '%pg_sleep(30)::text' and pid <> pg_backend_pid()"); var rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1) > 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The state of a backend of the application's role, seen from a pooled connection — which may be that very backend
     * once it is back in the pool: then it is idle but for this check.
     */
    private String state(int backend) {
        try (var c = dataSource.getConnection();
                var ps = c.prepareStatement("select case when pg_backend_pid() = ? then 'idle'"
                        + " else (select state from pg_stat_activity where pid = ?) end")) {
            ps.setInt(1, backend);
            ps.setInt(2, backend);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
