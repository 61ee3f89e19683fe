package io.leadproof.scoring;

import java.time.Instant;
import java.util.UUID;

/** A lead became MQL under the handoff model's active version (fired in the scoring transaction). */
public record LeadQualified(String workspaceId, UUID leadId, UUID versionId, Instant crossedAt) {
}
