package io.leadproof.criteria;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadproof.scoring.engine.DefaultCriteria;
import io.leadproof.workspace.WorkspaceSeeder;

/** A new workspace starts with an active, served "Inbound B2B" model that drives handoffs. */
@ApplicationScoped
public class DefaultCriteriaSeeder implements WorkspaceSeeder {

    public static final String MODEL_NAME = "Inbound B2B";

    @Override
    public void seed(Connection c, String workspaceId) throws SQLException {
        UUID modelId = UUID.randomUUID();
        UUID versionId = UUID.randomUUID();
        var spec = DefaultCriteria.spec();
        String rules = RulesJson.write(spec.rules().stream().map(RuleDefinitions::fromEngine).toList());
        try (var model = c.prepareStatement("insert into criteria_model (workspace_id, id, name, drives_handoffs, created_at)"
                + " values (?, ?, ?, true, now())");
                var version = c.prepareStatement("insert into criteria_version (workspace_id, id, model_id, number, status, rules,"
                        + " mql_threshold, min_fit, min_engagement, created_at, created_by, published_at, published_by)"
                        + " values (?, ?, ?, 1, 'ACTIVE', ?::jsonb, ?, ?, ?, now(), 'leadproof', now(), 'leadproof')");
                var serve = c.prepareStatement("update criteria_model set served_version_id = ? where workspace_id = ? and id = ?")) {
            model.setString(1, workspaceId);
            model.setObject(2, modelId);
            model.setString(3, MODEL_NAME);
            model.executeUpdate();
            version.setString(1, workspaceId);
            version.setObject(2, versionId);
            version.setObject(3, modelId);
            version.setString(4, rules);
            version.setInt(5, spec.thresholds().mql());
            version.setObject(6, spec.thresholds().minFit());
            version.setObject(7, spec.thresholds().minEngagement());
            version.executeUpdate();
            serve.setObject(1, versionId);
            serve.setString(2, workspaceId);
            serve.setObject(3, modelId);
            serve.executeUpdate();
        }
    }
}
