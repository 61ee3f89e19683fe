package io.leadproof.lead.read;

import java.util.List;

/**
 * The to-one reads of a lead object (its campaign, its served score) as left joins of the lead's row instead of a
 * subquery per lead. The campaign's subquery was planned as a scan of all the workspace's campaigns for each lead (a
 * correlated subquery is priced for one run: one page read looks cheaper than an index probe), the join probes the
 * primary key; the score's join is the same primary-key read without a subplan per lead. Each joined table has at most
 * one row per lead (its primary key), so a join never repeats a lead; a lead without one reads nulls, which the JSON
 * turns into {@code null} as the subquery did. Row-level security applies to the joined tables as to the subqueries.
 * Aliases: {@code c} campaign, {@code s} lead_score, as in {@link ReadFields}.
 */
record LeadJoins(boolean campaign, boolean score) {

    static final LeadJoins NONE = new LeadJoins(false, false);

    /** The joins a lead object's fields ask for, gathered by the planner's callbacks while they plan the object. */
    static final class Gathered {
        LeadJoins value = NONE;
    }

    LeadJoins withCampaign() {
        return new LeadJoins(true, score);
    }

    LeadJoins withScore() {
        return new LeadJoins(campaign, true);
    }

    boolean none() {
        return !campaign && !score;
    }

    /** The joins, to follow {@code lead l} (or a page aliased {@code l}); their parameters are {@link #params()}. */
    String sql() {
        return (campaign ? ReadFields.CAMPAIGN_JOIN : "") + (score ? ReadFields.SCORE_JOIN : "");
    }

    List<Object> params() {
        return score ? List.of(ReadPlan.WORKSPACE) : List.of(); // the served version's lookup
    }

    /**
     * The rows of a page of leads ({@code page}: its statement, limit applied, rows numbered) with these joins, after the
     * limit: a filtered page that sorts many leads still joins its own rows only.
     */
    String page(String columns, String page) {
        return "select " + columns + " from (" + page + ") l" + sql();
    }
}
