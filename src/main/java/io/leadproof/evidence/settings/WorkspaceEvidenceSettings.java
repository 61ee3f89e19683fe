package io.leadproof.evidence.settings;

import java.time.Duration;

import io.leadproof.evidence.core.AsOf;
import io.leadproof.evidence.core.Outcome;

/**
 * A workspace's evidence settings: {@code stalledAfterDays} (an accepted handoff or opportunity with no progress and
 * no logged touch for that long is STALLED) and {@code firstCallWindowDays} (first-call signals count when logged
 * within that many days after the handoff).
 */
public record WorkspaceEvidenceSettings(int stalledAfterDays, int firstCallWindowDays) {

    public static final WorkspaceEvidenceSettings DEFAULTS = new WorkspaceEvidenceSettings(
            (int) Outcome.DEFAULT_STALLED_AFTER.toDays(), (int) AsOf.DEFAULT_FIRST_CALL_WINDOW.toDays());

    public Duration stalledAfter() {
        return Duration.ofDays(stalledAfterDays);
    }

    public Duration firstCallWindow() {
        return Duration.ofDays(firstCallWindowDays);
    }
}
