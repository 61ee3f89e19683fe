package io.leadproof.ops;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;


import io.leadproof.metrics.MetricsConfig;
import io.leadproof.ops.BusinessMetrics.JobKind;
import io.quarkus.runtime.StartupEvent;

/**
 * The {@code leadproof_job_backlog} gauge: jobs queued or running and not finished, by kind, across workspaces, read by
 * a supervised loop every {@code leadproof.metrics.job-backlog-every} ({@code job_backlog}, R__ops_meters.sql). Every
 * pod reports the same cluster-wide number; the alerts take the minimum or maximum over pods, never the sum.
 */
@ApplicationScoped
public class JobBacklog {

    @Inject
    DataSource dataSource;
    @Inject
    BackgroundLoops loops;
    @Inject
    BusinessMetrics metrics;
    @Inject
    MetricsConfig config;

    void start(@Observes StartupEvent event) {
        loops.every("job-backlog", config.jobBacklogEvery(), Duration.ZERO, loop -> refresh());
    }

    void refresh() throws SQLException {
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement("select kind, jobs from job_backlog()");
                var rs = ps.executeQuery()) {
            while (rs.next()) {
                JobKind kind = JobKind.valueOf(rs.getString(1).toUpperCase(Locale.ROOT));
                metrics.backlog(kind).set(rs.getLong(2));
            }
        }
    }
}
