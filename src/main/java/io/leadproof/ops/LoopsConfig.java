package io.leadproof.ops;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings of the background loops ({@link BackgroundLoops}), with each default declared once, here. Each can be given
 * as an environment variable of the same name (LEADPROOF_LOOPS_BACKOFF_MAX, ...).
 */
@ConfigMapping(prefix = "leadproof.loops")
public interface LoopsConfig {

    /** The first wait after a loop's body fails; it doubles at each failure in a row up to {@link #backoffMax()}. */
    @WithDefault("200ms")
    Duration backoffMin();

    @WithDefault("10s")
    Duration backoffMax();

    /** A loop whose body has not come back for this long shows as stuck in the health checks. */
    @WithDefault("15m")
    Duration stuckAfter();
}
