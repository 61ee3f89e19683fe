package io.leadproof.evidence.backtest;

import io.leadproof.evidence.core.OutcomeKind;
import io.leadproof.feedback.RejectionCategory;
import io.leadproof.scoring.engine.CompiledCriteria;
import io.leadproof.scoring.engine.Score;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** The running counts of one version over the cohort; turns into {@link VersionFigures} at the end. */
final class VersionTally {
    final CompiledCriteria version;
    private final ScoreHistogram histogram = new ScoreHistogram();
    private final long[] rejectedByCategory = new long[RejectionCategory.values().length];
    private long leads;
    private long mqls;
    private long decided;
    private long won;
    private long rejected;

    VersionTally(CompiledCriteria version) {
        this.version = version;
    }

    /**
     * Scores the lead as of its moment and counts it; returns whether it qualifies.
     *
     * @param decidedLead whether its outcome is in the good or the bad group
     * @param wonLead     whether its outcome is in the good group
     */
    boolean add(BacktestLead lead, boolean decidedLead, boolean wonLead) {
        Score score = version.score(lead.snapshot(), lead.activities(), lead.referenceMoment());
        leads++;
        histogram.add(score.total(), decidedLead, wonLead);
        if (!score.qualified()) {
            return false;
        }
        mqls++;
        if (decidedLead) {
            decided++;
            if (wonLead) {
                won++;
            } else if (lead.outcome().kind() == OutcomeKind.REJECTED) {
                rejected++;
                rejectedByCategory[lead.outcome().rejectionCategory().ordinal()]++;
            }
        }
        return true;
    }

    long mqls() {
        return mqls;
    }

    long decided() {
        return decided;
    }

    long won() {
        return won;
    }

    Double auc() {
        return histogram.auc();
    }

    VersionFigures figures(long wonLeads, double weeks, int reps, int bandWidth) {
        Map<RejectionCategory, Double> byCategory = new EnumMap<>(RejectionCategory.class);
        if (decided > 0) {
            for (RejectionCategory category : RejectionCategory.values()) {
                byCategory.put(category, (double) rejectedByCategory[category.ordinal()] / decided);
            }
        }
        return new VersionFigures(version.versionId(), leads, mqls, ratio(mqls, leads),
                reps == 0 ? null : mqls / weeks / reps, decided, won, rejected, ratio(won, decided), ratio(won, wonLeads),
                ratio(rejected, decided), Collections.unmodifiableMap(byCategory), histogram.auc(),
                histogram.bands(bandWidth));
    }

    static Double ratio(long numerator, long denominator) {
        return denominator == 0 ? null : (double) numerator / denominator;
    }
}
