package io.leadproof.lead.read;

import java.util.Set;

import io.leadproof.lead.LeadFilter;
import io.leadproof.lead.LeadQuery;

/**
 * {@code LeadConnection.totalCount} in the list's statement: the count the general path runs ({@link LeadQuery#countSql},
 * the one home of the filter), joined to the page so it is read in the same statement and snapshot. Its resolver has no
 * role of its own: the general path lets whoever may call {@code leads} count, so the plan names it among the resolvers
 * guarded by their parent ({@link #GUARDED_BY_PARENT}); a role put on it later is still checked.
 */
public final class TotalCount {

    /** Resolvers without a role of their own that only the connection of a role-checked root reaches. */
    static final Set<String> GUARDED_BY_PARENT = Set.of("LeadConnection.totalCount");

    private TotalCount() {
    }

    /** The count's relation (one row, column {@code n}); its parameters are added to the plan when it is called. */
    static String of(ReadPlanner planner, LeadFilter filter) {
        planner.resolver("LeadConnection.totalCount");
        var count = LeadQuery.countSql(ReadPlan.WORKSPACE, filter);
        count.params().forEach(planner::param);
        return count.sql();
    }
}
