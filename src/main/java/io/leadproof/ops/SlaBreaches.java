package io.leadproof.ops;

import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;


import io.leadproof.metrics.MetricsConfig;
import io.quarkus.runtime.StartupEvent;

/**
 * Counts SLA breaches ({@code leadproof_sla_breaches_total}) off the request path: a supervised loop asks the database
 * every {@code leadproof.metrics.sla-breaches-every} which handoffs passed their due time without a first response since
 * the last count. The count and the move of the shared mark are one statement ({@code count_sla_breaches},
 * R__ops_meters.sql), so with many pods each breach is counted by exactly one of them, and no request writes anything
 * for it. A breach is counted {@code sla-breaches-settle} after its due time, when a response stamped before the due
 * time can no longer be in flight.
 */
@ApplicationScoped
public class SlaBreaches {

    @Inject
    DataSource dataSource;
    @Inject
    BackgroundLoops loops;
    @Inject
    BusinessMetrics metrics;
    @Inject
    MetricsConfig config;

    void start(@Observes StartupEvent event) {
        loops.every("sla-breaches", config.slaBreachesEvery(), config.slaBreachesEvery(), loop -> count(null));
    }

    /**
     * Counts the breaches due up to {@code until} (database time minus the settle time when null) not counted yet by any
     * pod, and adds them to this pod's counter; -1 when another pod was counting at the same moment.
     */
    long count(Instant until) throws SQLException {
        try (var c = dataSource.getConnection();
                var ps = c.prepareStatement("select count_sla_breaches(coalesce(?, now() - make_interval(secs => ?)))")) {
            if (until == null) {
                ps.setNull(1, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                ps.setObject(1, OffsetDateTime.ofInstant(until, ZoneOffset.UTC));
            }
            ps.setDouble(2, config.slaBreachesSettle().toMillis() / 1000.0);
            try (var rs = ps.executeQuery()) {
                rs.next();
                long breaches = rs.getLong(1);
                if (rs.wasNull()) {
                    return -1;
                }
                metrics.slaBreaches(breaches);
                return breaches;
            }
        }
    }
}
