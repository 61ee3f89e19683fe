package io.leadproof.evidence.analysisjob;

import java.sql.SQLException;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.leadproof.evidence.analysis.SignalAnalysisService;
import io.leadproof.ops.BackgroundLoops;
import io.leadproof.ops.DatabaseOutage;
import io.leadproof.ops.LeasedJobs;
import io.leadproof.ops.SupervisedLoop;
import io.leadproof.security.WorkspaceScope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Claims signal analysis jobs across workspaces ({@link LeasedJobs}, skip-locked, so every pod may poll) and runs each in
 * its workspace: the cohort read as of the job's asOf (progress 0.1), the analysis (0.6), the answer kept (1). A
 * {@link LeasedJobs.Keeper} renews the lease every third of it; a pod that dies loses it and another pod runs the job
 * again from the start. Cancelling is seen at the next renewal and between the steps.
 */
@ApplicationScoped
public class AnalysisJobWorker {

    private static final Logger LOG = Logger.getLogger(AnalysisJobWorker.class);
    static final String OWNER = LeasedJobs.owner();

    @Inject
    AgroalDataSource dataSource;
    @Inject
    WorkspaceScope scope;
    @Inject
    AnalysisJobRun runs;
    @Inject
    SignalAnalysisService analyses;
    @Inject
    BackgroundLoops loops;
    @Inject
    AnalysisJobConfig config;

    private volatile SupervisedLoop claims;

    void start(@Observes StartupEvent event) {
        claims = loops.every("signal-analysis-claims", config.pollEvery(), java.time.Duration.ZERO, this::workOff);
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) AnalysisJobs.Queued queued) {
        if (claims != null) {
            claims.wake();
        }
    }

    private void workOff(SupervisedLoop loop) throws SQLException {
        LeasedJobs.Claim claim;
        while (loop.running() && (claim = LeasedJobs.claimNext(dataSource, LeasedJobs.Kind.SIGNAL_ANALYSIS, OWNER, config.lease())) != null) {
            run(claim);
            loop.beat();
        }
    }

    void run(LeasedJobs.Claim claim) {
        if (claim.takenOver(OWNER)) {
            LOG.warnf("Took over signal analysis job %s of workspace %s from %s, whose lease ran out at %s; running it from the start",
                    claim.jobId(), claim.workspaceId(), claim.takenFrom(), claim.leaseEndedAt());
        }
        UUID id = claim.jobId();
        var job = inJob(claim, () -> runs.held(id, OWNER));
        if (job == null) {
            return;
        }
        float[] progress = {0.1f};
        try (var lease = new LeasedJobs.Keeper("signal-analysis-lease", config.lease(),
                () -> inJob(claim, () -> runs.progress(id, OWNER, progress[0], config.lease())))) {
            if (!inJob(claim, () -> runs.progress(id, OWNER, progress[0], config.lease()))) {
                return;
            }
            var request = AnalysisJobs.request(job);
            var payload = scope.call(claim.workspaceId(), () -> QuarkusTransaction.requiringNew()
                    .timeout((int) config.maxRun().toSeconds()).call(() -> analyses.analyse(request, job.asOf(), config.maxRun())));
            progress[0] = 0.6f;
            if (lease.lost()) {
                return;
            }
            if (payload.analysis() == null) {
                inJob(claim, () -> {
                    runs.fail(id, payload.userErrors().getFirst().message());
                    return null;
                });
                return;
            }
            inJob(claim, () -> runs.finish(id, OWNER, StoredAnalysis.of(payload.analysis())));
        } catch (RuntimeException e) {
            if (DatabaseOutage.in(e)) {
                inJob(claim, () -> {
                    runs.release(id, OWNER);
                    return null;
                });
                throw e;
            }
            String incident = UUID.randomUUID().toString();
            LOG.errorf(e, "Signal analysis job %s of workspace %s failed (incident %s)", id, claim.workspaceId(), incident);
            inJob(claim, () -> {
                runs.fail(id, "The analysis failed (incident " + incident + ")");
                return null;
            });
        }
    }

    private <T> T inJob(LeasedJobs.Claim claim, Supplier<T> work) {
        return scope.call(claim.workspaceId(), () -> QuarkusTransaction.requiringNew().call(work::get));
    }
}
