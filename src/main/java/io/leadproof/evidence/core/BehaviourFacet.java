package io.leadproof.evidence.core;

/**
 * The behaviour signals of one activity type and stage: at least one, a count band (the bands are
 * disjoint: 1, 2–4, 5 or more) or the most recent one within 7 / 30 days before the moment.
 */
public enum BehaviourFacet {
    ANY(1, Integer.MAX_VALUE, 0, ""),
    ONCE(1, 1, 0, " exactly once"),
    TWO_TO_FOUR_TIMES(2, 4, 0, " 2–4 times"),
    FIVE_OR_MORE_TIMES(5, Integer.MAX_VALUE, 0, " 5 or more times"),
    WITHIN_7_DAYS(1, Integer.MAX_VALUE, 7, " in the last 7 days"),
    WITHIN_30_DAYS(1, Integer.MAX_VALUE, 30, " in the last 30 days");

    private final int minCount;
    private final int maxCount;
    private final int withinDays;
    private final String suffix;

    BehaviourFacet(int minCount, int maxCount, int withinDays, String suffix) {
        this.minCount = minCount;
        this.maxCount = maxCount;
        this.withinDays = withinDays;
        this.suffix = suffix;
    }

    public int minCount() {
        return minCount;
    }

    /** Integer.MAX_VALUE when unbounded. */
    public int maxCount() {
        return maxCount;
    }

    /** 0 when the facet is not about recency. */
    public int withinDays() {
        return withinDays;
    }

    String suffix() {
        return suffix;
    }

    /** Whether a lead with {@code count} such activities, the last {@code ageSeconds} before the moment, shows it. */
    boolean holds(int count, long ageSeconds) {
        if (count < minCount || count > maxCount) {
            return false;
        }
        return withinDays == 0 || ageSeconds <= withinDays * 86_400L;
    }
}
