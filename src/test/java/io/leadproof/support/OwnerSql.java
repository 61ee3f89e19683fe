package io.leadproof.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Test-only SQL as the schema owner (the Flyway credentials), which row-level security doesn't restrict: writes
 * fixtures into any workspace and reads what really is in the tables, independent of the application's role.
 */
public final class OwnerSql {

    private OwnerSql() {
    }

    public static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class), config.getValue("quarkus.flyway.password", String.class));
    }

    public static void exec(String sql, Object... params) {
        try (var c = connect(); var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static List<String> strings(String sql, Object... params) {
        try (var c = connect(); var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            var values = new ArrayList<String>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static long count(String sql, Object... params) {
        return Long.parseLong(strings(sql, params).getFirst());
    }

    /** A workspace with one campaign and {@code leads} leads whose e-mails start with the workspace id. */
    public static void workspaceWithLeads(String ws, int leads) {
        exec("insert into workspace (workspace_id, name) values (?, ?) on conflict do nothing", ws, ws);
        UUID campaign = UUID.randomUUID();
        exec("insert into campaign (workspace_id, id, name, channel, created_at) values (?, ?, ?, 'PAID_SEARCH', now())",
                ws, campaign, ws + "-campaign-" + campaign);
        for (int i = 0; i < leads; i++) {
            Timestamp now = Timestamp.from(Instant.now());
            exec("insert into lead (workspace_id, id, email, email_normalized, seniority, budget_status, authority, need, timeline,"
                    + " lifecycle_stage, campaign_id, created_at, updated_at) values (?, ?, ?, ?, 'UNKNOWN', 'UNKNOWN', 'UNKNOWN',"
                    + " 'UNKNOWN', 'UNKNOWN', 'NEW', ?, ?, ?)", ws, UUID.randomUUID(), ws + "-" + i + "@rls.example",
                    ws + "-" + i + "@rls.example", campaign, now, now);
        }
    }
}
