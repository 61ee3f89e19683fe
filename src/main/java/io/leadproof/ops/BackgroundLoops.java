package io.leadproof.ops;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;


import io.leadproof.common.DatabaseConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Every long-lived background loop of a pod — the handoff listener, the rescoring claims, decay, metrics compaction,
 * cost-bucket pruning — is started here, as a {@link SupervisedLoop}: it survives any exception, retries with backoff,
 * and shows in the health checks ({@link BackgroundLoopsHealth}). New background work belongs here too, not in a
 * thread of its own or a {@code @Scheduled} method (whose failures no health check sees).
 */
@ApplicationScoped
public class BackgroundLoops {

    @Inject
    LoopsConfig config;
    @Inject
    DatabaseConfig database;

    private final List<SupervisedLoop> loops = new CopyOnWriteArrayList<>();

    void configure(@Observes StartupEvent event) {
        DatabaseOutage.retryAfter(database.unavailableRetryAfter());
    }

    /** Runs {@code body} every {@code every}, first after {@code delay}. */
    public SupervisedLoop every(String name, Duration every, Duration delay, SupervisedLoop.Body body) {
        return start(new SupervisedLoop(name, every, delay, backoff(), body));
    }

    /** Runs {@code body}, which holds on until it fails or the application stops, again and again. */
    public SupervisedLoop continuous(String name, SupervisedLoop.Body body) {
        return start(new SupervisedLoop(name, null, Duration.ZERO, backoff(), body));
    }

    public Backoff backoff() {
        return new Backoff(config.backoffMin(), config.backoffMax());
    }

    private SupervisedLoop start(SupervisedLoop loop) {
        loops.add(loop);
        loop.start();
        return loop;
    }

    Collection<SupervisedLoop> all() {
        return List.copyOf(loops);
    }

    Duration stuckAfter() {
        return config.stuckAfter();
    }

    void stop(@Observes ShutdownEvent event) {
        loops.forEach(loop -> loop.stop(Duration.ZERO));
        loops.forEach(loop -> loop.stop(Duration.ofSeconds(5)));
    }
}
