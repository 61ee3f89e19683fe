package io.leadproof.evidence.prediction;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

/** Which leads a predictive model is for: each kind is trained, versioned, evaluated and served on its own. */
@Enum("PredictivePopulation")
@Description("Which leads a predictive model learns from and scores.")
public enum PredictivePopulation {
    @Description("Every decided handed-off lead, as of its handoff; scores every lead (Lead.prediction).")
    ALL_LEADS,
    @Description("Decided handoffs that sales accepted, as of the end of the first-call window: the base features plus the first-call"
            + " signals logged within the window; scores accepted handoffs (Lead.acceptedPrediction).")
    ACCEPTED_LEADS
}
