package io.leadproof.evidence.prediction;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.leadproof.evidence.core.ActivityAggregate;
import io.leadproof.evidence.core.ReferenceLead;
import io.leadproof.lead.ActivityType;
import io.leadproof.lead.FunnelStage;
import io.leadproof.lead.LeadSource;
import io.leadproof.scoring.LeadFacts;
import io.leadproof.scoring.engine.LeadSnapshot;

/**
 * Leads as they are now, as {@link ReferenceLead}s whose reference moment is {@code now}: what the served model
 * predicts from, for a batch of changed leads (the bulk pass reads its pages with {@link LeadPage}). Three set-based reads per batch: the leads' traits (scoring's {@link LeadFacts}), one
 * {@code group by lead, type, stage} over their activities up to now, their campaigns. No outcome, handoff or
 * first-call signal is read: a prediction is made before any of them is known.
 */
final class CurrentLeads {

    private CurrentLeads() {
    }

    static List<ReferenceLead> of(Connection c, String workspace, List<UUID> ids, Instant now) throws SQLException {
        return assemble(c, workspace, LeadFacts.snapshots(c, workspace, ids), now);
    }

    private static List<ReferenceLead> assemble(Connection c, String workspace, Map<UUID, LeadSnapshot> leads, Instant now)
            throws SQLException {
        if (leads.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = List.copyOf(leads.keySet());
        Map<UUID, List<ActivityAggregate>> activities = activities(c, workspace, ids, now);
        Map<UUID, String[]> campaigns = campaigns(c, workspace, ids);
        List<ReferenceLead> result = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            String[] campaign = campaigns.get(id);
            result.add(new ReferenceLead(id, now, leads.get(id), campaign == null ? null : campaign[0],
                    campaign == null ? null : LeadSource.valueOf(campaign[1]), activities.get(id), null, List.of(), null));
        }
        return result;
    }

    private static Map<UUID, List<ActivityAggregate>> activities(Connection c, String workspace, List<UUID> ids, Instant now)
            throws SQLException {
        Map<UUID, List<ActivityAggregate>> result = new HashMap<>();
        try (var ps = c.prepareStatement("select lead_id, type, funnel_stage, count(*), max(occurred_at) from activity"
                + " where workspace_id = ? and lead_id = any(?) and occurred_at <= ? group by lead_id, type, funnel_stage")) {
            ps.setString(1, workspace);
            ps.setArray(2, c.createArrayOf("uuid", ids.toArray()));
            ps.setTimestamp(3, Timestamp.from(now));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    String stage = rs.getString(3);
                    result.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new ActivityAggregate(
                            ActivityType.valueOf(rs.getString(2)), stage == null ? null : FunnelStage.valueOf(stage),
                            rs.getInt(4), rs.getTimestamp(5).toInstant()));
                }
            }
        }
        return result;
    }

    private static Map<UUID, String[]> campaigns(Connection c, String workspace, List<UUID> ids) throws SQLException {
        Map<UUID, String[]> result = new HashMap<>();
        try (var ps = c.prepareStatement("select l.id, c.name, c.channel from lead l join campaign c"
                + " on c.workspace_id = l.workspace_id and c.id = l.campaign_id where l.workspace_id = ? and l.id = any(?)")) {
            ps.setString(1, workspace);
            ps.setArray(2, c.createArrayOf("uuid", ids.toArray()));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getObject(1, UUID.class), new String[] { rs.getString(2), rs.getString(3) });
                }
            }
        }
        return result;
    }
}
