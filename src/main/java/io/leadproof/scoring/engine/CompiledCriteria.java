package io.leadproof.scoring.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.leadproof.lead.ActivityType;

/**
 * A validated criteria version prepared for scoring many leads: predicate values are parsed and
 * indexed once, and engagement rules are indexed by activity type. Immutable and thread-safe.
 */
public final class CompiledCriteria {
    private static final int[] NO_SLOTS = new int[0];

    private final CriteriaVersionSpec spec;
    private final CompiledRule[] rules;
    private final CompiledEngagement[] engagementRules;
    /** For each activity type ordinal, the slots of the engagement rules that may count it. */
    private final int[][] engagementSlotsByType;

    CompiledCriteria(CriteriaVersionSpec spec) {
        this.spec = spec;
        List<CompiledRule> compiled = new ArrayList<>();
        List<CompiledEngagement> engagement = new ArrayList<>();
        for (Rule rule : spec.rules()) {
            compiled.add(switch (rule) {
                case FitRule fit -> new CompiledRule.Fit(fit, Condition.compile(fit.when()));
                case KnockoutRule knockout -> new CompiledRule.Knockout(knockout, Condition.compile(knockout.when()));
                case EngagementRule behaviour -> {
                    CompiledEngagement e = new CompiledEngagement(behaviour, engagement.size());
                    engagement.add(e);
                    yield e;
                }
            });
        }
        this.rules = compiled.toArray(CompiledRule[]::new);
        this.engagementRules = engagement.toArray(CompiledEngagement[]::new);
        this.engagementSlotsByType = new int[ActivityType.values().length][];
        for (ActivityType type : ActivityType.values()) {
            int[] slots = engagement.stream()
                    .filter(e -> type.isEngagement() && (e.rule.type() == null || e.rule.type() == type))
                    .mapToInt(e -> e.slot)
                    .toArray();
            engagementSlotsByType[type.ordinal()] = slots.length == 0 ? NO_SLOTS : slots;
        }
    }

    public CriteriaVersionSpec spec() {
        return spec;
    }

    public String versionId() {
        return spec.versionId();
    }

    /**
     * Scores a lead as of {@code asOf}. Activities after asOf are ignored, so a caller may pass a
     * lead's full history; the result depends only on the arguments, never on the clock.
     */
    public Score score(LeadSnapshot lead, List<ActivityFact> activities, Instant asOf) {
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(activities, "activities");
        Objects.requireNonNull(asOf, "asOf");
        int[] occurrences = new int[engagementRules.length];
        double[] decayed = new double[engagementRules.length];
        if (engagementRules.length > 0) {
            tally(activities, asOf, occurrences, decayed);
        }
        List<Contribution> contributions = new ArrayList<>(rules.length);
        List<String> knockedOutBy = null;
        long fit = 0;
        long engagement = 0;
        for (CompiledRule compiled : rules) {
            switch (compiled) {
                case CompiledRule.Fit f when f.when().matches(lead) -> {
                    contributions.add(new Contribution(f.rule().key(), f.rule().label(), RuleKind.FIT,
                            f.rule().points(), f.when().evidence(lead)));
                    fit += f.rule().points();
                }
                case CompiledRule.Knockout k when k.when().matches(lead) -> {
                    contributions.add(new Contribution(k.rule().key(), k.rule().label(), RuleKind.KNOCK_OUT,
                            0, k.when().evidence(lead)));
                    knockedOutBy = knockedOutBy == null ? new ArrayList<>(2) : knockedOutBy;
                    knockedOutBy.add(k.rule().key());
                }
                case CompiledEngagement e when occurrences[e.slot] > 0 -> {
                    Contribution c = e.contribution(occurrences[e.slot], decayed[e.slot]);
                    contributions.add(c);
                    engagement += c.points();
                }
                default -> { }
            }
        }
        return toScore(fit, engagement, knockedOutBy == null ? List.of() : knockedOutBy, contributions, asOf);
    }

    private void tally(List<ActivityFact> activities, Instant asOf, int[] occurrences, double[] decayed) {
        long asOfSeconds = asOf.getEpochSecond();
        int asOfNanos = asOf.getNano();
        for (ActivityFact activity : activities) {
            if (!activity.countsAsEngagement()) {
                continue;
            }
            int[] slots = engagementSlotsByType[activity.type().ordinal()];
            if (slots.length == 0) {
                continue;
            }
            Instant at = activity.occurredAt();
            long ageSeconds = asOfSeconds - at.getEpochSecond();
            int ageNanos = asOfNanos - at.getNano();
            if (ageNanos < 0) {
                ageSeconds--;
                ageNanos += 1_000_000_000;
            }
            if (ageSeconds < 0) {
                continue; // after asOf: not known at the scoring moment
            }
            for (int slot : slots) {
                CompiledEngagement rule = engagementRules[slot];
                if (rule.isWithinWindow(ageSeconds, ageNanos) && rule.accepts(activity)) {
                    occurrences[slot]++;
                    if (rule.decays) {
                        decayed[slot] += rule.decayFactor(ageSeconds, ageNanos);
                    }
                }
            }
        }
    }

    private Score toScore(long fit, long engagement, List<String> knockedOutBy, List<Contribution> contributions,
                          Instant asOf) {
        Thresholds thresholds = spec.thresholds();
        long total = fit + engagement;
        boolean qualified = knockedOutBy.isEmpty()
                && total >= thresholds.mql()
                && (thresholds.minFit() == null || fit >= thresholds.minFit())
                && (thresholds.minEngagement() == null || engagement >= thresholds.minEngagement());
        return new Score(Math.toIntExact(total), Math.toIntExact(fit), Math.toIntExact(engagement), qualified,
                knockedOutBy, contributions, spec.versionId(), asOf);
    }

    @Override
    public String toString() {
        return "CompiledCriteria[" + spec.versionId() + ", " + rules.length + " rules]";
    }
}
