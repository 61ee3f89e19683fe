package io.leadproof.evidence.suggest;

import io.leadproof.evidence.core.SignalDefinition;
import io.leadproof.evidence.core.SignalResult;
import io.leadproof.evidence.core.Verdict;
import io.leadproof.scoring.engine.CriteriaVersionSpec;
import io.leadproof.scoring.engine.EngagementRule;
import io.leadproof.scoring.engine.FitRule;
import io.leadproof.scoring.engine.KnockoutRule;
import io.leadproof.scoring.engine.Predicate;
import io.leadproof.scoring.engine.Rule;
import io.leadproof.scoring.engine.ScoringEngine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * From evidence to a draft. In order:
 * <ol>
 *   <li>a trait or source value seen in at least {@code knockoutMinSupport} group-B leads and in no
 *   group-A lead becomes a KNOCK_OUT (unknown values never do);</li>
 *   <li>every other STRONG signal becomes a FIT or ENGAGEMENT rule worth {@link Points#fromWeightOfEvidence}
 *   (negative when it marks group B), one per behaviour type × stage (the strongest facet);</li>
 *   <li>a rule STRONG-ly over-represented among the rejections of a reason gets fewer points
 *   ({@link Points#reduced}: points / lift);</li>
 *   <li>a trait or source value STRONG-ly over-represented among the rejections of a reason gets a
 *   negative FIT rule, the condition that keeps such leads below the threshold.</li>
 * </ol>
 * A predicate the active version already tests, or one already proposed, is not proposed again
 * (compared as the engine compares: trimmed, case-insensitive). Group A must be the outcome the
 * criteria should find (won deals): knock-outs and signs follow it.
 */
public final class Suggestions {
    private Suggestions() {
    }

    public static Suggestion suggest(SuggestionRequest request) {
        CriteriaVersionSpec active = request.active();
        int threshold = active.thresholds().mql();
        Set<String> tested = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (Rule rule : active.rules()) {
            keys.add(rule.key());
            switch (rule) {
                case FitRule fit -> tested.add(Tests.of(fit.when()));
                case KnockoutRule knockout -> tested.add(Tests.of(knockout.when()));
                case EngagementRule ignored -> { }
            }
        }
        List<ProposedChange> changes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Set<String> behaviours = new HashSet<>();
        for (SignalResult result : request.signals()) {
            SignalDefinition signal = result.signal();
            String key = unique(RuleFactory.key(signal), keys);
            Predicate when = RuleFactory.predicate(signal);
            if (when != null && tested.contains(Tests.of(when))) {
                if (result.verdict() == Verdict.STRONG) {
                    notes.add("The active version already tests " + signal.phrase() + ": " + result.sentence());
                }
                continue;
            }
            KnockoutRule knockout = result.groupA().count() == 0 && result.groupB().count() >= request.knockoutMinSupport()
                    ? RuleFactory.knockout(signal, key) : null;
            if (knockout != null) {
                keys.add(key);
                tested.add(Tests.of(when));
                changes.add(new ProposedChange.AddRule(knockout, Rationale.of(result, request.groupA(), request.groupB(),
                        request.windowFrom(), request.windowTo(), "Knock out '" + knockout.label() + "': none of the "
                                + result.groupB().count() + " leads with it was among the " + request.groupA() + ".")));
            } else if (result.verdict() == Verdict.STRONG) {
                proposeScoring(result, key, threshold, request, tested, keys, behaviours, changes, notes);
            }
        }
        new RejectionProposals(active, threshold, tested, keys, changes, notes).add(request);
        return new Suggestion(draft(active, request.draftVersionId(), changes), changes, notes);
    }

    private static void proposeScoring(SignalResult result, String key, int threshold, SuggestionRequest request,
                                       Set<String> tested, Set<String> keys, Set<String> behaviours,
                                       List<ProposedChange> changes, List<String> notes) {
        SignalDefinition signal = result.signal();
        if (signal instanceof SignalDefinition.Behaviour b && !behaviours.add(b.type() + "/" + b.stage())) {
            return;
        }
        int points = Points.fromWeightOfEvidence(result.weightOfEvidence(), threshold);
        Rule rule = points == 0 ? null : RuleFactory.scoring(signal, key, points);
        if (rule == null) {
            notes.add((points == 0 ? "Too weak to be worth points: " : "No rule can score this before handoff: ")
                    + result.sentence());
            return;
        }
        keys.add(key);
        Predicate when = RuleFactory.predicate(signal);
        if (when != null) {
            tested.add(Tests.of(when));
        }
        changes.add(new ProposedChange.AddRule(rule, Rationale.of(result, request.groupA(), request.groupB(),
                request.windowFrom(), request.windowTo(),
                "Add " + rule.kind() + " rule '" + rule.label() + "' worth " + signed(points) + " points:")));
    }

    /** The active rules with their changed points, then the new rules; validated by compiling. */
    static CriteriaVersionSpec draft(CriteriaVersionSpec active, String versionId, List<ProposedChange> changes) {
        Map<String, Integer> newPoints = new LinkedHashMap<>();
        List<Rule> added = new ArrayList<>();
        for (ProposedChange change : changes) {
            switch (change) {
                case ProposedChange.ChangePoints c -> newPoints.put(c.ruleKey(), c.toPoints());
                case ProposedChange.AddRule a -> added.add(a.rule());
            }
        }
        List<Rule> rules = new ArrayList<>();
        for (Rule rule : active.rules()) {
            Integer points = newPoints.get(rule.key());
            rules.add(points == null ? rule : RejectionProposals.withPoints(rule, points));
        }
        rules.addAll(added);
        CriteriaVersionSpec draft = new CriteriaVersionSpec(versionId, rules, active.thresholds());
        ScoringEngine.compile(draft);
        return draft;
    }

    static String unique(String key, Set<String> taken) {
        String candidate = key;
        for (int i = 2; taken.contains(candidate); i++) {
            candidate = key + "-" + i;
        }
        return candidate;
    }

    static String signed(int points) {
        return points > 0 ? "+" + points : String.valueOf(points);
    }
}
