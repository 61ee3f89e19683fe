package io.leadproof.evidence.read;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.leadproof.evidence.backtest.BacktestLead;
import io.leadproof.evidence.core.ActivityAggregate;
import io.leadproof.evidence.core.Outcome;
import io.leadproof.evidence.core.ReferenceLead;
import io.leadproof.evidence.rejections.HandoffCase;
import io.leadproof.lead.ActivityType;
import io.leadproof.lead.FunnelStage;
import io.leadproof.scoring.engine.ActivityFact;

/** Turns a {@link CohortRow} into the records the evidence cores take. */
final class CohortRecords {

    private CohortRecords() {
    }

    static ReferenceLead referenceLead(CohortRow row, CohortQuery q) throws SQLException {
        Outcome outcome = row.outcome();
        return new ReferenceLead(row.leadId(), row.moment(), row.traits(), row.campaign(), row.channel(),
                aggregates(row.activityColumns()), row.facts() == null ? null : row.facts().createdAt(), row.signals(), outcome);
    }

    static HandoffCase handoffCase(CohortRow row, CohortQuery q) throws SQLException {
        ReferenceLead lead = referenceLead(row, q);
        var facts = row.facts();
        HandoffCase.Response response = by(facts.rejectedAt(), q.asOf()) ? HandoffCase.Response.REJECTED
                : by(facts.acceptedAt(), q.asOf()) || by(facts.opportunityAt(), q.asOf()) ? HandoffCase.Response.ACCEPTED
                : HandoffCase.Response.PENDING;
        boolean rejected = response == HandoffCase.Response.REJECTED;
        List<HandoffCase.RuleHit> hits = new ArrayList<>();
        for (int i = 0; i < row.ruleKeys().size(); i++) {
            if (row.ruleKeys().get(i) != null) {
                hits.add(new HandoffCase.RuleHit(row.ruleKeys().get(i), row.ruleLabels().get(i)));
            }
        }
        return new HandoffCase(facts.createdAt(), response, rejected ? facts.rejectionCode() : null,
                rejected ? facts.rejectionCategory() : null, hits, lead);
    }

    static BacktestLead backtestLead(CohortRow row, CohortQuery q) throws SQLException {
        return new BacktestLead(row.leadId(), row.moment(), row.traits(), row.campaign(), row.channel(), facts(row.activityColumns()),
                row.outcome(), row.facts() == null ? null : row.facts().createdAt(), row.owner(), Double.NaN);
    }

    private static boolean by(Instant fact, Instant t) {
        return fact != null && !fact.isAfter(t);
    }

    private static List<ActivityAggregate> aggregates(ResultSet rs) throws SQLException {
        int at = CohortRow.ACTIVITIES;
        List<String> types = CohortRow.strings(rs.getArray(at));
        if (types.isEmpty()) {
            return List.of();
        }
        List<String> stages = CohortRow.strings(rs.getArray(at + 1));
        Integer[] counts = (Integer[]) rs.getArray(at + 2).getArray();
        List<Instant> lasts = CohortRow.instants(rs.getArray(at + 3));
        List<ActivityAggregate> out = new ArrayList<>(types.size());
        for (int i = 0; i < types.size(); i++) {
            out.add(new ActivityAggregate(ActivityType.valueOf(types.get(i)), stage(stages.get(i)), counts[i], lasts.get(i)));
        }
        return out;
    }

    private static List<ActivityFact> facts(ResultSet rs) throws SQLException {
        int at = CohortRow.ACTIVITIES;
        List<String> types = CohortRow.strings(rs.getArray(at));
        if (types.isEmpty()) {
            return List.of();
        }
        List<String> stages = CohortRow.strings(rs.getArray(at + 1));
        List<Instant> times = CohortRow.instants(rs.getArray(at + 3));
        List<String> tags = CohortRow.strings(rs.getArray(at + 4));
        List<ActivityFact> out = new ArrayList<>(types.size());
        for (int i = 0; i < types.size(); i++) {
            out.add(new ActivityFact(ActivityType.valueOf(types.get(i)), stage(stages.get(i)), tags.get(i), times.get(i)));
        }
        return out;
    }

    private static FunnelStage stage(String value) {
        return value == null ? null : FunnelStage.valueOf(value);
    }
}
