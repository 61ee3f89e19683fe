package io.leadproof.evidence.prediction;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;


import io.leadproof.evidence.predict.Evaluation;
import io.leadproof.evidence.predict.ModelForm;
import io.leadproof.evidence.predict.TrainingOutcome;
import io.leadproof.security.CurrentWorkspace;

/**
 * The predictive_model table of the current workspace, in the caller's transaction: the verbs of a training's life
 * (queued, outcome recorded, served, failed) and its reads. Set-based JDBC; the model itself is stored as
 * {@link ModelForm} JSON.
 */
@ApplicationScoped
public class ModelStore {

    private static final String COLUMNS = "id, version, status, trigger, requested_by, note, reason, created_at, started_at, finished_at,"
            + " decided, won, not_won, more_decided_needed, more_won_needed, more_not_won_needed, training_leads, holdout_leads,"
            + " holdout_won, auc, brier, top_decile_lift, calibration::text, predicted_leads, population";

    @Inject
    EntityManager em;
    @Inject
    CurrentWorkspace workspace;

    /** Queues a training; empty when one is already queued or running in the workspace (nothing written then). */
    Optional<StoredModel> queue(TrainingTrigger trigger, String requestedBy, String note, Instant now, PredictivePopulation population) {
        UUID id = UUID.randomUUID();
        int inserted = work(c -> {
            try (var ps = c.prepareStatement("insert into predictive_model (workspace_id, id, version, status, trigger, requested_by, note, created_at, population)"
                    + " select ?, ?, coalesce(max(version), 0) + 1, 'QUEUED', ?, ?, ?, ?, ? from predictive_model where workspace_id = ?"
                    + " on conflict do nothing")) {
                ps.setString(1, workspace.id());
                ps.setObject(2, id);
                ps.setString(3, trigger.name());
                ps.setString(4, requestedBy);
                ps.setString(5, note);
                ps.setTimestamp(6, Timestamp.from(now));
                ps.setString(7, population.name());
                ps.setString(8, workspace.id());
                return ps.executeUpdate();
            }
        });
        return inserted == 1 ? find(id) : Optional.empty();
    }

    boolean trainingInProgress(PredictivePopulation population) {
        return work(c -> {
            try (var ps = c.prepareStatement("select exists (select from predictive_model where workspace_id = ? and population = ?"
                    + " and status in ('QUEUED', 'RUNNING'))")) {
                ps.setString(1, workspace.id());
                ps.setString(2, population.name());
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBoolean(1);
                }
            }
        });
    }

    /**
     * Records what a training produced: figures, the model (when one was trained) and its status; serves it when SERVED
     * (the model served until then becomes TRAINED). False, and nothing written, when {@code owner} no longer holds it.
     */
    boolean record(UUID id, String owner, TrainingOutcome outcome, Instant now) {
        ModelStatus status = switch (outcome.status()) {
            case SERVED -> ModelStatus.SERVED;
            case NOT_SERVED -> ModelStatus.NOT_SERVED_LOW_AUC;
            case NOT_ENOUGH_DATA -> ModelStatus.NOT_ENOUGH_DATA;
        };
        ModelForm form = outcome.model();
        Evaluation e = form == null ? null : form.evaluation();
        return work(c -> {
            try (var ps = c.prepareStatement("select from predictive_model where workspace_id = ? and id = ? and status = 'RUNNING'"
                    + " and lease_owner = ? for update")) {
                ps.setString(1, workspace.id());
                ps.setObject(2, id);
                ps.setString(3, owner);
                try (var rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                }
            }
            if (status == ModelStatus.SERVED) {
                try (var ps = c.prepareStatement("update predictive_model set status = 'TRAINED', bulk_state = case when bulk_state in"
                        + " ('PENDING', 'RUNNING') then 'STOPPED' else bulk_state end where workspace_id = ? and status = 'SERVED'"
                        + " and population = (select population from predictive_model where workspace_id = ? and id = ?)")) {
                    ps.setString(1, workspace.id());
                    ps.setString(2, workspace.id());
                    ps.setObject(3, id);
                    ps.executeUpdate();
                }
            }
            try (var ps = c.prepareStatement("update predictive_model set status = ?, reason = ?, finished_at = ?, lease_owner = null,"
                    + " lease_expires_at = null, decided = ?, won = ?, not_won = ?, more_decided_needed = ?, more_won_needed = ?,"
                    + " more_not_won_needed = ?, training_leads = ?, holdout_leads = ?, holdout_won = ?, auc = ?, brier = ?,"
                    + " top_decile_lift = ?, calibration = ?::jsonb, form = ?::jsonb,"
                    + " bulk_state = case when ? then 'PENDING' end where workspace_id = ? and id = ?")) {
                int i = 1;
                ps.setString(i++, status.name());
                ps.setString(i++, outcome.reason());
                ps.setTimestamp(i++, Timestamp.from(now));
                ps.setInt(i++, outcome.decided());
                ps.setInt(i++, outcome.won());
                ps.setInt(i++, outcome.notWon());
                ps.setInt(i++, outcome.moreDecidedNeeded());
                ps.setInt(i++, outcome.moreWonNeeded());
                ps.setInt(i++, outcome.moreNotWonNeeded());
                ModelRows.setInt(ps, i++, e == null ? null : e.trainingLeads());
                ModelRows.setInt(ps, i++, e == null ? null : e.holdoutLeads());
                ModelRows.setInt(ps, i++, e == null ? null : e.holdoutWon());
                ModelRows.setDouble(ps, i++, e == null ? null : e.auc());
                ModelRows.setDouble(ps, i++, e == null ? null : e.brier());
                ModelRows.setDouble(ps, i++, e == null || Double.isNaN(e.topDecileLift()) ? null : e.topDecileLift());
                ps.setString(i++, e == null ? null : ModelRows.json(e.calibration()));
                ps.setString(i++, form == null ? null : ModelRows.json(form));
                // the bulk pass of an ALL_LEADS model, a job of its own (BulkPredictionWorker); an ACCEPTED_LEADS model predicts on read
                ps.setBoolean(i++, status == ModelStatus.SERVED);
                ps.setString(i++, workspace.id());
                ps.setObject(i, id);
                ps.executeUpdate();
            }
            return true;
        });
    }

    void fail(UUID id, String reason, Instant now) {
        update("update predictive_model set status = 'FAILED', reason = ?, finished_at = ?, lease_owner = null, lease_expires_at = null"
                + " where workspace_id = ? and id = ? and status in ('QUEUED', 'RUNNING')", reason, Timestamp.from(now), workspace.id(), id);
    }

    void predicted(UUID id, int leads) {
        update("update predictive_model set predicted_leads = predicted_leads + ? where workspace_id = ? and id = ?", leads, workspace.id(), id);
    }

    /** Extends the lease; false when the training is no longer running under {@code owner}. */
    boolean renew(UUID id, String owner, java.time.Duration lease) {
        return update("update predictive_model set lease_expires_at = now() + make_interval(secs => ?), heartbeat_at = now()"
                + " where workspace_id = ? and id = ? and lease_owner = ? and status = 'RUNNING'",
                lease.toMillis() / 1000.0, workspace.id(), id, owner) == 1;
    }

    public Optional<StoredModel> find(UUID id) {
        return list(" and id = ?", id, 1).stream().findFirst();
    }

    /** Newest version first, after the version {@code beforeVersion} when given. */
    List<StoredModel> page(int size, Integer beforeVersion) {
        return beforeVersion == null ? list("", null, size) : list(" and version < ?", beforeVersion, size);
    }

    long count() {
        return work(c -> {
            try (var ps = c.prepareStatement("select count(*) from predictive_model where workspace_id = ?")) {
                ps.setString(1, workspace.id());
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** The served model's id of that kind; empty when the workspace serves none. */
    Optional<UUID> servedId(PredictivePopulation population) {
        return Optional.ofNullable(servedIds().get(population));
    }

    /** The served models' ids by kind (one look-up for both); empty when the workspace serves none. */
    Map<PredictivePopulation, UUID> servedIds() {
        return work(c -> {
            try (var ps = c.prepareStatement("select population, id from predictive_model where workspace_id = ? and status = 'SERVED'")) {
                ps.setString(1, workspace.id());
                Map<PredictivePopulation, UUID> ids = new EnumMap<>(PredictivePopulation.class);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.put(PredictivePopulation.valueOf(rs.getString(1)), rs.getObject(2, UUID.class));
                    }
                }
                return ids;
            }
        });
    }

    /** The stored model of a trained version (JSON of {@link ModelForm}); null when the training produced none. */
    String form(UUID id) {
        return work(c -> {
            try (var ps = c.prepareStatement("select form::text from predictive_model where workspace_id = ? and id = ?")) {
                ps.setString(1, workspace.id());
                ps.setObject(2, id);
                try (var rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    private List<StoredModel> list(String where, Object parameter, int size) {
        return work(c -> {
            try (var ps = c.prepareStatement("select " + COLUMNS + " from predictive_model where workspace_id = ?" + where
                    + " order by version desc limit ?")) {
                int i = 1;
                ps.setString(i++, workspace.id());
                if (parameter != null) {
                    ps.setObject(i++, parameter);
                }
                ps.setInt(i, size);
                List<StoredModel> result = new ArrayList<>();
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(ModelRows.read(rs));
                    }
                }
                return result;
            }
        });
    }

    private int update(String sql, Object... parameters) {
        return work(c -> {
            try (var ps = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    ps.setObject(i + 1, parameters[i]);
                }
                return ps.executeUpdate();
            }
        });
    }

    private <T> T work(org.hibernate.jdbc.ReturningWork<T> work) {
        return em.unwrap(Session.class).doReturningWork(work);
    }
}
