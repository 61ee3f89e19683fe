package io.leadproof.evidence.backtest;

import io.leadproof.feedback.RejectionCategory;

import java.util.List;
import java.util.Map;

/**
 * What one criteria version would have done over the cohort. Every ratio whose denominator is 0 is
 * null, never 0 or NaN.
 *
 * @param leads                 leads of the cohort replayed
 * @param wouldBeMqls           leads the version qualifies at their reference moment
 * @param qualificationRate     wouldBeMqls / leads
 * @param handoffsPerRepPerWeek wouldBeMqls / (cohort span in weeks) / reps
 * @param decidedAmongMqls      would-be MQLs whose outcome is decided (WON, LOST, STALLED, REJECTED)
 * @param precision             won / decided among would-be MQLs
 * @param recall                would-be MQLs among won leads / won leads of the cohort
 * @param badLeadRate           rejected / decided among would-be MQLs
 * @param badLeadRateByCategory per rejection category: rejected in it / decided among would-be MQLs
 * @param auc                   AUC of the total against won vs every other lead of the cohort
 * @param scoreBands            outcomes per band of the replayed total
 */
public record VersionFigures(
        String versionId,
        long leads,
        long wouldBeMqls,
        Double qualificationRate,
        Double handoffsPerRepPerWeek,
        long decidedAmongMqls,
        long wonAmongMqls,
        long rejectedAmongMqls,
        Double precision,
        Double recall,
        Double badLeadRate,
        Map<RejectionCategory, Double> badLeadRateByCategory,
        Double auc,
        List<ScoreBandOutcome> scoreBands) {
}
