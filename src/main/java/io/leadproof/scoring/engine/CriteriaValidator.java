package io.leadproof.scoring.engine;

import io.leadproof.common.UserErrorCode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static io.leadproof.scoring.engine.PredicateValidator.append;

/** Lists everything wrong with a criteria version, each with the path of the offending input. */
public final class CriteriaValidator {
    /** Bounds that keep every total far from int overflow: 500 × 1,000,000 < 2^31. */
    public static final int MAX_RULES = 500;
    public static final int MAX_POINTS = 1_000_000;

    private CriteriaValidator() {
    }

    public static List<RuleViolation> validate(CriteriaVersionSpec spec) {
        Objects.requireNonNull(spec, "spec");
        List<RuleViolation> out = new ArrayList<>();
        if (spec.rules().size() > MAX_RULES) {
            out.add(new RuleViolation(List.of("rules"), UserErrorCode.TOO_MANY_RULES,
                    "A version holds at most %d rules, not %d.".formatted(MAX_RULES, spec.rules().size())));
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < spec.rules().size(); i++) {
            validateRule(spec.rules().get(i), List.of("rules", String.valueOf(i)), keys, out);
        }
        if (spec.thresholds() == null) {
            out.add(new RuleViolation(List.of("thresholds", "mql"), UserErrorCode.MISSING_MQL_THRESHOLD,
                    "Set the MQL threshold on the total score."));
        }
        return List.copyOf(out);
    }

    private static void validateRule(Rule rule, List<String> path, Set<String> keys, List<RuleViolation> out) {
        if (rule == null) {
            out.add(new RuleViolation(path, UserErrorCode.MISSING_RULE, "A rule must not be null."));
            return;
        }
        if (Values.isBlank(rule.key())) {
            out.add(new RuleViolation(append(path, "key"), UserErrorCode.BLANK_RULE_KEY, "Give the rule a stable key."));
        } else if (!keys.add(rule.key().strip())) {
            out.add(new RuleViolation(append(path, "key"), UserErrorCode.DUPLICATE_RULE_KEY,
                    "Another rule of this version already has key '" + rule.key().strip() + "'."));
        }
        if (Values.isBlank(rule.label())) {
            out.add(new RuleViolation(append(path, "label"), UserErrorCode.BLANK_RULE_LABEL, "Give the rule a human-readable label."));
        }
        switch (rule) {
            case FitRule fit -> {
                validatePredicate(fit.when(), path, out);
                validatePoints(fit.points(), append(path, "points"), out);
            }
            case KnockoutRule knockout -> validatePredicate(knockout.when(), path, out);
            case EngagementRule engagement -> validateEngagement(engagement, path, out);
        }
    }

    private static void validatePredicate(Predicate when, List<String> rulePath, List<RuleViolation> out) {
        if (when == null) {
            out.add(new RuleViolation(append(rulePath, "when"), UserErrorCode.MISSING_PREDICATE, "Say which leads the rule applies to."));
        } else {
            PredicateValidator.validate(when, append(rulePath, "when"), out);
        }
    }

    private static void validateEngagement(EngagementRule rule, List<String> path, List<RuleViolation> out) {
        if (rule.type() != null && !rule.type().isEngagement()) {
            out.add(new RuleViolation(append(path, "type"), UserErrorCode.NOT_ENGAGEMENT,
                    rule.type() + " is a fact about the contact data, not engagement: test it with a DATA_QUALITY_CHECK predicate."));
        }
        if (rule.contentTag() != null && rule.contentTag().isBlank()) {
            out.add(new RuleViolation(append(path, "contentTag"), UserErrorCode.BLANK_CONTENT_TAG,
                    "Leave the content tag out to match any content, or name one."));
        }
        validateWindow(rule.window(), append(path, "window"), out);
        int points = rule.pointsPerOccurrence();
        validatePoints(points, append(path, "pointsPerOccurrence"), out);
        long cap = Math.abs((long) rule.cap());
        if (cap > MAX_POINTS) {
            out.add(new RuleViolation(append(path, "cap"), UserErrorCode.POINTS_OUT_OF_RANGE,
                    "A cap is at most %d in magnitude.".formatted(MAX_POINTS)));
        } else if (cap < Math.abs((long) points)) {
            out.add(new RuleViolation(append(path, "cap"), UserErrorCode.CAP_BELOW_POINTS,
                    "The cap (%d) must be at least the points of one occurrence (%d) in magnitude."
                            .formatted(rule.cap(), points)));
        }
        if (rule.halfLife() != null && !rule.halfLife().isPositive()) {
            out.add(new RuleViolation(append(path, "halfLife"), UserErrorCode.NON_POSITIVE_HALF_LIFE,
                    "A half-life must be positive; leave it out for no decay."));
        }
    }

    private static void validateWindow(Duration window, List<String> path, List<RuleViolation> out) {
        if (window == null) {
            out.add(new RuleViolation(path, UserErrorCode.MISSING_WINDOW, "Set how far back activities count, e.g. 90 days."));
        } else if (!window.isPositive()) {
            out.add(new RuleViolation(path, UserErrorCode.NON_POSITIVE_WINDOW, "The look-back window must be positive, not " + window + "."));
        }
    }

    private static void validatePoints(int points, List<String> path, List<RuleViolation> out) {
        if (points == 0) {
            out.add(new RuleViolation(path, UserErrorCode.ZERO_POINTS, "A rule worth 0 points has no effect; use a knock-out or remove it."));
        } else if (Math.abs((long) points) > MAX_POINTS) {
            out.add(new RuleViolation(path, UserErrorCode.POINTS_OUT_OF_RANGE, "Points are at most %d in magnitude.".formatted(MAX_POINTS)));
        }
    }
}
