package io.leadproof.evidence.rejections;

import io.leadproof.feedback.RejectionCategory;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Handoffs and rejections per month of handoff, per reason and per category. */
final class Trends {
    private final TreeMap<YearMonth, Integer> handoffs = new TreeMap<>();
    private final Map<String, Map<YearMonth, Integer>> byReason = new HashMap<>();
    private final Map<RejectionCategory, Map<YearMonth, Integer>> byCategory = new HashMap<>();

    void add(HandoffCase handoff, ZoneId zone) {
        add(new RejectionCounts.MonthCount(YearMonth.from(handoff.handedOffAt().atZone(zone)), handoff.response(),
                handoff.reasonCode(), handoff.category(), 1));
    }

    void add(RejectionCounts.MonthCount count) {
        handoffs.merge(count.month(), count.handoffs(), Integer::sum);
        if (count.response() == HandoffCase.Response.REJECTED) {
            byReason.computeIfAbsent(count.reasonCode(), r -> new HashMap<>()).merge(count.month(), count.handoffs(), Integer::sum);
            byCategory.computeIfAbsent(count.category(), c -> new HashMap<>()).merge(count.month(), count.handoffs(), Integer::sum);
        }
    }

    int reasonCount(String reason) {
        return byReason.getOrDefault(reason, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
    }

    int categoryCount(RejectionCategory category) {
        return byCategory.getOrDefault(category, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
    }

    List<MonthCount> reasonTrend(String reason) {
        return trend(byReason.getOrDefault(reason, Map.of()));
    }

    List<MonthCount> categoryTrend(RejectionCategory category) {
        return trend(byCategory.getOrDefault(category, Map.of()));
    }

    /** Every month with handoffs, first to last, so a month without rejections shows as 0. */
    private List<MonthCount> trend(Map<YearMonth, Integer> rejected) {
        List<MonthCount> months = new ArrayList<>(handoffs.size());
        handoffs.forEach((month, count) -> {
            int r = rejected.getOrDefault(month, 0);
            months.add(new MonthCount(month, r, count, (double) r / count));
        });
        return months;
    }
}
