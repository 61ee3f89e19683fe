package io.leadproof.evidence.suggest;

import io.leadproof.evidence.core.AttributionKind;
import io.leadproof.evidence.core.BehaviourFacet;
import io.leadproof.evidence.core.SignalDefinition;
import io.leadproof.scoring.engine.EngagementRule;
import io.leadproof.scoring.engine.FitRule;
import io.leadproof.scoring.engine.KnockoutRule;
import io.leadproof.scoring.engine.LeadField;
import io.leadproof.scoring.engine.Operator;
import io.leadproof.scoring.engine.Predicate;
import io.leadproof.scoring.engine.Rule;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Turns a signal into the rule that would score it. Traits and the source become predicates; a
 * behaviour becomes an ENGAGEMENT rule (ANY and count bands over the last 365 days, recency over its
 * 7 or 30 days; a band of at least k occurrences earns points / k per occurrence up to the points).
 * Campaigns, channels, the long tail and first-call signals have no rule form: rules score a lead
 * before handoff on its fields, so those stay findings.
 */
final class RuleFactory {
    static final Duration BEHAVIOUR_WINDOW = Duration.ofDays(365);

    private RuleFactory() {
    }

    /** The predicate of a trait or source signal, null when it has none. */
    static Predicate predicate(SignalDefinition signal) {
        return switch (signal) {
            case SignalDefinition.TraitValue t -> t.value() == null
                    ? new Predicate(t.field(), t.customKey(), Operator.IS_NOT_SET, List.of())
                    : new Predicate(t.field(), t.customKey(), Operator.EQUALS, List.of(t.value()));
            case SignalDefinition.NumberRange r -> range(r);
            case SignalDefinition.Attribution a when a.kind() == AttributionKind.SOURCE -> a.value() == null
                    ? Predicate.of(LeadField.SOURCE, Operator.IS_NOT_SET)
                    : Predicate.of(LeadField.SOURCE, Operator.EQUALS, a.value());
            default -> null;
        };
    }

    private static Predicate range(SignalDefinition.NumberRange r) {
        String min = number(r.min());
        String max = number(r.max());
        if (r.min() == r.max()) {
            return new Predicate(r.field(), r.customKey(), Operator.EQUALS, List.of(min));
        }
        if (r.lowestBin()) {
            return new Predicate(r.field(), r.customKey(), Operator.LESS_OR_EQUAL, List.of(max));
        }
        if (r.highestBin()) {
            return new Predicate(r.field(), r.customKey(), Operator.GREATER_OR_EQUAL, List.of(min));
        }
        return new Predicate(r.field(), r.customKey(), Operator.BETWEEN, List.of(min, max));
    }

    /** A FIT or ENGAGEMENT rule worth {@code points}, or null when the signal has no rule form. */
    static Rule scoring(SignalDefinition signal, String key, int points) {
        String label = label(signal);
        if (signal instanceof SignalDefinition.Behaviour b) {
            BehaviourFacet facet = b.facet();
            int perOccurrence = facet.withinDays() == 0 && facet.minCount() > 1
                    ? Math.max(1, Math.abs(points) / facet.minCount()) * Integer.signum(points) : points;
            Duration window = facet.withinDays() == 0 ? BEHAVIOUR_WINDOW : Duration.ofDays(facet.withinDays());
            return new EngagementRule(key, label, b.type(), b.stage(), null, window, perOccurrence, Math.abs(points), null);
        }
        Predicate when = predicate(signal);
        return when == null ? null : new FitRule(key, label, when, points);
    }

    /** A knock-out for a known trait or source value; null for unknown values (missing data disqualifies no one). */
    static KnockoutRule knockout(SignalDefinition signal, String key) {
        Predicate when = predicate(signal);
        if (when == null || when.op() == Operator.IS_NOT_SET) {
            return null;
        }
        return new KnockoutRule(key, label(signal), when);
    }

    static String label(SignalDefinition signal) {
        String phrase = signal.phrase();
        return Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1);
    }

    /** A rule key from the signal key: "suggested-" and lower-case letters, digits and dashes. */
    static String key(SignalDefinition signal) {
        String slug = signal.key().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return "suggested-" + slug;
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
