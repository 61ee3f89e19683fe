package io.leadproof.scoring.engine;

/** Qualification bars: total ≥ mql, and fit / engagement at least their minimum when one is set. */
public record Thresholds(int mql, Integer minFit, Integer minEngagement) {
    public static Thresholds mql(int mql) {
        return new Thresholds(mql, null, null);
    }
}
