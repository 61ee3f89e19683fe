package io.leadproof.evidence.backtest;

/**
 * How the predictive score sorts the same cohort as the rules: its AUC (won vs the rest, over the
 * leads that carry a probability) beside the tested version's, and its precision when it picks as
 * many leads as the tested version qualifies (the top K by probability), beside the version's.
 * Probabilities are kept in 10,000 bins of width 0.0001, so memory stays bounded; leads within one
 * bin tie, and the bin that straddles the K-th lead is taken pro rata.
 *
 * @param scoredLeads        leads that carried a probability
 * @param volume             K, the tested version's would-be MQLs
 * @param precisionAtVolume  won / decided among the top K by probability (null when none decided)
 */
public record PredictiveComparison(long scoredLeads, Double auc, Double rulesAuc, long volume,
                                   Double precisionAtVolume, Double rulesPrecision) {
}
