package io.leadproof.evidence.prediction;

import org.eclipse.microprofile.graphql.Description;

@Description("What started a training.")
public enum TrainingTrigger {
    @Description("predictiveModelTrain.")
    ON_DEMAND,
    @Description("The recurring training (leadproof.prediction.train-every).")
    SCHEDULED
}
