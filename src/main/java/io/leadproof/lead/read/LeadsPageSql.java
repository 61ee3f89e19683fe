package io.leadproof.lead.read;

import java.util.Map;
import java.util.Set;

import graphql.language.Field;

import io.leadproof.common.Cursors;
import io.leadproof.common.OrderDirection;
import io.leadproof.lead.LeadQuery;

/**
 * {@code Query.leads} in the one statement of a read plan: the page of {@link LeadQuery} (the general path's own SQL,
 * filter, order and cursor), its edges and nodes built in PostgreSQL, and {@code totalCount} when selected. When the
 * nodes read a lead's campaign or score, the page is numbered first and joined after, so that the joins need not keep
 * the index's order.
 */
final class LeadsPageSql {

    private LeadsPageSql() {
    }

    static String plan(ReadPlanner planner, Field f) {
        planner.resolver("Query.leads");
        Map<String, Object> args = LeadArguments.of(f, planner.variables(), Set.of("first", "after", "filter", "orderBy"));
        int first = Cursors.pageSize((Integer) args.get("first"));
        var order = LeadArguments.order(args.get("orderBy"));
        var filter = LeadArguments.filter(args.get("filter"));
        String after = (String) args.get("after");
        String column = LeadQuery.sortColumn(order);
        String direction = order.direction() == OrderDirection.ASC ? " asc" : " desc";
        String position = CursorSealing.position(order.field() + "_" + order.direction(), column, "l.id");
        var joins = new LeadJoins.Gathered();   // the node's, planned before the page (Connections.plan)
        return Connections.plan(planner, f, "LeadConnection", "LeadEdge", first, after != null, node -> {
            LeadObjectSql.LeadNode lead = LeadObjectSql.plan(planner, node, Set.of("Lead"));
            joins.value = lead.joins();
            return lead.json();
        }, (node, positions) -> {
            String sort = column + direction + ", l.id" + direction;
            if (joins.value.none()) {
                String columns = Connections.columns(sort, first, node, position, positions);
                return literalLimit(planner, LeadQuery.pageSql(columns, ReadPlan.WORKSPACE, filter, order, first + 1, after), first + 1);
            }
            // numbered in the page, where the index gives the order; the joins need not keep it
            String numbered = "l.*, " + Connections.rowNumber(sort) + " rn";
            String page = literalLimit(planner, LeadQuery.pageSql(numbered, ReadPlan.WORKSPACE, filter, order, first + 1, after),
                    first + 1);
            joins.value.params().forEach(planner::param);
            return joins.value.page(Connections.numberedColumns("l.rn", first, node, position, positions), page);
        }, () -> TotalCount.of(planner, filter));
    }

    /**
     * The page's statement with its page size written into the text instead of bound: PostgreSQL plans a prepared
     * statement once (its generic plan) only when that plan costs about what a plan for the actual values does, and a
     * generic plan does not know the limit (it assumes a tenth of the table), so with {@code limit ?} every request was
     * planned again (about 1 ms of the database's CPU for the list). The size is a validated int (1..max page size + 1),
     * so there are few texts per shape and pgJDBC's server-prepared statements (prepareThreshold) are reused.
     */
    private static String literalLimit(ReadPlanner planner, LeadQuery.PageSql page, int limit) {
        var pageParams = page.params();
        if (!page.sql().endsWith(" limit ?") || !Integer.valueOf(limit).equals(pageParams.getLast())) {
            throw new AstValues.Unsupported("page statement without a trailing limit");
        }
        pageParams.subList(0, pageParams.size() - 1).forEach(planner::param);
        return page.sql().substring(0, page.sql().length() - 1) + limit;
    }
}
