package io.leadproof.evidence.backtesting;

import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.leadproof.evidence.backtest.Backtest;
import io.leadproof.ops.BackgroundLoops;
import io.leadproof.ops.DatabaseOutage;
import io.leadproof.ops.LeasedJobs;
import io.leadproof.ops.LeasedJobs.Claim;
import io.leadproof.ops.SupervisedLoop;
import io.leadproof.security.WorkspaceScope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Claims backtest jobs across workspaces ({@link LeasedJobs}, skip-locked, so every pod may poll) and replays each in
 * one streaming pass in its workspace (each lead also scored by the workspace's served predictive model, when there is
 * one), while a {@link LeasedJobs.Keeper} renews the lease and records progress every third of the lease. A pod that dies loses its lease; another pod claims the job and replays it from the start (a replay is one pass of a pure core:
 * there is no partial state worth keeping). Cancelling is seen at the next renewal.
 */
@ApplicationScoped
public class BacktestWorker {

    private static final Logger LOG = Logger.getLogger(BacktestWorker.class);
    static final String OWNER = LeasedJobs.owner();

    /** Thrown into the stream to stop a replay that was cancelled or taken over. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped", null, false, false);
        }
    }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    WorkspaceScope scope;
    @Inject
    BacktestRun runs;
    @Inject
    CohortFeed feed;
    @Inject
    BackgroundLoops loops;
    @Inject
    BacktestConfig config;

    private volatile SupervisedLoop claims;

    void start(@Observes StartupEvent event) {
        claims = loops.every("backtest-claims", config.pollEvery(), Duration.ZERO, this::workOff);
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) BacktestQueued queued) {
        if (claims != null) {
            claims.wake();
        }
    }

    private void workOff(SupervisedLoop loop) throws SQLException {
        Claim claim;
        while (loop.running() && (claim = LeasedJobs.claimNext(dataSource, LeasedJobs.Kind.BACKTEST, OWNER, config.lease())) != null) {
            run(claim, loop);
        }
    }

    void run(Claim claim, SupervisedLoop loop) {
        if (claim.takenOver(OWNER)) {
            LOG.warnf("Took over backtest %s of workspace %s from %s, whose lease ran out at %s; replaying it from the start",
                    claim.jobId(), claim.workspaceId(), claim.takenFrom(), claim.leaseEndedAt());
        }
        var prepared = inJob(claim, () -> runs.prepare(claim.jobId(), OWNER));
        if (prepared == null) {
            return;
        }
        var request = prepared.request();
        var model = prepared.model();
        var backtest = Backtest.start(prepared.tested(), prepared.baseline(), request.options());
        var processed = new AtomicLong();
        try (var lease = new LeasedJobs.Keeper("backtest-lease", config.lease(), () -> checkpoint(claim, processed.get()))) {
            scope.call(claim.workspaceId(), () -> QuarkusTransaction.requiringNew().timeout((int) config.maxRun().toSeconds()).call(() -> {
                feed.stream(claim.workspaceId(), request, config.maxRun(), lead -> {
                    if (lease.lost() || !loop.running()) {
                        throw new Stopped();
                    }
                    backtest.accept(model == null ? lead : lead.withPredictedProbability(model.probability(lead.asReferenceLead())));
                    processed.incrementAndGet();
                });
                return null;
            }));
        } catch (Stopped e) {
            return;
        } catch (RuntimeException e) {
            if (stopped(e)) {
                return;
            }
            if (DatabaseOutage.in(e)) {
                inJob(claim, () -> {
                    runs.release(claim.jobId(), OWNER);
                    return null;
                });
                throw e;
            }
            String incident = UUID.randomUUID().toString();
            LOG.errorf(e, "Backtest %s of workspace %s failed (incident %s)", claim.jobId(), claim.workspaceId(), incident);
            inJob(claim, () -> {
                runs.fail(claim.jobId(), "The replay failed: " + LeasedJobs.reason(e) + " (incident " + incident + ")");
                return null;
            });
            return;
        }
        var result = backtest.finish();
        inJob(claim, () -> runs.finish(claim.jobId(), OWNER, result, model));
        loop.beat();
    }

    private static boolean stopped(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Stopped) {
                return true;
            }
        }
        return false;
    }

    /** Records progress and extends the lease; false when the job was cancelled or taken over. */
    private boolean checkpoint(Claim claim, long processed) {
        if (inJob(claim, () -> runs.checkpoint(claim.jobId(), OWNER, processed, config.lease()))) {
            return true;
        }
        LOG.infof("Backtest %s of workspace %s was cancelled or taken over; stopping its replay", claim.jobId(), claim.workspaceId());
        return false;
    }

    private <T> T inJob(Claim claim, Supplier<T> work) {
        return scope.call(claim.workspaceId(), () -> QuarkusTransaction.requiringNew().call(work::get));
    }
}
