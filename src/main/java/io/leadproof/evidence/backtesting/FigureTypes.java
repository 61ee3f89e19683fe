package io.leadproof.evidence.backtesting;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.leadproof.evidence.backtest.BacktestResult;
import io.leadproof.evidence.backtest.PredictiveComparison;
import io.leadproof.evidence.backtest.ScoreBandOutcome;
import io.leadproof.evidence.backtest.VersionFigures;
import io.leadproof.evidence.prediction.ServedModel;
import io.leadproof.feedback.RejectionCategory;

/** The figures of a backtest as the API shows them; also the stored form of a result (JSON). */
public final class FigureTypes {

    private FigureTypes() {
    }

    @Type("CriteriaBacktestFigures")
    @Description("What one criteria version would have done over the cohort. A ratio over an empty denominator is null.")
    public record Figures(
            @NonNull @Description("Leads of the cohort replayed.") long leads,
            @NonNull @Description("Leads the version qualifies at their reference moment (would-be MQLs).") long wouldBeMqls,
            @Description("Would-be MQLs divided by leads.") Double qualificationRate,
            @Description("Would-be MQLs per rep per week of the window (projected handoffs).") Double handoffsPerRepPerWeek,
            @NonNull @Description("Would-be MQLs whose outcome is decided (WON, LOST, STALLED, REJECTED).") long decidedAmongMqls,
            @NonNull @Description("Would-be MQLs that were won.") long wonAmongMqls,
            @NonNull @Description("Would-be MQLs that sales rejected.") long rejectedAmongMqls,
            @Description("Won / decided among would-be MQLs.") Double precision,
            @Description("Won leads that would have qualified / won leads of the cohort.") Double recall,
            @Description("Rejected / decided among would-be MQLs: the would-be bad-lead rate.") Double badLeadRate,
            @NonNull @Description("The bad-lead rate per rejection category; every category once a would-be MQL is decided, else none.")
            List<@NonNull CategoryRate> badLeadRateByCategory,
            @Description("AUC of the replayed total: won leads against every other lead of the cohort (0.5 = no better than chance).") Double auc,
            @NonNull @Description("Outcomes per band of the replayed total: the calibration picture.") List<@NonNull ScoreBand> scoreBands) {

        static Figures of(VersionFigures f) {
            return new Figures(f.leads(), f.wouldBeMqls(), f.qualificationRate(), f.handoffsPerRepPerWeek(), f.decidedAmongMqls(),
                    f.wonAmongMqls(), f.rejectedAmongMqls(), f.precision(), f.recall(), f.badLeadRate(),
                    f.badLeadRateByCategory().entrySet().stream().sorted(Map.Entry.comparingByKey())
                            .map(e -> new CategoryRate(e.getKey(), e.getValue())).toList(),
                    f.auc(), f.scoreBands().stream().map(ScoreBand::of).toList());
        }
    }

    @Type("CriteriaBacktestCategoryRate")
    @Description("Rejected in one category / decided among would-be MQLs.")
    public record CategoryRate(@NonNull @Description("The rejection category.") RejectionCategory category,
                               @NonNull @Description("The rate.") double rate) {
    }

    @Type("CriteriaBacktestScoreBand")
    @Description("Leads whose replayed total lies in [from, to), and how they ended.")
    public record ScoreBand(
            @NonNull @Description("Lowest total of the band (inclusive).") int from,
            @NonNull @Description("Upper bound of the band (exclusive).") int to,
            @NonNull @Description("Leads in the band.") long leads,
            @NonNull @Description("Of them decided.") long decided,
            @NonNull @Description("Of them won.") long won,
            @Description("Won divided by decided; null when none is decided.") Double winRate,
            @Description("Lower bound of the Wilson 95 % interval of the win rate.") Double winRateLower,
            @Description("Upper bound of the Wilson 95 % interval of the win rate.") Double winRateUpper) {

        static ScoreBand of(ScoreBandOutcome b) {
            var r = b.winRate();
            return new ScoreBand(b.from(), b.to(), b.leads(), b.decided(), b.won(), r == null ? null : r.value(),
                    r == null ? null : r.lower(), r == null ? null : r.upper());
        }
    }

    @Type("CriteriaBacktestDifference")
    @Description("Tested version − compared version; a delta is null when either side is.")
    public record Difference(
            @NonNull @Description("More (or, negative, fewer) would-be MQLs.") long wouldBeMqls,
            @Description("Change of the qualification rate.") Double qualificationRate,
            @Description("Change of the projected handoffs per rep per week.") Double handoffsPerRepPerWeek,
            @Description("Change of precision.") Double precision,
            @Description("Change of recall.") Double recall,
            @Description("Change of the bad-lead rate.") Double badLeadRate,
            @Description("Change of AUC.") Double auc) {

        static Difference of(BacktestResult.Difference d) {
            return new Difference(d.wouldBeMqls(), d.qualificationRate(), d.handoffsPerRepPerWeek(), d.precision(), d.recall(),
                    d.badLeadRate(), d.auc());
        }
    }

    @Type("CriteriaBacktestPredictiveComparison")
    @Description("How the workspace's served predictive conversion score sorts the same cohort as the tested rules: AUC"
            + " of each, and the precision of each when both pick the same number of leads. The model may have been trained"
            + " on some of these leads; its holdout figures are on the model.")
    public record Predictive(
            @NonNull @Description("Leads that carried a predicted probability.") long scoredLeads,
            @Description("AUC of the probability, won vs the rest.") Double auc,
            @Description("AUC of the tested version's total.") Double rulesAuc,
            @NonNull @Description("The tested version's would-be MQLs: the volume both pick.") long volume,
            @Description("Precision (won among decided) of the top `volume` leads by probability.") Double precisionAtVolume,
            @Description("Precision of the tested version at that volume (its would-be MQLs).") Double rulesPrecision,
            @NonNull @Description("Version number of the predictive model that scored the cohort.") int modelVersion,
            @Ignore UUID modelId) {

        static Predictive of(PredictiveComparison p, ServedModel model) {
            return p == null || model == null ? null : new Predictive(p.scoredLeads(), p.auc(), p.rulesAuc(), p.volume(),
                    p.precisionAtVolume(), p.rulesPrecision(), model.version(), model.modelId());
        }
    }

    /** The stored result (JSON in criteria_backtest.result); the changed-side leads are rows of criteria_backtest_lead. */
    public record Stored(Figures tested, Figures compareWith, Difference difference, long actualHandoffs, long wonLeads,
                         Predictive predictive, String predictiveUnavailable) {

        static final String NO_MODEL = "The workspace serves no predictive model: none was trained, or none had enough"
                + " decided leads or a holdout AUC of at least 0.6 (see predictiveModels).";
        static final String NO_LEADS = "No lead of the cohort was scored.";

        static Stored of(BacktestResult r, ServedModel model) {
            Predictive predictive = Predictive.of(r.predictive(), model);
            return new Stored(Figures.of(r.tested()), Figures.of(r.baseline()), Difference.of(r.difference()), r.actualHandoffs(),
                    r.wonLeads(), predictive, predictive != null ? null : model == null ? NO_MODEL : NO_LEADS);
        }
    }
}
