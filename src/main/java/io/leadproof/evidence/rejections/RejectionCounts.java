package io.leadproof.evidence.rejections;

import io.leadproof.evidence.core.SignalCounts;
import io.leadproof.feedback.RejectionCategory;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The counts rejection insights are made of, counted in the database (evidence.read.RejectionCountReader) instead of
 * from one {@link HandoffCase} per handoff: the handoffs per month, response, reason and category; each reason with
 * its category; and per reason the candidate signals of its rejections against the accepted handoffs (traits as
 * {@link SignalCounts}, rules of the frozen contributions in the order they first appear among the handoffs).
 */
public record RejectionCounts(List<MonthCount> months, Map<String, RejectionCategory> reasons,
                              Map<String, SignalCounts> traits, Map<String, List<RuleCount>> rules) {

    public RejectionCounts {
        months = List.copyOf(months);
        reasons = Map.copyOf(reasons);
        traits = Map.copyOf(traits);
        rules = Map.copyOf(rules);
    }

    /** Handoffs of one month (of handoff) with one response and, for rejections, one reason and category. */
    public record MonthCount(YearMonth month, HandoffCase.Response response, String reasonCode, RejectionCategory category,
                             int handoffs) {
    }

    /** A rule of the frozen contributions: the reason's rejections (a) and the accepted handoffs (b) showing it. */
    public record RuleCount(String ruleKey, String label, int a, int b) {
    }
}
