package io.leadproof.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * The background loops in the health checks, one data entry per loop.
 * <ul>
 * <li>Readiness is DOWN while any loop is DOWN: its last pass failed and it is retrying. A loop's pass fails only as
 * a whole — per-item problems (one workspace, one job) are handled inside it — so in practice that means the database
 * cannot be reached, or the handoff listener has lost its LISTEN and this pod's subscribers would miss assignments.
 * It comes back UP by itself with the loop.</li>
 * <li>Liveness is DOWN when a loop's thread has ended although the application runs, or a pass has shown no progress
 * for {@code leadproof.loops.stuck-after}: restarting the pod is the remedy then, not for an outage.</li>
 * </ul>
 */
@ApplicationScoped
public class BackgroundLoopsHealth {

    static final String NAME = "Background loops";

    @Inject
    BackgroundLoops loops;

    @Produces
    @Readiness
    @ApplicationScoped
    HealthCheck readiness() {
        return () -> {
            var response = HealthCheckResponse.named(NAME).up();
            for (SupervisedLoop loop : loops.all()) {
                response.withData(loop.name(), loop.describe());
                if (loop.state() == SupervisedLoop.State.DOWN) {
                    response.down();
                }
            }
            return response.build();
        };
    }

    @Produces
    @Liveness
    @ApplicationScoped
    HealthCheck liveness() {
        return () -> {
            var response = HealthCheckResponse.named(NAME).up();
            for (SupervisedLoop loop : loops.all()) {
                if (loop.dead()) {
                    response.down().withData(loop.name(), "thread ended");
                } else if (loop.stuck(loops.stuckAfter())) {
                    response.down().withData(loop.name(), "no progress for " + loops.stuckAfter());
                } else {
                    response.withData(loop.name(), "running");
                }
            }
            return response.build();
        };
    }
}
