package io.leadproof.evidence.draft;

import io.leadproof.criteria.RuleDefinition;

/** Edits of a stored rule definition that keep everything the human wrote but the points. */
final class DraftEdits {

    private DraftEdits() {
    }

    /** {@code before} with the points of {@code proposed} (FIT: points; ENGAGEMENT: per occurrence and cap). */
    static RuleDefinition withPoints(RuleDefinition before, RuleDefinition proposed) {
        return new RuleDefinition(before.key(), before.label(), before.kind(), before.field(), before.customKey(),
                before.operator(), before.values(), proposed.points(), before.activityType(), before.funnelStage(),
                before.contentTag(), before.windowDays(), proposed.pointsPerOccurrence(), proposed.cap(), before.halfLifeDays());
    }
}
