package io.leadproof.evidence.prediction;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.leadproof.common.Node;
import io.leadproof.common.PageInfo;
import io.leadproof.common.UserError;

/** Output types of the predictive score (docs/evidence.md, "Predictive score"). */
public final class PredictionTypes {

    private PredictionTypes() {
    }

    @Type("PredictiveModel")
    @Description("A training of the workspace's predictive conversion score and the model it produced, kept for the record."
            + " Only a SERVED model scores leads; every other status says why not.")
    public record ModelView(
            @Id @NonNull @Description("Global id.") String id,
            @NonNull @Description("Version in this workspace: 1, 2, … in the order trainings were started.") int version,
            @NonNull @Description("Where it stands.") ModelStatus status,
            @NonNull @Description("Whether it scores leads now (status SERVED).") boolean served,
            @Description("Why it is not served, failed or had not enough data; null otherwise.") String reason,
            @NonNull @Description("What started the training.") TrainingTrigger trigger,
            @Description("Who started it; null for the schedule.") String requestedBy,
            @Description("Why it was started, as given.") String note,
            @NonNull @Description("When it was queued.") OffsetDateTime createdAt,
            @Description("When it started.") OffsetDateTime startedAt,
            @Description("When it finished.") OffsetDateTime finishedAt,
            @Description("The decided leads it learned from and how many more the minimum needs; null before it finished or when it failed.") SampleView sample,
            @Description("How it did on the time-based holdout (the latest 30 % of decided leads); null when no model was trained.") EvaluationView evaluation,
            @NonNull @Description("Leads whose prediction this model has written (its bulk pass and ingest; 0 for an ACCEPTED_LEADS model, which predicts on read).") int predictedLeads,
            @NonNull @Description("Which leads it learns from and scores.") PredictivePopulation population) implements Node {
    }

    @Type("PredictiveSample")
    @Description("The decided handed-off leads (WON vs LOST, STALLED, REJECTED) a training saw, and what the minimum sample still needs.")
    public record SampleView(
            @NonNull @Description("Decided leads.") int decided,
            @NonNull @Description("Of them WON.") int won,
            @NonNull @Description("Of them LOST, STALLED or REJECTED.") int notWon,
            @NonNull @Description("Decided leads still missing to reach the minimum (0 when reached).") int moreDecidedNeeded,
            @NonNull @Description("WON leads still missing.") int moreWonNeeded,
            @NonNull @Description("Not-won leads still missing.") int moreNotWonNeeded) {
    }

    @Type("PredictiveEvaluation")
    @Description("Accuracy measured on the latest decided leads, which training never saw.")
    public record EvaluationView(
            @NonNull @Description("Leads trained on.") int trainingLeads,
            @NonNull @Description("Leads held out.") int holdoutLeads,
            @NonNull @Description("Held-out leads that were WON.") int holdoutWon,
            @NonNull @Description("Area under the ROC curve on the holdout: 0.5 is chance, 1 perfect. Below 0.6 the model is not served.") double auc,
            @NonNull @Description("Brier score on the holdout: mean squared error of the probability; 0 perfect, 0.25 a coin.") double brier,
            @Description("Win rate of the holdout's top decile / the holdout's win rate; null when the holdout has no win.") Double topDecileLift,
            @NonNull @Description("Predicted vs actual per decile of predicted probability, lowest first.") List<@NonNull CalibrationView> calibration) {
    }

    @Type("PredictiveCalibrationBin")
    @Description("One decile of the holdout by predicted probability.")
    public record CalibrationView(
            @NonNull @Description("1 (lowest predictions) .. 10.") int decile,
            @NonNull @Description("Leads in the decile.") int leads,
            @NonNull @Description("Mean predicted probability.") double meanPredicted,
            @NonNull @Description("Actual win rate.") double actualWinRate,
            @NonNull @Description("Lower bound of its 95 % Wilson interval.") double actualLower,
            @NonNull @Description("Upper bound of its 95 % Wilson interval.") double actualUpper) {
    }

    @Type("PredictiveModelEdge")
    @Description("A model in a list.")
    public record Edge(@NonNull @Description("Opaque cursor.") String cursor, @NonNull @Description("The model.") ModelView node) {
    }

    @Type("PredictiveModelConnection")
    @Description("The workspace's predictive models, newest version first.")
    public record Connection(
            @NonNull @Description("Models on all pages.") int totalCount,
            @NonNull @Description("This page.") List<@NonNull Edge> edges,
            @NonNull @Description("Paging.") PageInfo pageInfo) {
    }

    @Type("PredictiveModelTrainPayload")
    @Description("The training queued, or why not.")
    public record TrainPayload(
            @Description("The queued training; null when refused.") ModelView model,
            @NonNull @Description("Problems; TRAINING_IN_PROGRESS when one is already queued or running.") List<@NonNull UserError> userErrors) {
    }

    @Type("LeadPrediction")
    @Description("The lead's probability of becoming WON under the workspace's predictive model, with the factors that move it."
            + " A learned score beside the rules; it never replaces them.")
    public record PredictionView(
            @NonNull @Description("Probability of WON, 0..1.") double probability,
            @NonNull @Description("Where it falls among the training leads.") PredictionBand band,
            @NonNull @Description("Up to three factors pushing it up and three pushing it down, largest effect first.") List<@NonNull FactorView> factors,
            @NonNull @Description("Version of the model that computed it.") int modelVersion,
            @NonNull @Description("The model that computed it.") ModelView model,
            @NonNull @Description("When it was computed.") OffsetDateTime computedAt) {
    }

    @Type("PredictionFactor")
    @Description("What one feature of the lead does to its log-odds of winning, against the average training lead.")
    public record FactorView(
            @NonNull @Description("Feature, e.g. budgetStatus or activity:DEMO_REQUESTED:BOFU.") String feature,
            @NonNull @Description("The lead's value, e.g. APPROVED.") String value,
            @NonNull @Description("Change in log-odds; positive pushes the probability up.") double effect) {
    }
}
