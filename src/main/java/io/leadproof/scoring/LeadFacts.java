package io.leadproof.scoring;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadproof.common.IdRangePage;
import io.leadproof.lead.ActivityType;
import io.leadproof.lead.Authority;
import io.leadproof.lead.BudgetStatus;
import io.leadproof.lead.FunnelStage;
import io.leadproof.lead.LeadSource;
import io.leadproof.lead.Need;
import io.leadproof.lead.Seniority;
import io.leadproof.lead.Timeline;
import io.leadproof.scoring.engine.ActivityFact;
import io.leadproof.scoring.engine.LeadSnapshot;
import io.leadproof.scoring.engine.QualityFacts;

/** Reads what the engine needs about many leads at once: two set-based queries, no entities. */
public final class LeadFacts {

    private static final ObjectMapper JSON = io.leadproof.common.Json.MAPPER;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    /** The columns {@link #snapshot} reads, first in a select over {@code lead} (19 of them). */
    public static final String LEAD_COLUMNS = "id, email_normalized, company_domain, company_name, annual_revenue, employee_count,"
            + " industry, job_title, seniority, country, source, budget_status, budget_amount, authority, need, timeline,"
            + " custom_attributes::text, created_at,"
            + " (select q.status || ':' || array_to_string(q.codes, ',') from lead_quality q"
            + " where q.workspace_id = lead.workspace_id and q.lead_id = lead.id)";
    // Only columns activity_by_lead carries (V15): the read is an index-only scan.
    private static final String ACTIVITY_COLUMNS = "select lead_id, type, funnel_stage, content_tag, occurred_at, bot_reason is not null from activity"
            + " where workspace_id = ? and";
    /** The leads scoring looks at: erased and merged-away ones keep their facts but are never scored again. */
    private static final String SCORABLE = " and erased_at is null and merged_into is null";
    private static final String ACTIVITY_WINDOW = " and occurred_at > ? and occurred_at <= ?";

    private LeadFacts() {
    }

    public static Map<UUID, LeadSnapshot> snapshots(Connection c, String workspace, List<UUID> ids) throws SQLException {
        try (var ps = c.prepareStatement("select " + LEAD_COLUMNS + " from lead where workspace_id = ? and id = any(?)" + SCORABLE)) {
            ps.setString(1, workspace);
            ps.setArray(2, c.createArrayOf("uuid", ids.toArray()));
            return read(ps.executeQuery());
        }
    }

    /** The next page of a workspace's leads in id order within [lower, upper) after the cursor, for the rescoring job. */
    public static Map<UUID, LeadSnapshot> page(Connection c, String workspace, UUID lower, UUID upper, UUID after, int size) throws SQLException {
        var page = new IdRangePage(workspace, lower, upper, after, size);
        try (var ps = c.prepareStatement(page.query("select " + LEAD_COLUMNS + " from lead", SCORABLE))) {
            page.bind(ps, 1);
            return read(ps.executeQuery());
        }
    }

    /** How many leads a rescoring job will score: the pages of {@link #page} together. */
    static int countScorable(Connection c, String workspace) throws SQLException {
        try (var ps = c.prepareStatement("select count(*) from lead where workspace_id = ?" + SCORABLE)) {
            ps.setString(1, workspace);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static Map<UUID, LeadSnapshot> read(ResultSet rs) throws SQLException {
        Map<UUID, LeadSnapshot> result = new LinkedHashMap<>();
        while (rs.next()) {
            result.put(rs.getObject(1, UUID.class), snapshot(rs));
        }
        return result;
    }

    /** The lead of the result's current row, whose first columns are {@link #LEAD_COLUMNS}. */
    public static LeadSnapshot snapshot(ResultSet rs) throws SQLException {
        return snapshot(rs.getString(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5), (Integer) rs.getObject(6),
                rs.getString(7), rs.getString(8), enumOf(Seniority.class, rs.getString(9)), rs.getString(10),
                enumOf(LeadSource.class, rs.getString(11)), enumOf(BudgetStatus.class, rs.getString(12)),
                rs.getBigDecimal(13), enumOf(Authority.class, rs.getString(14)), enumOf(Need.class, rs.getString(15)),
                enumOf(Timeline.class, rs.getString(16)), custom(rs.getString(17)), rs.getTimestamp(18).toInstant(),
                rs.getString(19));
    }

    /**
     * The one factory of a lead's snapshot, from a row read back ({@link #snapshot(ResultSet)}) or from the values in hand
     * on arrival ({@link ArrivalScoring}): the email's domain taken from the normalised address, the verdict parsed from
     * its stored text ("STATUS:CODE,CODE", null: not judged).
     */
    static LeadSnapshot snapshot(String emailNormalized, String companyDomain, String companyName, BigDecimal annualRevenue,
            Integer employeeCount, String industry, String jobTitle, Seniority seniority, String country, LeadSource source,
            BudgetStatus budgetStatus, BigDecimal budgetAmount, Authority authority, Need need, Timeline timeline,
            Map<String, Object> custom, Instant createdAt, String verdict) {
        return new LeadSnapshot(emailNormalized == null ? null : emailNormalized.substring(emailNormalized.lastIndexOf('@') + 1),
                companyDomain, companyName, annualRevenue, employeeCount, industry, jobTitle, seniority, country, source,
                budgetStatus, budgetAmount, authority, need, timeline, custom, createdAt, QualityFacts.parse(verdict));
    }

    /** Activities of the leads in (from, asOf]; from bounds the look-back to the widest rule window. */
    static Map<UUID, List<ActivityFact>> activities(Connection c, String workspace, List<UUID> ids, Instant from, Instant asOf)
            throws SQLException {
        try (var ps = c.prepareStatement(ACTIVITY_COLUMNS + " lead_id = any(?)" + ACTIVITY_WINDOW)) {
            ps.setString(1, workspace);
            ps.setArray(2, c.createArrayOf("uuid", ids.toArray()));
            ps.setTimestamp(3, Timestamp.from(from));
            ps.setTimestamp(4, Timestamp.from(asOf));
            return activities(ps);
        }
    }

    /**
     * The same for one page of {@link #page}: the ids in the database's order, no other lead of the workspace between the
     * first and the last but erased ones. One range scan of activity_by_lead instead of one descent per lead; the
     * activities of leads outside the page (erased ones) are left out.
     */
    static Map<UUID, List<ActivityFact>> activitiesOfPage(Connection c, String workspace, List<UUID> ids, Instant from,
            Instant asOf) throws SQLException {
        Map<UUID, List<ActivityFact>> result;
        try (var ps = c.prepareStatement(ACTIVITY_COLUMNS + " lead_id >= ? and lead_id <= ?" + ACTIVITY_WINDOW)) {
            ps.setString(1, workspace);
            ps.setObject(2, ids.getFirst());
            ps.setObject(3, ids.getLast());
            ps.setTimestamp(4, Timestamp.from(from));
            ps.setTimestamp(5, Timestamp.from(asOf));
            result = activities(ps);
        }
        result.keySet().retainAll(new java.util.HashSet<>(ids));
        return result;
    }

    private static Map<UUID, List<ActivityFact>> activities(java.sql.PreparedStatement ps) throws SQLException {
        Map<UUID, List<ActivityFact>> result = new HashMap<>();
        try (var rs = ps.executeQuery()) {
            while (rs.next()) {
                result.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new ActivityFact(
                        ActivityType.valueOf(rs.getString(2)), enumOf(FunnelStage.class, rs.getString(3)),
                        rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getBoolean(6)));
            }
        }
        return result;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }

    private static Map<String, Object> custom(String json) {
        if (json == null || json.equals("{}")) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, MAP);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable custom attributes", e);
        }
    }
}
