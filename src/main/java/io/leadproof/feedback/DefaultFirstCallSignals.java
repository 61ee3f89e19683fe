package io.leadproof.feedback;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadproof.workspace.WorkspaceSeeder;

/**
 * Seeds a new workspace with the default first-call signal taxonomy (issue 11 §3; V31 seeds existing workspaces).
 * A code is evidence, not a verdict: the analysis decides whether it speaks for or against a deal.
 */
@ApplicationScoped
public class DefaultFirstCallSignals implements WorkspaceSeeder {

    static final Map<String, String> CODES = new LinkedHashMap<>();
    static {
        CODES.put("BUDGET_CONFIRMED", "Budget confirmed");
        CODES.put("DECISION_MAKER_ENGAGED", "Decision maker engaged");
        CODES.put("PAIN_STATED", "Pain stated");
        CODES.put("TIMELINE_UNDER_90_DAYS", "Timeline under 90 days");
        CODES.put("COMPETITOR_EVALUATED", "Competitor evaluated");
        CODES.put("CHAMPION_IDENTIFIED", "Champion identified");
        CODES.put("NEXT_STEP_BOOKED", "Next step booked");
        CODES.put("NO_CLEAR_PROJECT", "No clear project");
        CODES.put("JUST_RESEARCHING", "Just researching");
    }

    @Override
    public void seed(Connection c, String workspaceId) throws SQLException {
        try (var ps = c.prepareStatement("insert into first_call_signal (workspace_id, code, label, created_at)"
                + " values (?, ?, ?, now()) on conflict do nothing")) {
            for (var e : CODES.entrySet()) {
                ps.setString(1, workspaceId);
                ps.setString(2, e.getKey());
                ps.setString(3, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
