package io.leadproof.quality.report;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The reads of {@code dataQualityReport}: the cohort is the leads created in the window (as in the metrics; erased and
 * merged-away leads left out), each with its stored verdict (a lead never judged counts as VALID).
 */
final class QualityReportSql {

    static final int WORST = 5;
    static final int EXAMPLES = 3;
    /** Rejection reasons that say the data was bad: a rejection for them of a lead the checks passed is a miss. */
    static final List<String> DATA_REASONS = List.of("BAD_CONTACT_DATA", "SPAM_OR_BOT");

    private static final String COHORT = "with cohort as (select l.id, l.campaign_id, l.source,"
            + " coalesce(q.status, 'VALID') as status, coalesce(q.codes, '{}') as codes"
            + " from lead l left join lead_quality q on q.workspace_id = l.workspace_id and q.lead_id = l.id"
            + " where l.workspace_id = ? and l.created_at >= ? and l.created_at < ? and l.erased_at is null and l.merged_into is null),"
            + " acts as (select a.lead_id, count(*) as n, count(*) filter (where a.bot_reason is not null) as bots from activity a"
            + " where a.workspace_id = ? and a.lead_id in (select id from cohort) group by a.lead_id) ";
    private static final String COUNTS = "count(*), count(*) filter (where c.status = 'SUSPECT'), count(*) filter (where c.status = 'INVALID'),"
            + " count(*) filter (where 'DUPLICATE' = any(c.codes)), coalesce(sum(a.n), 0), coalesce(sum(a.bots), 0)";

    record Counts(long leads, long suspect, long invalid, long duplicates, long activities, long botActivities) {
    }

    record Group(String key, Counts counts) {
    }

    record Check(String code, long leads, List<UUID> examples) {
    }

    record Misses(long rejected, long missed, List<UUID> examples) {
    }

    private QualityReportSql() {
    }

    static Counts totals(Connection c, String ws, Instant from, Instant to) throws SQLException {
        try (var ps = prepare(c, COHORT + "select " + COUNTS + " from cohort c left join acts a on a.lead_id = c.id", ws, from, to);
             var rs = ps.executeQuery()) {
            rs.next();
            return counts(rs, 1);
        }
    }

    /** The groups (campaign or source) with the largest share of SUSPECT or INVALID leads, most leads first on a tie. */
    static List<Group> worst(Connection c, String ws, Instant from, Instant to, String column) throws SQLException {
        String sql = COHORT + "select c." + column + "::text, " + COUNTS + " from cohort c left join acts a on a.lead_id = c.id"
                + " where c." + column + " is not null group by c." + column
                + " order by (count(*) filter (where c.status <> 'VALID'))::float8 / count(*) desc, count(*) desc, 1 limit " + WORST;
        var result = new ArrayList<Group>();
        try (var ps = prepare(c, sql, ws, from, to); var rs = ps.executeQuery()) {
            while (rs.next()) {
                result.add(new Group(rs.getString(1), counts(rs, 2)));
            }
        }
        return result;
    }

    static List<Check> checks(Connection c, String ws, Instant from, Instant to) throws SQLException {
        String sql = COHORT + "select code, count(*), (array_agg(c.id order by c.id))[1:" + EXAMPLES + "]"
                + " from cohort c cross join unnest(c.codes) as code group by code order by count(*) desc, code";
        var result = new ArrayList<Check>();
        try (var ps = prepare(c, sql, ws, from, to); var rs = ps.executeQuery()) {
            while (rs.next()) {
                result.add(new Check(rs.getString(1), rs.getLong(2), uuids(rs.getArray(3))));
            }
        }
        return result;
    }

    /** Leads sales rejected for bad data: all of them, and those the checks had passed (VALID). */
    static Misses misses(Connection c, String ws, Instant from, Instant to) throws SQLException {
        String sql = COHORT + ", rejected as (select distinct c.id, c.status from cohort c join handoff h on h.workspace_id = ?"
                + " and h.lead_id = c.id where h.state = 'REJECTED' and h.rejection_code = any(?))"
                + " select count(*), count(*) filter (where status = 'VALID'),"
                + " coalesce((array_agg(id order by id) filter (where status = 'VALID'))[1:" + EXAMPLES + "], '{}') from rejected";
        try (var ps = prepare(c, sql, ws, from, to)) {
            ps.setString(5, ws);
            ps.setArray(6, c.createArrayOf("text", DATA_REASONS.toArray()));
            try (var rs = ps.executeQuery()) {
                rs.next();
                return new Misses(rs.getLong(1), rs.getLong(2), uuids(rs.getArray(3)));
            }
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, String ws, Instant from, Instant to) throws SQLException {
        var ps = c.prepareStatement(sql);
        ps.setString(1, ws);
        ps.setTimestamp(2, Timestamp.from(from));
        ps.setTimestamp(3, Timestamp.from(to));
        ps.setString(4, ws);
        return ps;
    }

    private static Counts counts(ResultSet rs, int first) throws SQLException {
        return new Counts(rs.getLong(first), rs.getLong(first + 1), rs.getLong(first + 2), rs.getLong(first + 3),
                rs.getLong(first + 4), rs.getLong(first + 5));
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return array == null ? List.of() : List.of((UUID[]) array.getArray());
    }
}
