package io.leadproof.scoring.engine;

import io.leadproof.lead.FunnelStage;

/**
 * An engagement rule prepared for scoring. Ages are (seconds, nanos) pairs measured back from
 * asOf, so the window test needs no Instant arithmetic and no allocation per activity.
 */
final class CompiledEngagement implements CompiledRule {
    /** Absorbs binary-fraction noise in decayed sums so that an exact x.5 rounds up as intended. */
    private static final double ROUNDING_TOLERANCE = 1e-9;

    final EngagementRule rule;
    /** Index of this rule's tally in the per-score arrays. */
    final int slot;
    final boolean decays;
    private final FunnelStage stage;
    private final String contentTag;
    private final long windowSeconds;
    private final int windowNanos;
    private final double halfLifeSeconds;
    private final long capMagnitude;
    private final String description;

    CompiledEngagement(EngagementRule rule, int slot) {
        this.rule = rule;
        this.slot = slot;
        this.stage = rule.stage();
        this.contentTag = Values.normalizeText(rule.contentTag());
        this.windowSeconds = rule.window().getSeconds();
        this.windowNanos = rule.window().getNano();
        this.decays = rule.halfLife() != null;
        this.halfLifeSeconds = decays ? rule.halfLife().getSeconds() + rule.halfLife().getNano() / 1e9 : 0;
        this.capMagnitude = Math.abs((long) rule.cap());
        this.description = describe(rule);
    }

    private static String describe(EngagementRule rule) {
        String what = rule.type() == null ? "any activity" : rule.type().name();
        if (rule.stage() != null) {
            what += " (" + rule.stage() + ")";
        }
        if (rule.contentTag() != null) {
            what += " tagged " + Evidence.quote(rule.contentTag().strip());
        }
        int points = rule.pointsPerOccurrence();
        return what + " in last " + Evidence.duration(rule.window()) + ", "
                + points + (Math.abs(points) == 1 ? " pt" : " pts") + " each"
                + (rule.halfLife() == null ? "" : ", decayed with half-life " + Evidence.duration(rule.halfLife()));
    }

    /** Stage and content tag; the type was already matched through the per-type index. */
    boolean accepts(ActivityFact activity) {
        if (stage != null && activity.stage() != stage) {
            return false;
        }
        if (contentTag == null) {
            return true;
        }
        String tag = activity.contentTag();
        return tag != null && tag.strip().equalsIgnoreCase(contentTag);
    }

    /** Whether an activity of this age (≥ 0) lies in (asOf − window, asOf]. */
    boolean isWithinWindow(long ageSeconds, int ageNanos) {
        return ageSeconds < windowSeconds || (ageSeconds == windowSeconds && ageNanos < windowNanos);
    }

    double decayFactor(long ageSeconds, int ageNanos) {
        return Math.pow(0.5, (ageSeconds + ageNanos / 1e9) / halfLifeSeconds);
    }

    /** The rule's points for its tallied occurrences: capped in magnitude, then rounded HALF_UP once. */
    Contribution contribution(int occurrences, double decayedOccurrences) {
        int perOccurrence = rule.pointsPerOccurrence();
        double uncapped = decays ? perOccurrence * decayedOccurrences : (double) occurrences * perOccurrence;
        double magnitude = Math.abs(uncapped);
        boolean capped = magnitude > capMagnitude;
        long points = capped ? capMagnitude
                : decays ? (long) Math.floor(magnitude + 0.5 + ROUNDING_TOLERANCE) : (long) magnitude;
        int signed = (int) (perOccurrence < 0 ? -points : points);
        int signedCap = (int) (perOccurrence < 0 ? -capMagnitude : capMagnitude);
        String evidence = occurrences + " × " + description + " → " + signed
                + (capped ? " (capped at " + signedCap + ")" : " (cap " + signedCap + ")");
        return new Contribution(rule.key(), rule.label(), RuleKind.ENGAGEMENT, signed, evidence);
    }
}
