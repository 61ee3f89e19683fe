package io.leadproof.workspace;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.agroal.api.AgroalDataSource;
import io.leadproof.common.StatementTimeoutException;
import io.leadproof.security.Roles;
import io.leadproof.security.WorkspaceConnectionSettings;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;

/**
 * The users who have signed in to a workspace, with the LeadProof roles their token carried. A token that names a
 * workspace is Keycloak's word that the user belongs to its organisation with those realm roles, so the first request
 * of a user in a workspace records it ({@code CurrentWorkspace}), and a later one with other roles updates it. This is
 * what {@code salesRepUpsert} checks: only a member with the sales role can be registered as a rep — an outsider, or a
 * user of another organisation, cannot receive a workspace's handoffs.
 *
 * <p>Writes use their own connection, outside the caller's transaction (they happen while Hibernate resolves the
 * tenant), and happen once per user, workspace and set of roles per pod.
 */
@ApplicationScoped
public class WorkspaceMembers {

    private static final Set<String> KNOWN_ROLES = Set.of(Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP);
    private static final String UPSERT = """
            insert into workspace_member (workspace_id, user_name, roles, first_seen_at, roles_seen_at)
            values (?, ?, ?, now(), now())
            on conflict (workspace_id, user_name) do update set roles = excluded.roles, roles_seen_at = now()
              where workspace_member.roles <> excluded.roles""";

    private final Set<String> recorded = ConcurrentHashMap.newKeySet();

    @Inject
    AgroalDataSource dataSource;
    @Inject
    EntityManager em;
    @Inject
    WorkspaceDirectory directory;

    /** Records that {@code user} signed in to {@code workspaceId} with {@code roles} (other roles are left out). */
    public void signedIn(String workspaceId, String user, Collection<String> roles) {
        String kept = String.join(" ", new TreeSet<>(roles.stream().filter(KNOWN_ROLES::contains).toList()));
        String key = workspaceId + "\n" + user + "\n" + kept;
        if (user == null || user.isBlank() || recorded.contains(key)) {
            return;
        }
        directory.ensureExists(workspaceId);
        try {
            QuarkusTransaction.suspendingExisting().run(() -> write(workspaceId, user, kept));
        } catch (QuarkusTransactionException e) {
            throw e.getCause() instanceof StatementTimeoutException timeout ? timeout : e;
        }
        recorded.add(key);
    }

    private void write(String workspaceId, String user, String roles) {
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            WorkspaceConnectionSettings.bind(connection, workspaceId);
            try (var upsert = connection.prepareStatement(UPSERT)) {
                upsert.setString(1, workspaceId);
                upsert.setString(2, user);
                upsert.setString(3, roles);
                upsert.executeUpdate();
            }
        } catch (SQLException e) {
            if (StatementTimeoutException.SQL_STATE.equals(e.getSQLState())) {
                // a slow database is not a bug: the request is answered TIMEOUT (retry), as any other statement timeout
                throw new StatementTimeoutException(e, UPSERT);
            }
            throw new IllegalStateException("could not record the sign-in of a workspace member", e);
        }
    }

    /** Whether {@code user} has signed in to the current workspace with {@code role} the last time their roles changed. */
    public boolean hasRole(String workspaceId, String user, String role) {
        var rows = em.createNativeQuery("select roles from workspace_member where workspace_id = ?1 and user_name = ?2")
                .setParameter(1, workspaceId).setParameter(2, user).getResultList();
        return !rows.isEmpty() && Arrays.asList(String.valueOf(rows.getFirst()).split(" ")).contains(role);
    }
}
