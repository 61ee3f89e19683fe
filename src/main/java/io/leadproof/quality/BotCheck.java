package io.leadproof.quality;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Flags a lead's activities that a bot made, to exclude them from scoring and mark the lead SUSPECT.
 *
 * <ul>
 * <li>HONEYPOT: a property named as a honeypot field has a non-blank value.</li>
 * <li>CRAWLER_AGENT: a user-agent property matches a crawler or script pattern.</li>
 * <li>BURST: the activity lies in a span of {@link BotRules#burstWindow()} holding {@link BotRules#burstEvents()}
 *     activities or more.</li>
 * <li>TIMESTAMP_FLOOD: {@link BotRules#floodEvents()} activities or more share the very same instant.</li>
 * </ul>
 * Timestamps on a whole minute (seconds and fractions zero) count for neither BURST nor TIMESTAMP_FLOOD: imports
 * with dates or minutes only give many activities the same instant in good faith. Pure: the caller passes the
 * lead's activities in the span that matters (at least the burst window before the newest); order does not matter.
 */
public final class BotCheck {

    private final BotRules rules;

    public BotCheck(BotRules rules) {
        this.rules = rules;
    }

    public BotVerdict check(List<ActivitySignal> activities) {
        Map<String, BotReason> flagged = new LinkedHashMap<>();
        for (ActivitySignal a : activities) {
            BotReason reason = propertyReason(a.properties());
            if (reason != null) {
                flagged.put(a.activityId(), reason);
            }
        }
        List<ActivitySignal> timed = activities.stream().filter(a -> !isCoarse(a.occurredAt()))
                .sorted(Comparator.comparing(ActivitySignal::occurredAt)).toList();
        flagFloods(timed, flagged);
        flagBursts(timed, flagged);
        if (flagged.isEmpty()) {
            return new BotVerdict(Map.of(), QualityReport.VALID);
        }
        var counts = new EnumMap<BotReason, Integer>(BotReason.class);
        flagged.values().forEach(r -> counts.merge(r, 1, Integer::sum));
        var parts = new ArrayList<String>();
        counts.forEach((reason, n) -> parts.add(n + " " + reason.name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        return new BotVerdict(flagged, QualityReport.of(List.of(new QualityIssue(QualityCode.BOT_ACTIVITY, "activities",
                flagged.size() + " of " + activities.size() + " activities look automated (" + String.join(", ", parts) + ")"))));
    }

    private BotReason propertyReason(Map<String, String> properties) {
        for (var entry : properties.entrySet()) {
            String key = entry.getKey().toLowerCase(Locale.ROOT);
            String value = entry.getValue();
            if (value == null || value.isBlank()) {
                continue;
            }
            if (rules.honeypotFields().contains(key)) {
                return BotReason.HONEYPOT;
            }
            if (rules.userAgentProperties().contains(key) && rules.crawlerAgents().stream().anyMatch(p -> p.matcher(value).find())) {
                return BotReason.CRAWLER_AGENT;
            }
        }
        return null;
    }

    private void flagFloods(List<ActivitySignal> timed, Map<String, BotReason> flagged) {
        Map<Instant, List<ActivitySignal>> byInstant = new HashMap<>();
        timed.forEach(a -> byInstant.computeIfAbsent(a.occurredAt(), t -> new ArrayList<>()).add(a));
        byInstant.values().stream().filter(same -> same.size() >= rules.floodEvents())
                .forEach(same -> same.forEach(a -> flagged.putIfAbsent(a.activityId(), BotReason.TIMESTAMP_FLOOD)));
    }

    private void flagBursts(List<ActivitySignal> timed, Map<String, BotReason> flagged) {
        int left = 0;
        int markedUpTo = -1;
        for (int right = 0; right < timed.size(); right++) {
            Instant end = timed.get(right).occurredAt();
            while (timed.get(left).occurredAt().plus(rules.burstWindow()).isBefore(end)) {
                left++;
            }
            if (right - left + 1 >= rules.burstEvents()) {
                for (int i = Math.max(left, markedUpTo + 1); i <= right; i++) {
                    flagged.putIfAbsent(timed.get(i).activityId(), BotReason.BURST);
                }
                markedUpTo = right;
            }
        }
    }

    private static boolean isCoarse(Instant at) {
        return at.getNano() == 0 && at.getEpochSecond() % 60 == 0;
    }
}
