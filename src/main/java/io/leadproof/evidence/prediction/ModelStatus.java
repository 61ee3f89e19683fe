package io.leadproof.evidence.prediction;

import org.eclipse.microprofile.graphql.Description;

@Description("Where a predictive model (and the training that produces it) stands.")
public enum ModelStatus {
    @Description("Training is queued.")
    QUEUED,
    @Description("Training is running.")
    RUNNING,
    @Description("The workspace's served model: leads' predictions come from it.")
    SERVED,
    @Description("Trained, passed the AUC floor and was served; replaced since by a newer model. Kept for the record.")
    TRAINED,
    @Description("Trained and evaluated, but its holdout AUC is below the floor: stored, never served (reason says why).")
    NOT_SERVED_LOW_AUC,
    @Description("Below the minimum sample: no model; the counts say how many more decided leads are needed.")
    NOT_ENOUGH_DATA,
    @Description("The training failed; reason names the error.")
    FAILED;

    boolean running() {
        return this == QUEUED || this == RUNNING;
    }
}
