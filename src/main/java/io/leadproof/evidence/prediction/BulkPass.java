package io.leadproof.evidence.prediction;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import io.leadproof.evidence.core.ReferenceLead;
import io.leadproof.security.CurrentWorkspace;

/**
 * The steps of a served model's bulk prediction, each in the caller's transaction and the model's workspace. The pass
 * runs in parts ({@link BulkParts}): one page of a part predicts the next {@code size} leads of its id range after the
 * part's persisted cursor in one upsert and moves that cursor in the same transaction, so a pass interrupted anywhere
 * resumes each part after its last committed page and writes no lead twice. Pages of different parts run at once on
 * their own connections: they check the model's row (the lease and the served model) in key-share mode, never lock
 * it against updates, so they do not wait on each other nor on the coordinator; {@link #progress} (the coordinator's) counts, renews the lease and finishes.
 */
@ApplicationScoped
class BulkPass {

    /** Where a part stands after a page: whether it is finished, whether the pass is still this pod's. */
    record Step(boolean done, boolean held) {
        static final Step LOST = new Step(true, false);
    }

    @Inject
    EntityManager em;
    @Inject
    CurrentWorkspace workspace;
    @Inject
    ServedModels served;
    @Inject
    Clock clock;
    @Inject
    AcceptedPredictions accepted;

    /** The pass's parts, planned as {@code count} when it has none yet; empty when {@code owner} no longer holds it. */
    List<Integer> plan(UUID modelId, String owner, int count) {
        String ws = workspace.id();
        return em.unwrap(Session.class).doReturningWork(c -> {
            if (lease(c, ws, modelId, owner) == null) {
                return List.of();
            }
            BulkParts.plan(c, ws, modelId, count);
            return BulkParts.indexes(c, ws, modelId);
        });
    }

    Step next(UUID modelId, String owner, int part, int size) {
        String ws = workspace.id();
        return em.unwrap(Session.class).doReturningWork(c -> {
            Lease lease = lease(c, ws, modelId, owner);
            PredictivePopulation population = lease == null || !lease.served() ? null : lease.population();
            var model = population == null ? null
                    : served.forWorkspace(ws, population).filter(m -> m.modelId().equals(modelId)).orElse(null);
            if (model == null) {
                return Step.LOST; // lost, or a newer model was served: progress() stops the pass
            }
            BulkParts.Part at = BulkParts.lock(c, ws, modelId, part);
            if (at == null || at.done()) {
                return new Step(true, true);
            }
            try (var s = c.prepareStatement("select set_config('jit', 'off', true)")) {
                s.execute(); // compiling the plans of these reads cost more CPU than it saved (docs/benchmarks.md)
            }
            Instant now = clock.instant();
            int read;
            int written;
            UUID after;
            if (population == PredictivePopulation.ACCEPTED_LEADS) {
                // the page's accepted leads as of their handoff, through the training's reader (AcceptedPredictions)
                List<UUID> ids = LeadPage.ids(c, ws, at.lower(), at.upper(), at.after(), size);
                read = ids.size();
                written = accepted.store(model, ids, now);
                after = ids.isEmpty() ? at.after() : ids.getLast();
            } else {
                List<ReferenceLead> page = LeadPage.read(c, ws, at.lower(), at.upper(), at.after(), size, now);
                read = page.size();
                written = LeadPredictions.write(c, ws, model, page, now);
                after = page.isEmpty() ? at.after() : page.getLast().leadId();
            }
            boolean done = read < size;
            BulkParts.advance(c, ws, modelId, part, after, done, written);
            return new Step(done, true);
        });
    }

    /**
     * The coordinator's beat: predicted_leads becomes the parts' written sum and the lease is renewed; when every part is
     * done the pass is DONE, when a newer model was served it is STOPPED. False when the pass is no longer this pod's
     * to continue (lost, done or stopped).
     */
    boolean progress(UUID modelId, String owner, Duration lease) {
        String ws = workspace.id();
        return em.unwrap(Session.class).doReturningWork(c -> {
            Lease held = lease(c, ws, modelId, owner);
            if (held == null) {
                return false;
            }
            boolean isServed = held.served();
            boolean allDone;
            try (var ps = c.prepareStatement("select count(*) > 0 and bool_and(done) from prediction_bulk_part"
                    + " where workspace_id = ? and model_id = ?")) {
                ps.setString(1, ws);
                ps.setObject(2, modelId);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    allDone = rs.getBoolean(1);
                }
            }
            String state = !isServed ? "STOPPED" : allDone ? "DONE" : "RUNNING";
            boolean open = state.equals("RUNNING");
            try (var ps = c.prepareStatement("update predictive_model set bulk_state = ?, predicted_leads = (select coalesce(sum(written), 0)"
                    + " from prediction_bulk_part p where p.workspace_id = ? and p.model_id = ?),"
                    + " bulk_lease_owner = case when ? then bulk_lease_owner end,"
                    + " bulk_lease_expires_at = case when ? then now() + make_interval(secs => ?) end,"
                    + " bulk_finished_at = case when ? then null else ?::timestamptz end where workspace_id = ? and id = ?")) {
                int i = 1;
                ps.setString(i++, state);
                ps.setString(i++, ws);
                ps.setObject(i++, modelId);
                ps.setBoolean(i++, open);
                ps.setBoolean(i++, open);
                ps.setDouble(i++, lease.toMillis() / 1000.0);
                ps.setBoolean(i++, open);
                ps.setTimestamp(i++, Timestamp.from(clock.instant()));
                ps.setString(i++, ws);
                ps.setObject(i, modelId);
                ps.executeUpdate();
            }
            return open;
        });
    }

    /** What a page, a plan and a beat check first: that {@code owner} holds the running pass, whether the model is still
     *  SERVED, and its population. */
    private record Lease(boolean served, PredictivePopulation population) {
    }

    /**
     * The pass's lease when {@code owner} holds its running pass; null when not held. FOR KEY SHARE: it conflicts with no
     * update of the row (the coordinator's count and lease, a newer model demoting it, another pod's claim), so parts
     * never hold those up; a page begun before such a change commits under the state it checked, and the part's own row
     * lock orders it with whoever resumes the part.
     */
    private static Lease lease(Connection c, String ws, UUID modelId, String owner) throws SQLException {
        try (var ps = c.prepareStatement("select status = 'SERVED', population from predictive_model where workspace_id = ?"
                + " and id = ? and bulk_state = 'RUNNING' and bulk_lease_owner = ? for key share")) {
            ps.setString(1, ws);
            ps.setObject(2, modelId);
            ps.setString(3, owner);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? new Lease(rs.getBoolean(1), PredictivePopulation.valueOf(rs.getString(2))) : null;
            }
        }
    }
}
