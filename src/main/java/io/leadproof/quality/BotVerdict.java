package io.leadproof.quality;

import java.util.Map;

/**
 * Result of {@link BotCheck}: the activities to exclude from scoring (by id, with the first reason found) and the
 * lead's finding (BOT_ACTIVITY, SUSPECT) when there is any.
 */
public record BotVerdict(Map<String, BotReason> flagged, QualityReport report) {

    public BotVerdict {
        flagged = Map.copyOf(flagged);
    }

    public boolean isFlagged(String activityId) {
        return flagged.containsKey(activityId);
    }
}
