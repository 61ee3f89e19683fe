package io.leadproof.evidence.prediction;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.leadproof.ops.BackgroundLoops;
import io.leadproof.ops.LeasedJobs;
import io.leadproof.ops.SupervisedLoop;
import io.leadproof.security.WorkspaceScope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Claims the bulk prediction of newly served models across workspaces ({@link LeasedJobs}, kind PREDICTION_BULK:
 * skip-locked, under a lease of {@code leadproof.prediction.lease} renewed by every page) and
 * runs each in parts, page by page, the parts in parallel on their own connections ({@link BulkPass}, {@code
 * leadproof.prediction.bulk-parts}); this thread coordinates them (progress, lease). A pod that dies mid-pass loses its lease; another pod (or this one,
 * restarted) claims the pass once the lease has run out and resumes after the persisted cursor.
 */
@ApplicationScoped
public class BulkPredictionWorker {

    private static final Logger LOG = Logger.getLogger(BulkPredictionWorker.class);
    static final String OWNER = System.getenv().getOrDefault("HOSTNAME", "local") + "/" + ProcessHandle.current().pid() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    /** How often the coordinator counts the parts' progress and renews the lease while they run. */
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

    record Claim(String workspaceId, UUID modelId, UUID after, String takenFrom) {
    }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    BackgroundLoops loops;
    @Inject
    PredictionConfig config;
    @Inject
    BulkPass pass;
    @Inject
    WorkspaceScope scope;

    private volatile SupervisedLoop claims;

    void start(@Observes StartupEvent event) {
        claims = loops.every("prediction-bulk", config.pollEvery(), Duration.ZERO, this::workOff);
    }

    /** A model was just served (the training job calls this after its commit): start its pass now, not at the next poll. */
    void wake() {
        if (claims != null) {
            claims.wake();
        }
    }

    private void workOff(SupervisedLoop loop) throws SQLException {
        Claim claim;
        while (loop.running() && (claim = claimNext()) != null) {
            if (claim.takenFrom() != null && !OWNER.equals(claim.takenFrom())) {
                LOG.warnf("Took over the bulk prediction of model %s of workspace %s from %s, whose lease ran out; resuming after lead %s",
                        claim.modelId(), claim.workspaceId(), claim.takenFrom(), claim.after());
            }
            run(claim, loop);
        }
    }

    private void run(Claim claim, SupervisedLoop loop) {
        List<Integer> parts = inPass(claim, () -> pass.plan(claim.modelId(), OWNER, config.bulkParts()));
        if (parts.isEmpty()) {
            return;
        }
        var stop = new AtomicBoolean();
        var workers = Executors.newFixedThreadPool(parts.size(), Thread.ofPlatform().name("prediction-bulk-part-", 0).factory());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int part : parts) {
                running.add(workers.submit(() -> walk(claim, part, stop)));
            }
            boolean open = true;
            while (open && !running.stream().allMatch(Future::isDone)) {
                open = waitAWhile(running) && loop.running() && inPass(claim, () -> pass.progress(claim.modelId(), OWNER, config.lease()));
                loop.beat();
            }
            stop.set(true);
            for (Future<?> f : running) {
                f.get();
            }
            if (open) {
                inPass(claim, () -> pass.progress(claim.modelId(), OWNER, config.lease())); // DONE: every part finished
            }
        } catch (InterruptedException e) {
            stop.set(true);
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            stop.set(true);
            throw new IllegalStateException("a part of the bulk prediction of model " + claim.modelId() + " failed", e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    /** One part, page by page on its own connection, until it is done, the pass is lost or the pod stops it. */
    private void walk(Claim claim, int part, AtomicBoolean stop) {
        BulkPass.Step step;
        do {
            step = inPass(claim, () -> pass.next(claim.modelId(), OWNER, part, config.chunkSize()));
        } while (!step.done() && !stop.get());
        if (!step.held()) {
            stop.set(true);
        }
    }

    private static boolean waitAWhile(List<Future<?>> running) throws InterruptedException {
        for (Future<?> f : running) {
            try {
                f.get(PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                return true;
            } catch (ExecutionException e) {
                return false; // run() rethrows it
            }
        }
        return true;
    }

    private <T> T inPass(Claim claim, java.util.concurrent.Callable<T> work) {
        return scope.call(claim.workspaceId(), () -> QuarkusTransaction.requiringNew().call(work));
    }

    Claim claimNext() throws SQLException {
        var c = LeasedJobs.claimNext(dataSource, LeasedJobs.Kind.PREDICTION_BULK, OWNER, config.lease());
        return c == null ? null
                : new Claim(c.workspaceId(), c.jobId(), c.checkpoint() == null ? null : UUID.fromString(c.checkpoint()), c.takenFrom());
    }
}
