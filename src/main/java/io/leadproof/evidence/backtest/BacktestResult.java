package io.leadproof.evidence.backtest;

/**
 * Both versions side by side, the difference (tested − baseline), the leads that change side, and
 * optionally how a predictive score would have sorted the same cohort.
 *
 * @param actualHandoffs  leads of the cohort actually handed off
 * @param wonLeads        leads of the cohort whose handoff was won
 * @param newlyQualified  qualified by the tested version, not by the baseline
 * @param newlyExcluded   qualified by the baseline, not by the tested version
 * @param predictive      null when no lead carried a predicted probability
 */
public record BacktestResult(
        VersionFigures tested,
        VersionFigures baseline,
        Difference difference,
        long actualHandoffs,
        long wonLeads,
        ChangedLeads newlyQualified,
        ChangedLeads newlyExcluded,
        PredictiveComparison predictive) {

    /** tested − baseline; a delta is null when either side is. */
    public record Difference(long wouldBeMqls, Double qualificationRate, Double handoffsPerRepPerWeek,
                             Double precision, Double recall, Double badLeadRate, Double auc) {

        static Difference between(VersionFigures tested, VersionFigures baseline) {
            return new Difference(tested.wouldBeMqls() - baseline.wouldBeMqls(),
                    minus(tested.qualificationRate(), baseline.qualificationRate()),
                    minus(tested.handoffsPerRepPerWeek(), baseline.handoffsPerRepPerWeek()),
                    minus(tested.precision(), baseline.precision()),
                    minus(tested.recall(), baseline.recall()),
                    minus(tested.badLeadRate(), baseline.badLeadRate()),
                    minus(tested.auc(), baseline.auc()));
        }

        private static Double minus(Double a, Double b) {
            return a == null || b == null ? null : a - b;
        }
    }
}
