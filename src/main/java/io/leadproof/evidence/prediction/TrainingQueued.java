package io.leadproof.evidence.prediction;

/** A training was queued; observed after the queuing transaction commits, to start it without waiting for the next poll. */
record TrainingQueued(String workspaceId) {
}
