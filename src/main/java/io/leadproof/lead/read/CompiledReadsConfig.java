package io.leadproof.lead.read;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Whether the hot lead reads are answered by one compiled statement ({@link CompiledReadStrategy}). */
@ConfigMapping(prefix = "leadproof.compiled-reads")
public interface CompiledReadsConfig {

    /** false: every query takes the general path (graphql-java resolves each field). */
    @WithDefault("true")
    boolean enabled();
}
