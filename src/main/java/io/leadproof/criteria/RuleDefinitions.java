package io.leadproof.criteria;

import io.leadproof.common.UserErrorCode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.leadproof.scoring.engine.CriteriaVersionSpec;
import io.leadproof.scoring.engine.EngagementRule;
import io.leadproof.scoring.engine.FitRule;
import io.leadproof.scoring.engine.KnockoutRule;
import io.leadproof.scoring.engine.Predicate;
import io.leadproof.scoring.engine.Rule;
import io.leadproof.scoring.engine.RuleViolation;
import io.leadproof.scoring.engine.Thresholds;

/** Converts between stored rule definitions and the engine's typed rules. */
public final class RuleDefinitions {

    private RuleDefinitions() {
    }

    /** Engine rule, or a violation list naming the missing field (paths relative to the rule). */
    public static Rule toEngine(RuleDefinition d, List<RuleViolation> violations) {
        if (d.kind() == null) {
            violations.add(new RuleViolation(List.of("kind"), UserErrorCode.MISSING_KIND, "Say whether the rule is FIT, ENGAGEMENT or KNOCK_OUT."));
            return null;
        }
        return switch (d.kind()) {
            case FIT -> new FitRule(d.key(), d.label(), predicate(d),
                    required(d.points(), "points", UserErrorCode.MISSING_POINTS, "A FIT rule needs points (negative allowed).", violations));
            case KNOCK_OUT -> new KnockoutRule(d.key(), d.label(), predicate(d));
            case ENGAGEMENT -> {
                int per = required(d.pointsPerOccurrence(), "pointsPerOccurrence", UserErrorCode.MISSING_POINTS_PER_OCCURRENCE, "An ENGAGEMENT rule needs points per occurrence.", violations);
                Integer cap = d.cap();
                if (cap == null) {
                    violations.add(new RuleViolation(List.of("cap"), UserErrorCode.MISSING_CAP, "Cap the points an ENGAGEMENT rule can give."));
                }
                yield new EngagementRule(d.key(), d.label(), d.activityType(), d.funnelStage(), d.contentTag(),
                        d.windowDays() == null ? null : Duration.ofDays(d.windowDays()), per, cap == null ? per : cap,
                        halfLife(d.halfLifeDays(), violations));
            }
        };
    }

    public static CriteriaVersionSpec spec(String versionId, List<RuleDefinition> rules, Thresholds thresholds) {
        var violations = new ArrayList<RuleViolation>();
        var engineRules = new ArrayList<Rule>();
        for (var d : rules) {
            var rule = toEngine(d, violations);
            if (rule != null) {
                engineRules.add(rule);
            }
        }
        if (!violations.isEmpty()) {
            throw new IllegalStateException("stored rule is not convertible: " + violations);
        }
        return new CriteriaVersionSpec(versionId, engineRules, thresholds);
    }

    public static RuleDefinition fromEngine(Rule rule) {
        return switch (rule) {
            case FitRule f -> new RuleDefinition(f.key(), f.label(), f.kind(), f.when().field(), f.when().customKey(),
                    f.when().op(), f.when().values(), f.points(), null, null, null, null, null, null, null);
            case KnockoutRule k -> new RuleDefinition(k.key(), k.label(), k.kind(), k.when().field(), k.when().customKey(),
                    k.when().op(), k.when().values(), null, null, null, null, null, null, null, null);
            case EngagementRule e -> new RuleDefinition(e.key(), e.label(), e.kind(), null, null, null, null, null,
                    e.type(), e.stage(), e.contentTag(), (int) e.window().toDays(), e.pointsPerOccurrence(), e.cap(),
                    e.halfLife() == null ? null : e.halfLife().toSeconds() / 86_400.0);
        };
    }

    private static Predicate predicate(RuleDefinition d) {
        return d.field() == null && d.operator() == null ? null
                : new Predicate(d.field(), d.customKey(), d.operator(), d.values() == null ? List.of() : d.values());
    }

    private static int required(Integer value, String field, UserErrorCode missing, String message, List<RuleViolation> violations) {
        if (value == null) {
            violations.add(new RuleViolation(List.of(field), missing, message));
            return 0;
        }
        return value;
    }

    private static Duration halfLife(Double days, List<RuleViolation> violations) {
        if (days == null) {
            return null;
        }
        if (days.isNaN() || days.isInfinite() || days <= 0 || days > 3650) {
            violations.add(new RuleViolation(List.of("halfLifeDays"), UserErrorCode.INVALID_HALF_LIFE, "halfLifeDays must be a positive number of days up to 3650."));
            return null;
        }
        return Duration.ofSeconds(Math.round(days * 86_400));
    }
}
