package io.leadproof.scoring;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.leadproof.security.CurrentWorkspace;
import io.leadproof.security.WorkspaceScope;
import io.leadproof.workspace.WorkspaceDirectory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.leadproof.ops.BackgroundLoops;
import io.leadproof.ops.BusinessMetrics;
import io.leadproof.ops.DatabaseOutage;
import io.leadproof.ops.SupervisedLoop;
import io.quarkus.runtime.StartupEvent;

/**
 * Time moves scores without any new event: decayed engagement shrinks and old activities leave
 * their window. Each workspace is rescored in its own explicit scope (never without one), and only
 * leads whose engagement can still change are visited: those with stored engagement points and
 * those with activities inside the widest window.
 */
@ApplicationScoped
public class DecayJob {

    private static final Logger LOG = Logger.getLogger(DecayJob.class);

    @Inject
    WorkspaceDirectory directory;
    @Inject
    WorkspaceScope scope;
    @Inject
    CurrentWorkspace workspace;
    @Inject
    EntityManager em;
    @Inject
    ScoringTargets targets;
    @Inject
    Clock clock;
    @Inject
    Event<LeadsQualified> qualified;
    @Inject
    ScoringConfig config;

    @Inject
    BackgroundLoops loops;
    @Inject
    BusinessMetrics metrics;

    void start(@Observes StartupEvent event) {
        loops.every("decay", config.decayEvery(), config.decayDelay(), this::everyWorkspace);
    }

    void everyWorkspace(SupervisedLoop loop) {
        for (String id : directory.allIds()) {
            try {
                runFor(id);
                loop.beat();
            } catch (RuntimeException e) {
                if (DatabaseOutage.in(e)) {
                    throw e; // the whole pass waits for the database
                }
                LOG.errorf(e, "decay rescoring of workspace %s failed", id);
            }
        }
    }

    /** Rescores one workspace as of now, chunk by chunk, each chunk its own transaction. */
    public int runFor(String workspaceId) {
        Instant asOf = clock.instant();
        long started = System.nanoTime();
        int total = 0;
        UUID after = new UUID(0, 0);
        while (true) {
            UUID from = after;
            List<UUID> done = scope.call(workspaceId, () -> QuarkusTransaction.requiringNew().call(() -> chunk(from, asOf)));
            if (done.isEmpty()) {
                metrics.jobFinished(BusinessMetrics.JobKind.DECAY, Duration.ofNanos(System.nanoTime() - started));
                return total;
            }
            total += done.size();
            after = done.getLast();
        }
    }

    private List<UUID> chunk(UUID after, Instant asOf) {
        String ws = workspace.id();
        var outcome = em.unwrap(Session.class).doReturningWork(c -> {
            var current = targets.current(c, ws);
            Duration lookBack = current.stream().map(ScoringTarget::lookBack).max(Duration::compareTo).orElse(Duration.ZERO);
            var ids = candidates(c, ws, after, asOf.minus(lookBack));
            var leads = ids.isEmpty() ? java.util.Map.<UUID, io.leadproof.scoring.engine.LeadSnapshot>of()
                    : LeadFacts.snapshots(c, ws, ids);
            var scored = LeadScoring.score(c, ws, leads, current, ScoreCause.DECAY, asOf);
            return new Object[] { ids, scored };
        });
        @SuppressWarnings("unchecked")
        var ids = (List<UUID>) outcome[0];
        qualified.fire(new LeadsQualified(((LeadScoring.Outcome) outcome[1]).qualified()));
        return ids;
    }

    private List<UUID> candidates(Connection c, String ws, UUID after, Instant windowStart) throws SQLException {
        try (var ps = c.prepareStatement("select lead_id from (select lead_id from lead_score where workspace_id = ? and engagement <> 0"
                + " union select lead_id from activity where workspace_id = ? and occurred_at > ?) candidates"
                + " where lead_id > ? order by lead_id limit ?")) {
            ps.setString(1, ws);
            ps.setString(2, ws);
            ps.setTimestamp(3, Timestamp.from(windowStart));
            ps.setObject(4, after);
            ps.setInt(5, config.chunkSize());
            var ids = new ArrayList<UUID>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        }
    }
}
