package io.leadproof.evidence.prediction;

import java.sql.SQLException;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.leadproof.ops.BackgroundLoops;
import io.leadproof.ops.LeasedJobs;
import io.leadproof.ops.LeasedJobs.Claim;
import io.leadproof.ops.SupervisedLoop;
import io.leadproof.security.WorkspaceScope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Claims queued trainings across workspaces ({@link LeasedJobs}: skip-locked, under a lease renewed every third of
 * {@code leadproof.prediction.lease}, taken over by another pod once it runs out) and queues the recurring
 * training of every workspace whose newest model is older than {@code leadproof.prediction.train-every}.
 */
@ApplicationScoped
public class TrainingWorker {

    private static final Logger LOG = Logger.getLogger(TrainingWorker.class);
    static final String OWNER = LeasedJobs.owner();
    private static final Duration SCHEDULE_CHECK = Duration.ofMinutes(10);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    BackgroundLoops loops;
    @Inject
    PredictionConfig config;
    @Inject
    TrainingJob job;
    @Inject
    ModelStore store;
    @Inject
    WorkspaceScope scope;

    private volatile SupervisedLoop claims;

    void start(@Observes StartupEvent event) {
        claims = loops.every("prediction-training", config.pollEvery(), Duration.ZERO, this::workOff);
        if (config.trainEvery().isPositive()) {
            Duration every = config.trainEvery().compareTo(SCHEDULE_CHECK) < 0 ? config.trainEvery() : SCHEDULE_CHECK;
            loops.every("prediction-schedule", every, every, loop -> queueDue(config.trainEvery()));
        }
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) TrainingQueued queued) {
        if (claims != null) {
            claims.wake();
        }
    }

    private void workOff(SupervisedLoop loop) throws SQLException {
        Claim claim;
        while (loop.running() && (claim = LeasedJobs.claimNext(dataSource, LeasedJobs.Kind.PREDICTIVE_TRAINING, OWNER, config.lease())) != null) {
            if (claim.takenOver(OWNER)) {
                LOG.warnf("Took over training %s of workspace %s from %s, whose lease ran out", claim.jobId(), claim.workspaceId(),
                        claim.takenFrom());
            }
            run(claim);
        }
    }

    // The lease stops being renewed once the training is finished (no longer RUNNING) or taken over: the recorded
    // outcome is the holder's alone.
    private void run(Claim claim) {
        try (var lease = new LeasedJobs.Keeper("prediction-lease", config.lease(), () -> scope.call(claim.workspaceId(),
                () -> QuarkusTransaction.requiringNew().call(() -> store.renew(claim.jobId(), OWNER, config.lease()))))) {
            job.run(claim.workspaceId(), claim.jobId(), OWNER);
        }
    }

    /** Queues the recurring training of every due workspace (across workspaces, ids only); how many were queued. */
    int queueDue(Duration every) throws SQLException {
        try (var c = dataSource.getConnection();
                var ps = c.prepareStatement("select queue_due_predictive_training(make_interval(secs => ?))")) {
            ps.setDouble(1, every.toMillis() / 1000.0);
            try (var rs = ps.executeQuery()) {
                rs.next();
                int queued = rs.getInt(1);
                if (queued > 0 && claims != null) {
                    claims.wake();
                }
                return queued;
            }
        }
    }
}
