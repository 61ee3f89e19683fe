package io.leadproof.common;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the application uses the database, with each default declared once, here (docs/operations.md, "Configuration").
 * Each setting can be given as an environment variable of the same name (LEADPROOF_DB_STATEMENT_TIMEOUT, ...).
 */
@ConfigMapping(prefix = "leadproof.db")
public interface DatabaseConfig {

    /** The longest a statement of an API request may run; {@code 0} means no limit. */
    @WithDefault("5s")
    Duration statementTimeout();

    /** The same for background jobs ({@code WorkspaceScope}), which work in larger chunks. */
    @WithDefault("60s")
    Duration jobStatementTimeout();

    /** What an API client is told to wait when the database cannot be reached: UNAVAILABLE, retryAfter (docs/limits.md). */
    @WithDefault("5s")
    Duration unavailableRetryAfter();
}
