package io.leadproof.evidence.prediction;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.leadproof.common.IdRangePage;
import io.leadproof.evidence.core.ActivityAggregate;
import io.leadproof.evidence.core.ReferenceLead;
import io.leadproof.lead.ActivityType;
import io.leadproof.lead.FunnelStage;
import io.leadproof.lead.LeadSource;
import io.leadproof.scoring.LeadFacts;

/**
 * One page of the bulk pass as {@link ReferenceLead}s as of {@code now}, in ONE statement: the page's leads by primary-key
 * range, their activity aggregates from one range scan of activity_by_lead between the page's first and last id (not one
 * index descent per lead), their campaign. The same leads and features as {@link CurrentLeads#of} (a test holds them
 * equal); the aggregates come back as one text per lead ("TYPE STAGE COUNT MICROS,…"), cheaper to build and parse than
 * rows or arrays of timestamps.
 */
final class LeadPage {

    private static final String LEADS = "select " + LeadFacts.LEAD_COLUMNS + ", campaign_id from lead";
    private static final String CURRENT = " and erased_at is null and merged_into is null";
    private static final String AFTER_PAGE = ","
            + " acts as (select lead_id, string_agg(type || ' ' || coalesce(funnel_stage, '-') || ' ' || n || ' ' || us, ',') as a"
            + " from (select lead_id, type, funnel_stage, count(*) as n, (extract(epoch from max(occurred_at)) * 1000000)::bigint as us"
            + " from activity where workspace_id = ? and lead_id >= (select id from page order by id limit 1)"
            + " and lead_id <= (select id from page order by id desc limit 1)"
            + " and occurred_at <= ? group by lead_id, type, funnel_stage) g group by lead_id)"
            + " select page.*, c.name, c.channel, acts.a from page left join campaign c on c.workspace_id = ? and c.id = page.campaign_id"
            + " left join acts on acts.lead_id = page.id order by page.id";

    private LeadPage() {
    }

    /** The next page of the workspace's leads in id order within [lower, upper) (upper null: to the end) after {@code after}
     *  (null: from lower). */
    static List<ReferenceLead> read(Connection c, String workspace, UUID lower, UUID upper, UUID after, int size, Instant now)
            throws SQLException {
        var range = new IdRangePage(workspace, lower, upper, after, size);
        List<ReferenceLead> result = new ArrayList<>(size);
        try (var ps = c.prepareStatement("with page as materialized (" + range.query(LEADS, CURRENT) + ")" + AFTER_PAGE)) {
            int i = range.bind(ps, 1);
            ps.setString(i++, workspace);
            ps.setTimestamp(i++, Timestamp.from(now));
            ps.setString(i, workspace);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    String channel = rs.getString(22);
                    result.add(new ReferenceLead(rs.getObject(1, UUID.class), now, LeadFacts.snapshot(rs), rs.getString(21),
                            channel == null ? null : LeadSource.valueOf(channel), activities(rs.getString(23)), null, List.of(), null));
                }
            }
        }
        return result;
    }

    /** Only the ids of such a page (the ACCEPTED_LEADS model's pass reads its leads as of their handoff instead). */
    static List<UUID> ids(Connection c, String workspace, UUID lower, UUID upper, UUID after, int size) throws SQLException {
        var range = new IdRangePage(workspace, lower, upper, after, size);
        List<UUID> result = new ArrayList<>(size);
        try (var ps = c.prepareStatement(range.query("select id from lead", CURRENT))) {
            range.bind(ps, 1);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return result;
    }

    private static List<ActivityAggregate> activities(String text) {
        if (text == null) {
            return null; // as CurrentLeads: a lead without activities has none
        }
        String[] groups = text.split(",");
        List<ActivityAggregate> result = new ArrayList<>(groups.length);
        for (String group : groups) {
            String[] f = group.split(" ");
            long micros = Long.parseLong(f[3]);
            result.add(new ActivityAggregate(ActivityType.valueOf(f[0]), f[1].equals("-") ? null : FunnelStage.valueOf(f[1]),
                    Integer.parseInt(f[2]), Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000)));
        }
        return result;
    }
}
