package io.leadproof.evidence.core;

/** Where a lead came from. */
public enum AttributionKind {
    CAMPAIGN, SOURCE, CHANNEL
}
