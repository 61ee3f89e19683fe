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
 * One page of a served model's bulk prediction, in the caller's transaction and the model's workspace: the next
 * {@code size} leads after the persisted cursor predicted in one upsert, and the cursor, the count and the lease moved
 * in the same transaction, so a pass interrupted anywhere resumes after the last committed page and writes no lead twice.
 */
@ApplicationScoped
class BulkPass {

    /** Where the pass stands after a page: the new cursor, whether it is finished, whether it is still this pod's. */
    record Step(UUID after, boolean done, boolean held) {
        static final Step LOST = new Step(null, true, false);
    }

    @Inject
    EntityManager em;
    @Inject
    CurrentWorkspace workspace;
    @Inject
    ServedModels served;
    @Inject
    Clock clock;

    Step next(UUID modelId, String owner, int size, Duration lease) {
        String ws = workspace.id();
        return em.unwrap(Session.class).doReturningWork(c -> {
            Held held = held(c, ws, modelId, owner);
            if (held == null) {
                return Step.LOST;
            }
            var model = served.forWorkspace(ws).filter(m -> m.modelId().equals(modelId)).orElse(null);
            if (model == null || !held.served()) {
                finish(c, ws, modelId, "STOPPED", held.after(), 0, lease); // a newer model was served: its pass covers every lead
                return Step.LOST;
            }
            Instant now = clock.instant();
            List<ReferenceLead> page = CurrentLeads.page(c, ws, held.after(), size, now);
            int written = LeadPredictions.write(c, ws, model, page, now);
            UUID after = page.isEmpty() ? held.after() : page.getLast().leadId();
            boolean done = page.size() < size;
            finish(c, ws, modelId, done ? "DONE" : "RUNNING", after, written, lease);
            return new Step(after, done, true);
        });
    }

    private record Held(UUID after, boolean served) {
    }

    private static Held held(Connection c, String ws, UUID modelId, String owner) throws SQLException {
        try (var ps = c.prepareStatement("select bulk_after, status = 'SERVED' from predictive_model where workspace_id = ? and id = ?"
                + " and bulk_state = 'RUNNING' and bulk_lease_owner = ? for update")) {
            ps.setString(1, ws);
            ps.setObject(2, modelId);
            ps.setString(3, owner);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? new Held(rs.getObject(1, UUID.class), rs.getBoolean(2)) : null;
            }
        }
    }

    private void finish(Connection c, String ws, UUID modelId, String state, UUID after, int written, Duration lease) throws SQLException {
        boolean open = state.equals("RUNNING");
        try (var ps = c.prepareStatement("update predictive_model set bulk_state = ?, bulk_after = ?, predicted_leads = predicted_leads + ?,"
                + " bulk_lease_owner = case when ? then bulk_lease_owner end,"
                + " bulk_lease_expires_at = case when ? then now() + make_interval(secs => ?) end,"
                + " bulk_finished_at = case when ? then null else ?::timestamptz end where workspace_id = ? and id = ?")) {
            int i = 1;
            ps.setString(i++, state);
            ps.setObject(i++, after);
            ps.setInt(i++, written);
            ps.setBoolean(i++, open);
            ps.setBoolean(i++, open);
            ps.setDouble(i++, lease.toMillis() / 1000.0);
            ps.setBoolean(i++, open);
            ps.setTimestamp(i++, Timestamp.from(clock.instant()));
            ps.setString(i++, ws);
            ps.setObject(i, modelId);
            ps.executeUpdate();
        }
    }
}
