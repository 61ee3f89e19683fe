package io.leadproof.evidence.prediction;

import org.eclipse.microprofile.graphql.Description;

@Description("Where a lead's probability falls among the model's training leads.")
public enum PredictionBand {
    @Description("The top 20 %.")
    HIGH,
    @Description("The next 30 %.")
    MEDIUM,
    @Description("The rest.")
    LOW
}
