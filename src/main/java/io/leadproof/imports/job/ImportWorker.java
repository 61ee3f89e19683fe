package io.leadproof.imports.job;

import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.leadproof.ops.BackgroundLoops;
import io.leadproof.ops.DatabaseOutage;
import io.leadproof.ops.LeasedJobs;
import io.leadproof.ops.SupervisedLoop;
import io.quarkus.runtime.StartupEvent;

/**
 * Claims import jobs across workspaces ({@link LeasedJobs}, kind IMPORT: skip-locked, resuming at the checkpoint)
 * and works each off under a lease that every committed batch extends: a pod killed mid-import leaves a RUNNING job
 * whose lease runs out, and any pod then resumes it after the last committed row.
 */
@ApplicationScoped
public class ImportWorker {

    private static final Logger LOG = Logger.getLogger(ImportWorker.class);
    static final String OWNER = System.getenv().getOrDefault("HOSTNAME", "local") + "/" + ProcessHandle.current().pid() + "/imports/"
            + UUID.randomUUID().toString().substring(0, 8);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    BackgroundLoops loops;
    @Inject
    ImportRunner runner;
    @ConfigProperty(name = "leadproof.imports.poll-every", defaultValue = "2s")
    Duration pollEvery;
    @ConfigProperty(name = "leadproof.imports.lease", defaultValue = "60s")
    Duration lease;

    private volatile SupervisedLoop claims;

    void start(@Observes StartupEvent event) {
        claims = loops.every("import-claims", pollEvery, Duration.ZERO, this::workOff);
    }

    /** A job's upload is complete: start it now rather than at the next poll. */
    public void wake() {
        if (claims != null) {
            claims.wake();
        }
    }

    private void workOff(SupervisedLoop loop) throws Exception {
        String[] claim;
        while (loop.running() && (claim = claimNext()) != null) {
            if (claim[2] != null && !OWNER.equals(claim[2])) {
                LOG.infof("Resuming import %s of workspace %s after the lease of %s ran out", claim[1], claim[0], claim[2]);
            }
            try {
                if (!runner.run(claim[0], UUID.fromString(claim[1]), OWNER, lease.toMillis())) {
                    LOG.warnf("Import %s of workspace %s is no longer held by this pod; another pod works it on", claim[1], claim[0]);
                }
            } catch (RuntimeException e) {
                if (DatabaseOutage.in(e)) {
                    throw e; // the job stays RUNNING; once its lease runs out it is resumed after its last committed row
                }
                String incident = UUID.randomUUID().toString();
                LOG.errorf(e, "Import %s of workspace %s failed (incident %s)", claim[1], claim[0], incident);
                runner.fail(claim[0], UUID.fromString(claim[1]), OWNER, "INTERNAL",
                        "the import stopped on an unexpected error (incident " + incident + "); rows before it landed");
            }
            loop.beat();
        }
    }

    private String[] claimNext() throws SQLException {
        var c = LeasedJobs.claimNext(dataSource, LeasedJobs.Kind.IMPORT, OWNER, lease);
        return c == null ? null : new String[] { c.workspaceId(), c.jobId().toString(), c.takenFrom() };
    }
}
