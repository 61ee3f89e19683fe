package io.leadproof.evidence.suggest;

import io.leadproof.evidence.core.SignalDefinition;
import io.leadproof.evidence.core.Verdict;
import io.leadproof.evidence.rejections.Finding;
import io.leadproof.scoring.engine.CriteriaVersionSpec;
import io.leadproof.scoring.engine.EngagementRule;
import io.leadproof.scoring.engine.FitRule;
import io.leadproof.scoring.engine.Predicate;
import io.leadproof.scoring.engine.Rule;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The proposals from rejection findings: fewer points for a rule, a negative rule for a trait value. */
final class RejectionProposals {
    private final CriteriaVersionSpec active;
    private final int threshold;
    private final Set<String> tested;
    private final Set<String> keys;
    private final List<ProposedChange> changes;
    private final List<String> notes;
    private final Set<String> lowered = new HashSet<>();

    RejectionProposals(CriteriaVersionSpec active, int threshold, Set<String> tested, Set<String> keys,
                       List<ProposedChange> changes, List<String> notes) {
        this.active = active;
        this.threshold = threshold;
        this.tested = tested;
        this.keys = keys;
        this.changes = changes;
        this.notes = notes;
    }

    void add(SuggestionRequest request) {
        for (Finding finding : request.rejectionFindings()) {
            if (finding.statistics().verdict() != Verdict.STRONG) {
                continue;
            }
            String groupA = finding.reasonCode() + " rejections";
            Rationale.Builder why = proposal -> Rationale.of(finding.statistics(), groupA, "accepted handoffs",
                    request.windowFrom(), request.windowTo(), proposal + " " + finding.sentence());
            if (finding.statistics().signal() instanceof SignalDefinition.RuleContribution rule) {
                lower(rule.ruleKey(), finding, why);
            } else {
                penalise(finding, why);
            }
        }
    }

    private void lower(String ruleKey, Finding finding, Rationale.Builder why) {
        Rule rule = active.rules().stream().filter(r -> r.key().equals(ruleKey)).findFirst().orElse(null);
        int points = switch (rule) {
            case FitRule fit -> fit.points();
            case EngagementRule engagement -> engagement.pointsPerOccurrence();
            case null, default -> 0;
        };
        if (points <= 5 || !lowered.add(ruleKey)) { // a penalty already pushes such leads down
            if (points > 0) {
                notes.add("Rule '" + ruleKey + "' is over-represented in rejections but already worth " + points + ": "
                        + finding.sentence());
            }
            return;
        }
        int reduced = Points.reduced(points, finding.statistics().lift().value());
        changes.add(new ProposedChange.ChangePoints(ruleKey, points, reduced, why.because(
                "Lower rule '" + rule.label() + "' from " + points + " to " + reduced + " points:")));
    }

    private void penalise(Finding finding, Rationale.Builder why) {
        SignalDefinition signal = finding.statistics().signal();
        Predicate when = RuleFactory.predicate(signal);
        if (when == null || !tested.add(Tests.of(when))) {
            return;
        }
        int points = -Math.abs(Points.fromWeightOfEvidence(finding.statistics().weightOfEvidence(), threshold));
        if (points == 0) {
            return;
        }
        String key = Suggestions.unique(RuleFactory.key(signal), keys);
        keys.add(key);
        FitRule rule = new FitRule(key, RuleFactory.label(signal), when, points);
        changes.add(new ProposedChange.AddRule(rule, why.because("Add FIT rule '" + rule.label() + "' worth "
                + points + " points:")));
    }

    /** The rule with new points; an ENGAGEMENT rule's cap is scaled alike (and stays at least the points). */
    static Rule withPoints(Rule rule, int points) {
        return switch (rule) {
            case FitRule fit -> new FitRule(fit.key(), fit.label(), fit.when(), points);
            case EngagementRule e -> new EngagementRule(e.key(), e.label(), e.type(), e.stage(), e.contentTag(), e.window(),
                    points, Math.max(Math.abs(points),
                    (int) Math.round((double) e.cap() * points / e.pointsPerOccurrence())), e.halfLife());
            default -> throw new IllegalArgumentException("a knock-out has no points: " + rule.key());
        };
    }
}
