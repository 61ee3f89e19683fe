package io.leadproof.evidence.prediction;

import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

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
 * runs each page by page ({@link BulkPass}). A pod that dies mid-pass loses its lease; another pod (or this one,
 * restarted) claims the pass once the lease has run out and resumes after the persisted cursor.
 */
@ApplicationScoped
public class BulkPredictionWorker {

    private static final Logger LOG = Logger.getLogger(BulkPredictionWorker.class);
    static final String OWNER = System.getenv().getOrDefault("HOSTNAME", "local") + "/" + ProcessHandle.current().pid() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

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
        BulkPass.Step step;
        do {
            step = scope.call(claim.workspaceId(), () -> QuarkusTransaction.requiringNew()
                    .call(() -> pass.next(claim.modelId(), OWNER, config.chunkSize(), config.lease())));
            loop.beat();
        } while (!step.done() && loop.running());
    }

    Claim claimNext() throws SQLException {
        var c = LeasedJobs.claimNext(dataSource, LeasedJobs.Kind.PREDICTION_BULK, OWNER, config.lease());
        return c == null ? null
                : new Claim(c.workspaceId(), c.jobId(), c.checkpoint() == null ? null : UUID.fromString(c.checkpoint()), c.takenFrom());
    }
}
