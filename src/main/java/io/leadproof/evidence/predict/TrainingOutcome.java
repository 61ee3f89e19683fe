package io.leadproof.evidence.predict;

/**
 * What a training run produced.
 * NOT_ENOUGH_DATA: below the minimum sample, no model; the counts and how many more are needed.
 * NOT_SERVED: a model was trained and evaluated but its holdout AUC is below the floor: stored, not used.
 * SERVED: a model to score leads with.
 *
 * @param moreDecidedNeeded decided leads still missing to reach the minimum (0 when reached), likewise per class
 */
public record TrainingOutcome(Status status, String reason, int decided, int won, int notWon, int moreDecidedNeeded,
                              int moreWonNeeded, int moreNotWonNeeded, ModelForm model) {

    public enum Status { NOT_ENOUGH_DATA, NOT_SERVED, SERVED }
}
