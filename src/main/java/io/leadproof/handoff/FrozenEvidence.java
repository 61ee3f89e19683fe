package io.leadproof.handoff;

import java.util.UUID;

/** What was known about the lead when it was handed off: score, contributions, version, attributes. */
record FrozenEvidence(UUID versionId, int total, int fit, int engagement, String contributionsJson, String leadSnapshotJson) {
}
