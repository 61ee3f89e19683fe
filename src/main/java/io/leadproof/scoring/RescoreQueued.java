package io.leadproof.scoring;

import java.util.UUID;

/** A rescoring job was queued; observed after the queuing transaction commits, to start it without waiting for the next poll. */
record RescoreQueued(String workspaceId, UUID jobId) {
}
