package io.leadproof.security;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A pool of one connection, so every piece of work shares the same physical connection (the handoff listener has a
 * connection of its own, outside the pool), and short statement timeouts (1 s for API requests, 2 s for jobs).
 */
public class SmallPoolProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.jdbc.max-size", "1",
                "leadproof.db.statement-timeout", "1s",
                "leadproof.db.job-statement-timeout", "2s");
    }
}
