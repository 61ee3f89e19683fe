package io.leadproof.quality.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.leadproof.common.Json;
import io.leadproof.quality.QualityReport;

/**
 * Stores the verdicts of {@link io.leadproof.quality.LeadQualityChecks} for a batch of leads in one statement
 * (table lead_data_quality, V75): status and the codes and fields of the issues, never their messages.
 */
public final class StoredVerdicts {

    private StoredVerdicts() {
    }

    public static void write(Connection c, String workspace, Map<UUID, QualityReport> verdicts, Instant at) throws SQLException {
        if (verdicts.isEmpty()) {
            return;
        }
        var ids = new UUID[verdicts.size()];
        var statuses = new String[ids.length];
        var issues = new String[ids.length];
        int i = 0;
        for (var e : verdicts.entrySet()) {
            ids[i] = e.getKey();
            statuses[i] = e.getValue().status().name();
            issues[i] = issuesJson(e.getValue());
            i++;
        }
        try (var ps = c.prepareStatement("insert into lead_data_quality (workspace_id, lead_id, status, issues, assessed_at)"
                + " select ?, t.id, t.status, t.issues::jsonb, ?::timestamptz from unnest(?::uuid[], ?::text[], ?::text[])"
                + " as t(id, status, issues) order by t.id on conflict (workspace_id, lead_id) do update"
                + " set status = excluded.status, issues = excluded.issues, assessed_at = excluded.assessed_at")) {
            ps.setString(1, workspace);
            ps.setString(2, at.toString());
            ps.setArray(3, c.createArrayOf("uuid", ids));
            ps.setArray(4, c.createArrayOf("text", statuses));
            ps.setArray(5, c.createArrayOf("text", issues));
            ps.executeUpdate();
        }
    }

    private static String issuesJson(QualityReport report) {
        try {
            return Json.MAPPER.writeValueAsString(report.issues().stream()
                    .map(issue -> Map.of("code", issue.code().name(), "field", issue.field() == null ? "" : issue.field()))
                    .toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
