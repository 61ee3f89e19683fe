package io.leadproof.security;

import java.sql.Connection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalPoolInterceptor;
import io.leadproof.common.ReplicaReads;
import io.quarkus.agroal.DataSource;

/**
 * The read-only datasource ({@link ReplicaReads}) gets the same checkout settings as the primary's pool: the workspace
 * that row-level security compares with, and the statement timeout. Its connections are not enlisted in transactions
 * (each read is its own auto-commit statement), so the settings hold for the session until the next checkout.
 */
@ApplicationScoped
@DataSource(ReplicaReads.NAME)
public class ReadOnlyConnectionSettings implements AgroalPoolInterceptor {

    @Inject
    WorkspaceConnectionSettings settings;

    @Override
    public void onConnectionAcquire(Connection connection) {
        settings.onConnectionAcquire(connection);
    }
}
