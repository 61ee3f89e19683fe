package io.leadproof.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadproof.metrics.MetricsConfig;
import io.leadproof.ops.LoopsConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Each default is declared once, in its feature's mapping (docs/architecture.md, "Configuration"), and an operator
 * sets a value with the environment variable of the same name, with no line in application.properties to forward it.
 */
class ConfigurationDefaultsTest {

    static SmallRyeConfig config(Map<String, String> environment) {
        return new SmallRyeConfigBuilder().withSources(new EnvConfigSource(environment, 300))
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(DatabaseConfig.class).withMapping(LoopsConfig.class).withMapping(MetricsConfig.class).build();
    }

    @Test
    void without_any_setting_the_documented_defaults_apply() {
        var config = config(Map.of());
        var db = config.getConfigMapping(DatabaseConfig.class);
        assertThat(db.statementTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(db.jobStatementTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(db.unavailableRetryAfter()).isEqualTo(Duration.ofSeconds(5));
        var loops = config.getConfigMapping(LoopsConfig.class);
        assertThat(loops.backoffMin()).isEqualTo(Duration.ofMillis(200));
        assertThat(loops.backoffMax()).isEqualTo(Duration.ofSeconds(10));
        assertThat(loops.stuckAfter()).isEqualTo(Duration.ofMinutes(15));
        var metrics = config.getConfigMapping(MetricsConfig.class);
        assertThat(metrics.compactEvery()).isEqualTo(Duration.ofSeconds(5));
        assertThat(metrics.slaBreachesEvery()).isEqualTo(Duration.ofMinutes(1));
        assertThat(metrics.jobBacklogEvery()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void an_environment_variable_of_the_same_name_sets_a_value() {
        var config = config(Map.of("LEADPROOF_DB_STATEMENT_TIMEOUT", "2s", "LEADPROOF_LOOPS_BACKOFF_MAX", "1s"));
        assertThat(config.getConfigMapping(DatabaseConfig.class).statementTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.getConfigMapping(DatabaseConfig.class).jobStatementTimeout()).as("the rest keep their defaults")
                .isEqualTo(Duration.ofSeconds(60));
        assertThat(config.getConfigMapping(LoopsConfig.class).backoffMax()).isEqualTo(Duration.ofSeconds(1));
    }
}
