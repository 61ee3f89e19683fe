package io.leadproof.evidence.backtest;

import io.leadproof.scoring.engine.CompiledCriteria;

import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Replays two compiled criteria versions over a cohort of leads as of their reference moments,
 * streaming: {@link #start}, then {@link #accept} each lead once (in any order), then {@link #finish}.
 * Nothing is written anywhere; memory is bounded by the distinct totals, the 10,001 probability bins,
 * the distinct owners and the compact lists of leads that change side. Not thread-safe: one run per
 * thread (two runs over halves of a cohort cannot be merged; feed one run).
 *
 * <p>Per version, with "won" the good group of the options and "decided" the good and bad groups
 * (by default WON, and WON, LOST, STALLED, REJECTED): would-be MQLs (the lead qualifies at its moment)
 * and qualification rate; projected handoffs per rep per week; precision = won / decided among
 * would-be MQLs; recall = would-be MQLs among won leads; bad-lead rate = rejected / decided among
 * would-be MQLs, also per rejection category; AUC of the total, won vs every other lead; win rate per
 * score band. Then the difference and the leads that change side, each with its outcome.
 */
public final class Backtest {
    private final VersionTally tested;
    private final VersionTally baseline;
    private final BacktestOptions options;
    private final ChangedLeads newlyQualified = new ChangedLeads();
    private final ChangedLeads newlyExcluded = new ChangedLeads();
    private final ProbabilityHistogram predictions = new ProbabilityHistogram();
    private final Set<String> owners = new HashSet<>();
    private long handoffs;
    private long wonLeads;

    private Backtest(CompiledCriteria tested, CompiledCriteria baseline, BacktestOptions options) {
        this.tested = new VersionTally(Objects.requireNonNull(tested, "tested"));
        this.baseline = new VersionTally(Objects.requireNonNull(baseline, "baseline"));
        this.options = Objects.requireNonNull(options, "options");
    }

    /** @param tested the version under test (a draft or any other); baseline: the one to compare with */
    public static Backtest start(CompiledCriteria tested, CompiledCriteria baseline, BacktestOptions options) {
        return new Backtest(tested, baseline, options);
    }

    public void accept(BacktestLead lead) {
        boolean good = options.good().contains(lead.outcome());
        boolean counted = good || options.bad().contains(lead.outcome());
        boolean inTested = tested.add(lead, counted, good);
        boolean inBaseline = baseline.add(lead, counted, good);
        if (inTested && !inBaseline) {
            newlyQualified.add(lead.leadId(), lead.outcome());
        } else if (inBaseline && !inTested) {
            newlyExcluded.add(lead.leadId(), lead.outcome());
        }
        if (lead.handedOffAt() != null) {
            handoffs++;
        }
        if (good) {
            wonLeads++;
        }
        if (lead.owner() != null) {
            owners.add(lead.owner());
        }
        if (!Double.isNaN(lead.predictedProbability())) {
            predictions.add(lead.predictedProbability(), counted, good);
        }
    }

    public BacktestResult finish() {
        double weeks = options.cohortSpan().toSeconds() / (double) Duration.ofDays(7).toSeconds();
        int reps = options.reps() != null ? options.reps() : owners.size();
        VersionFigures testedFigures = tested.figures(wonLeads, weeks, reps, options.scoreBandWidth());
        VersionFigures baselineFigures = baseline.figures(wonLeads, weeks, reps, options.scoreBandWidth());
        PredictiveComparison predictive = predictions.total() == 0 ? null
                : new PredictiveComparison(predictions.total(), predictions.auc(), testedFigures.auc(), tested.mqls(),
                        predictions.precisionAtVolume(tested.mqls()), testedFigures.precision());
        return new BacktestResult(testedFigures, baselineFigures,
                BacktestResult.Difference.between(testedFigures, baselineFigures), handoffs, wonLeads,
                newlyQualified, newlyExcluded, predictive);
    }
}
