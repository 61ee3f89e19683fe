package io.leadproof.evidence.read;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.leadproof.evidence.core.Outcome;
import io.leadproof.evidence.core.OutcomeKind;

/**
 * "The 20 most recent won deals and the 20 most recent stalled ones": keeps the N most recent handoffs (ties by lead
 * id) of each outcome kind, in the input's order; leads without an outcome (never handed off) form one group.
 */
final class OutcomeSample {

    private OutcomeSample() {
    }

    static <T> List<T> mostRecent(List<T> all, Integer limit, Function<T, Outcome> outcome, Function<T, Instant> handedOffAt,
            Function<T, UUID> leadId) {
        if (limit == null) {
            return all;
        }
        Map<OutcomeKind, List<T>> byKind = new EnumMap<>(OutcomeKind.class);
        List<T> none = new ArrayList<>();
        for (T item : all) {
            Outcome o = outcome.apply(item);
            (o == null ? none : byKind.computeIfAbsent(o.kind(), k -> new ArrayList<>())).add(item);
        }
        Comparator<T> recentFirst = Comparator.comparing(handedOffAt, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(leadId);
        var kept = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<T, Boolean>());
        for (List<T> group : byKind.values()) {
            group.stream().sorted(recentFirst).limit(limit).forEach(kept::add);
        }
        none.stream().sorted(recentFirst).limit(limit).forEach(kept::add);
        return all.stream().filter(kept::contains).toList();
    }
}
