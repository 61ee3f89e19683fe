package io.leadproof.criteria;

import java.time.Instant;
import java.util.UUID;

/** A version became ACTIVE (fired inside the publishing transaction); its leads must be rescored. */
public record VersionPublished(String workspaceId, UUID modelId, UUID versionId, Instant publishedAt) {
}
