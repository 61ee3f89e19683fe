package io.leadproof.lead;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.leadproof.common.ApiException;
import io.leadproof.common.Cursors;
import io.leadproof.common.NodeId;
import io.leadproof.common.OrderDirection;

/** Keyset-paginated lead listing; sort fields come only from {@link LeadOrder.Field}, never from text. */
final class LeadQuery {

    private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile("\\p{Cntrl}");

    record Page(List<Lead> leads, boolean hasNext, LeadOrder order) {
        String cursorOf(Lead lead) {
            return Cursors.encode(order.field() + "_" + order.direction(), sortKey(lead, order).toString(), lead.id());
        }
    }

    private LeadQuery() {
    }

    static Page run(LeadFilter filter, LeadOrder order, int first, String after) {
        var where = new ArrayList<String>();
        Map<String, Object> params = new HashMap<>();
        if (filter != null) {
            addFilter(filter, where, params);
        }
        String column = order.field() == LeadOrder.Field.CREATED_AT ? "createdAt" : "updatedAt";
        boolean asc = order.direction() == OrderDirection.ASC;
        var position = Cursors.decode(order.field() + "_" + order.direction(), after);
        if (position != null) {
            where.add("(" + column + (asc ? " > " : " < ") + ":k or (" + column + " = :k and id " + (asc ? ">" : "<") + " :kid))");
            params.put("k", parseInstant(position.key()));
            params.put("kid", position.id());
        }
        String direction = asc ? " asc" : " desc";
        String hql = (where.isEmpty() ? "" : "where " + String.join(" and ", where))
                + " order by " + column + direction + ", id" + direction;
        List<Lead> rows = Lead.<Lead>find(hql, params).page(0, first + 1).list();
        boolean hasNext = rows.size() > first;
        return new Page(hasNext ? rows.subList(0, first) : rows, hasNext, order);
    }

    private static void addFilter(LeadFilter f, List<String> where, Map<String, Object> params) {
        // enum lists are deduplicated, so however long the list sent, the IN list is at most the enum's size
        if (f.stages() != null && !distinct(f.stages()).isEmpty()) {
            where.add("lifecycleStage in :stages");
            params.put("stages", distinct(f.stages()));
        }
        if (f.sources() != null && !distinct(f.sources()).isEmpty()) {
            where.add("source in :sources");
            params.put("sources", distinct(f.sources()));
        }
        if (f.seniorities() != null && !distinct(f.seniorities()).isEmpty()) {
            where.add("seniority in :seniorities");
            params.put("seniorities", distinct(f.seniorities()));
        }
        if (f.campaignId() != null) {
            where.add("campaignId = :campaign");
            params.put("campaign", NodeId.require("Campaign", f.campaignId(), "filter.campaignId"));
        }
        if (f.ownerId() != null) {
            where.add("ownerId = :owner");
            params.put("owner", printable(f.ownerId(), "filter.ownerId"));
        }
        if (f.country() != null) {
            where.add("country = :country");
            params.put("country", printable(f.country(), "filter.country").toUpperCase(Locale.ROOT));
        }
        if (f.createdFrom() != null) {
            where.add("createdAt >= :from");
            params.put("from", f.createdFrom().toInstant());
        }
        if (f.createdBefore() != null) {
            where.add("createdAt < :before");
            params.put("before", f.createdBefore().toInstant());
        }
        if (f.dataQuality() != null && !distinct(f.dataQuality()).isEmpty()) {
            where.add("id in (select q.leadId from LeadDataQualityRow q where q.status in :quality)");
            params.put("quality", distinct(f.dataQuality()).stream().map(Enum::name).toList());
        }
        if (f.search() != null && !f.search().isBlank()) {
            if (f.search().length() > 100) {
                throw ApiException.invalid("TOO_LONG", "filter.search must be at most 100 characters");
            }
            printable(f.search(), "filter.search");
            where.add("(emailNormalized like :q escape '\\' or lower(companyName) like :q escape '\\'"
                    + " or lower(lastName) like :q escape '\\' or lower(firstName) like :q escape '\\')");
            params.put("q", "%" + escapeLike(f.search().strip().toLowerCase(Locale.ROOT)) + "%");
        }
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

    private static Instant sortKey(Lead lead, LeadOrder order) {
        return order.field() == LeadOrder.Field.CREATED_AT ? lead.createdAt() : lead.updatedAt();
    }
}
