package io.leadproof.scoring;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadproof.criteria.RuleDefinitions;
import io.leadproof.criteria.RulesJson;
import io.leadproof.scoring.engine.CompiledCriteria;
import io.leadproof.scoring.engine.ScoringEngine;
import io.leadproof.scoring.engine.Thresholds;

/**
 * The versions a workspace's leads are scored under right now: each model's active version, and
 * its served version while a rescore toward the active one is still running. Published versions
 * are immutable, so their compiled form is cached by id.
 */
@ApplicationScoped
public class ScoringTargets {

    private final Map<UUID, CompiledCriteria> compiled = new ConcurrentHashMap<>();

    public List<ScoringTarget> current(Connection c, String workspace) throws SQLException {
        var targets = new ArrayList<ScoringTarget>();
        try (var ps = c.prepareStatement("select m.id, v.id, v.status, m.drives_handoffs, v.rules::text, v.mql_threshold, v.min_fit, v.min_engagement"
                + " from criteria_model m join criteria_version v on v.workspace_id = m.workspace_id and v.model_id = m.id"
                + " where m.workspace_id = ? and (v.status = 'ACTIVE' or v.id = m.served_version_id)")) {
            ps.setString(1, workspace);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID versionId = rs.getObject(2, UUID.class);
                    boolean active = "ACTIVE".equals(rs.getString(3));
                    String rules = rs.getString(5);
                    var thresholds = new Thresholds(rs.getInt(6), (Integer) rs.getObject(7), (Integer) rs.getObject(8));
                    var criteria = compiled.computeIfAbsent(versionId,
                            id -> ScoringEngine.compile(RuleDefinitions.spec(id.toString(), RulesJson.read(rules), thresholds)));
                    targets.add(new ScoringTarget(rs.getObject(1, UUID.class), versionId, criteria, active && rs.getBoolean(4)));
                }
            }
        }
        return targets;
    }

    public ScoringTarget of(Connection c, String workspace, UUID versionId) throws SQLException {
        return current(c, workspace).stream().filter(t -> t.versionId().equals(versionId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("version " + versionId + " is neither active nor served"));
    }
}
