package io.leadproof.lead;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.leadproof.common.ApiException;
import io.leadproof.common.Cursors;
import io.leadproof.common.NodeId;
import io.leadproof.common.OrderDirection;

/**
 * Keyset-paginated lead listing in SQL, straight into API records; sort columns come only from {@link LeadOrder.Field},
 * never from text, and every value is a bound parameter.
 */
public final class LeadQuery {

    private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile("\\p{Cntrl}");

    record Page(List<LeadView> leads, boolean hasNext, LeadOrder order) {
        String cursorOf(LeadView lead) {
            return Cursors.encode(order.field() + "_" + order.direction(), sortKey(lead, order).toString(), lead.uuid());
        }
    }

    /** A condition with its parameters, in order; text arrays bind as {@code text[]}. */
    private record Where(List<String> conditions, List<Object> params) {
        void add(String condition, Object... values) {
            conditions.add(condition);
            params.addAll(List.of(values));
        }
    }

    private LeadQuery() {
    }

    /**
     * The page's statement: {@code columns} of the leads (table alias {@code l}) matching the filter after the cursor, in
     * the order's sequence, at most {@code limit} rows. One home for the general read ({@link #run}) and the compiled one
     * ({@link io.leadproof.lead.read.LeadReadSql}), so the two cannot select different leads.
     */
    public record PageSql(String sql, List<Object> params, String column, boolean ascending) {
    }

    public static PageSql pageSql(String columns, Object workspace, LeadFilter filter, LeadOrder order, int limit, String after) {
        var where = new Where(new ArrayList<>(), new ArrayList<>());
        where.add("l.workspace_id = ? and l.merged_into is null", workspace);  // a merged-away lead (leadMerge) is a tombstone
        if (filter != null) {
            addFilter(filter, where);
        }
        String column = sortColumn(order);
        boolean asc = order.direction() == OrderDirection.ASC;
        var position = Cursors.decode(order.field() + "_" + order.direction(), after);
        if (position != null) {
            // a row comparison, which the (workspace_id, created_at, id) index serves as one range
            where.add("(" + column + ", l.id) " + (asc ? ">" : "<") + " (?, ?)", parseInstant(position.key()).atOffset(ZoneOffset.UTC), position.id());
        }
        String direction = asc ? " asc" : " desc";
        where.params().add(limit);
        return new PageSql("select " + columns + " from lead l where " + String.join(" and ", where.conditions())
                + " order by " + column + direction + ", l.id" + direction + " limit ?", where.params(), column, asc);
    }

    /** The lead column the order sorts by (ties broken by {@code l.id} in the same direction). */
    public static String sortColumn(LeadOrder order) {
        return order.field() == LeadOrder.Field.CREATED_AT ? "l.created_at" : "l.updated_at";
    }

    static Page run(Connection c, String workspace, LeadFilter filter, LeadOrder order, int first, String after) throws SQLException {
        var page = pageSql(LeadRows.COLUMNS, workspace, filter, order, first + 1, after);
        var rows = new ArrayList<LeadView>(first + 1);
        try (var ps = c.prepareStatement(page.sql())) {
            bind(c, ps, page.params());
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(LeadRows.view(rs));
                }
            }
        }
        boolean hasNext = rows.size() > first;
        return new Page(hasNext ? rows.subList(0, first) : rows, hasNext, order);
    }

    /** Binds the parameters of a lead statement in order; text arrays bind as {@code text[]}. */
    public static void bind(Connection c, java.sql.PreparedStatement ps, List<Object> params) throws SQLException {
        bind(c, ps, params, 1);
    }

    /** The same, the first parameter at index {@code first}. */
    public static void bind(Connection c, java.sql.PreparedStatement ps, List<Object> params, int first) throws SQLException {
        int i = first;
        for (Object value : params) {
            ps.setObject(i++, value instanceof String[] texts ? c.createArrayOf("text", texts) : value);
        }
    }

    /** Leads matching the filter on all pages. */
    static int count(Connection c, String workspace, LeadFilter filter) throws SQLException {
        var count = countSql(workspace, filter);
        try (var ps = c.prepareStatement(count.sql())) {
            bind(c, ps, count.params());
            try (var rs = ps.executeQuery()) {
                rs.next();
                return Math.toIntExact(rs.getLong(1));
            }
        }
    }

    /** A statement with its parameters, in order. */
    public record Statement(String sql, List<Object> params) {
    }

    /**
     * The count of the leads matching the filter on all pages ({@code totalCount}), one column {@code n}: one home for
     * the general read ({@link #count}) and the compiled one ({@link io.leadproof.lead.read.TotalCount}).
     */
    public static Statement countSql(Object workspace, LeadFilter filter) {
        var where = new Where(new ArrayList<>(), new ArrayList<>());
        where.add("l.workspace_id = ? and l.merged_into is null", workspace);  // a merged-away lead (leadMerge) is a tombstone
        if (filter != null) {
            addFilter(filter, where);
        }
        return new Statement("select count(*) n from lead l where " + String.join(" and ", where.conditions()), where.params());
    }

    /** The lead with that id, or null. */
    static LeadView one(Connection c, String workspace, UUID id) throws SQLException {
        try (var ps = c.prepareStatement("select " + LeadRows.COLUMNS + " from lead l where l.workspace_id = ? and l.id = ?")) {
            ps.setString(1, workspace);
            ps.setObject(2, id);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? LeadRows.view(rs) : null;
            }
        }
    }

    private static void addFilter(LeadFilter f, Where where) {
        // enum lists are deduplicated, so however long the list sent, the array is at most the enum's size
        if (f.stages() != null && !distinct(f.stages()).isEmpty()) {
            where.add("l.lifecycle_stage = any(?)", (Object) names(f.stages()));
        }
        if (f.sources() != null && !distinct(f.sources()).isEmpty()) {
            where.add("l.source = any(?)", (Object) names(f.sources()));
        }
        if (f.seniorities() != null && !distinct(f.seniorities()).isEmpty()) {
            where.add("l.seniority = any(?)", (Object) names(f.seniorities()));
        }
        if (f.dataQuality() != null && !distinct(f.dataQuality()).isEmpty()) {
            // the verdict QualityRefresh keeps per lead (docs/data-quality.md); a lead never judged has no row
            where.add("exists (select from lead_quality q where q.workspace_id = l.workspace_id and q.lead_id = l.id"
                    + " and q.status = any(?))", (Object) names(f.dataQuality()));
        }
        if (f.customAttributes() != null) {
            for (var c : CustomAttributeSql.of(f.customAttributes())) {
                where.add(c.sql(), c.params().toArray());
            }
        }
        if (f.campaignId() != null) {
            where.add("l.campaign_id = ?", NodeId.require("Campaign", f.campaignId(), "filter.campaignId"));
        }
        if (f.ownerId() != null) {
            where.add("l.owner_id = ?", printable(f.ownerId(), "filter.ownerId"));
        }
        if (f.country() != null) {
            where.add("l.country = ?", printable(f.country(), "filter.country").toUpperCase(Locale.ROOT));
        }
        if (f.createdFrom() != null) {
            where.add("l.created_at >= ?", f.createdFrom());
        }
        if (f.createdBefore() != null) {
            where.add("l.created_at < ?", f.createdBefore());
        }
        if (f.search() != null && !f.search().isBlank()) {
            if (f.search().length() > 100) {
                throw ApiException.invalid("TOO_LONG", "filter.search must be at most 100 characters");
            }
            printable(f.search(), "filter.search");
            String q = "%" + escapeLike(f.search().strip().toLowerCase(Locale.ROOT)) + "%";
            where.add("(l.email_normalized like ? escape '\\' or lower(l.company_name) like ? escape '\\'"
                    + " or lower(l.last_name) like ? escape '\\' or lower(l.first_name) like ? escape '\\')", q, q, q, q);
        }
    }

    private static String[] names(List<? extends Enum<?>> values) {
        return distinct(values).stream().map(Enum::name).toArray(String[]::new);
    }

    private static <T> List<T> distinct(List<T> values) {
        return values.stream().filter(java.util.Objects::nonNull).distinct().toList();
    }

    /** PostgreSQL text cannot hold NUL, and no filter value has control characters: refuse them up front. */
    private static String printable(String value, String argument) {
        if (CONTROL.matcher(value).find()) {
            throw ApiException.invalid("INVALID_CHARACTERS", argument + " must not contain control characters");
        }
        return value;
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Instant parseInstant(String key) {
        try {
            return Instant.parse(key);
        } catch (RuntimeException e) {
            throw ApiException.invalid("INVALID_CURSOR", "after is not a cursor of this list and ordering");
        }
    }

    private static Instant sortKey(LeadView lead, LeadOrder order) {
        return (order.field() == LeadOrder.Field.CREATED_AT ? lead.createdAt() : lead.updatedAt()).toInstant();
    }
}
