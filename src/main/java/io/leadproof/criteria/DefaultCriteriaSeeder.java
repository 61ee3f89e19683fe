package io.leadproof.criteria;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadproof.scoring.engine.DefaultCriteria;
import io.leadproof.workspace.WorkspaceSeeder;

/** A workspace without any criteria model gets an active, served "Inbound B2B" model that drives handoffs. */
@ApplicationScoped
public class DefaultCriteriaSeeder implements WorkspaceSeeder {

    public static final String MODEL_NAME = "Inbound B2B";

    @Override
    public void seed(Connection c, String workspaceId) throws SQLException {
        try (var existing = c.prepareStatement("select 1 from criteria_model where workspace_id = ?")) {
            existing.setString(1, workspaceId);
            try (var rs = existing.executeQuery()) {
                if (rs.next()) {
                    return; // the workspace has its models; never add a second default
                }
            }
        }
        UUID modelId = UUID.randomUUID();
        UUID versionId = UUID.randomUUID();
        var spec = DefaultCriteria.spec();
        String rules = RulesJson.write(spec.rules().stream().map(RuleDefinitions::fromEngine).toList());
        try (var model = c.prepareStatement("insert into criteria_model (workspace_id, id, name, drives_handoffs, created_at)"
                + " values (?, ?, ?, true, now()) on conflict do nothing");
                var version = c.prepareStatement("insert into criteria_version (workspace_id, id, model_id, number, status, rules,"
                        + " mql_threshold, min_fit, min_engagement, created_at, created_by, published_at, published_by)"
                        + " values (?, ?, ?, 1, 'ACTIVE', ?::jsonb, ?, ?, ?, now(), 'leadproof', now(), 'leadproof')");
                var serve = c.prepareStatement("update criteria_model set served_version_id = ? where workspace_id = ? and id = ?")) {
            model.setString(1, workspaceId);
            model.setObject(2, modelId);
            model.setString(3, MODEL_NAME);
            if (model.executeUpdate() == 0) {
                return; // another pod seeded it a moment ago
            }
            version.setString(1, workspaceId);
            version.setObject(2, versionId);
            version.setObject(3, modelId);
            version.setString(4, rules);
            version.setInt(5, spec.thresholds().mql());
            version.setObject(6, spec.thresholds().minFit());
            version.setObject(7, spec.thresholds().minEngagement());
            version.executeUpdate();
            if (!queueRescoreOfExistingLeads(c, workspaceId, modelId, versionId)) {
                serve.setObject(1, versionId);
                serve.setString(2, workspaceId);
                serve.setObject(3, modelId);
                serve.executeUpdate();
            }
        }
    }

    /** Leads that predate the model get scored by the usual background job, which serves the version when done. */
    private static boolean queueRescoreOfExistingLeads(Connection c, String workspaceId, UUID modelId, UUID versionId)
            throws SQLException {
        try (var job = c.prepareStatement("insert into scoring_job (workspace_id, id, model_id, version_id, state, total, as_of, created_at)"
                + " select ?, ?, ?, ?, 'QUEUED', count(*), now(), now() from lead where workspace_id = ? having count(*) > 0")) {
            job.setString(1, workspaceId);
            job.setObject(2, UUID.randomUUID());
            job.setObject(3, modelId);
            job.setObject(4, versionId);
            job.setString(5, workspaceId);
            return job.executeUpdate() == 1;
        }
    }
}
